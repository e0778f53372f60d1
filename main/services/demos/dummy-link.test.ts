import { execFileSync } from 'node:child_process';
import Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import {
  DUMMY_LINK_PREFIX,
  dummyLinkAvailable,
  runLinkHelper,
  sweepDummyLinks,
} from './dummy-link';

const docker = new Dockerode();
const helpers = () =>
  // This process's helpers only: other test files may run link helpers at the same time.
  execFileSync(
    'docker',
    [
      'ps',
      '-aq',
      '--filter',
      'label=berth.helper=dummy-link',
      '--filter',
      `label=berth.pid=${process.pid}`,
    ],
    {
      encoding: 'utf8',
    },
  ).trim();

describe('dummy links on the engine host (real dockerd)', () => {
  it('says whether a dummy parent can be made, and sweeps leftovers either way', async () => {
    const check = await dummyLinkAvailable(docker);
    if (!check.available) {
      // This kernel has no dummy driver (or NET_ADMIN is refused): the reason says so.
      expect(check.reason).toMatch(/dummy interface/);
      expect(await sweepDummyLinks(docker)).toEqual([]);
    } else {
      const name = `${DUMMY_LINK_PREFIX}t${process.pid % 10000}`;
      expect((await runLinkHelper(docker, `ip link add ${name} type dummy`)).exitCode).toBe(0);
      expect(await sweepDummyLinks(docker)).toContain(name);
      expect(
        (await runLinkHelper(docker, `ip -o link | grep -c ${DUMMY_LINK_PREFIX} || true`)).output,
      ).toBe('0');
    }
    expect(helpers()).toBe('');
  }, 30_000);
});
