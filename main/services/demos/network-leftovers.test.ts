import { spawn } from 'node:child_process';
import path from 'node:path';
import Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { sweepLeftovers } from './sweep';

const docker = new Dockerode();
const root = path.resolve(import.meta.dirname, '../../..');

async function labelledNetworks(demo: string): Promise<string[]> {
  const list = await docker.listNetworks({
    filters: JSON.stringify({ label: [`berth.demo=${demo}`] }),
  });
  return list.map((n) => n.Name);
}

/** Starts `npm run demo -- <id>` and kills it (SIGKILL, no cleanup) once the demo has made a network. */
async function killMidRun(demo: string): Promise<string[]> {
  const child = spawn('npx', ['tsx', 'main/cli/demo.ts', demo], {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  let names: string[] = [];
  while (Date.now() < deadline) {
    names = await labelledNetworks(demo);
    if (names.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  process.kill(-child.pid!, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 300));
  return names;
}

describe('network demos killed mid-run leave nothing after a sweep (real dockerd)', () => {
  it.each(['network-aliases', 'compose-default-network'])(
    '%s: its networks (and containers) are swept',
    async (demo) => {
      const left = await killMidRun(demo);
      expect(left.length, 'the demo made a network before it was killed').toBeGreaterThan(0);
      // Compose may still be finishing what it started; sweep until nothing of the demo is left.
      for (let i = 0; i < 20 && (await labelledNetworks(demo)).length; i++) {
        await sweepLeftovers(docker);
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(await labelledNetworks(demo)).toEqual([]);
      const containers = await docker.listContainers({
        all: true,
        filters: JSON.stringify({ label: [`berth.demo=${demo}`] }),
      });
      expect(containers.map((c) => c.Names[0])).toEqual([]);
    },
    90_000,
  );
});
