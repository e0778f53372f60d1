import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { BaseImageResolver } from '../base-image';
import { DemoRun } from '../demo-runner';
import { checkVaultDemoYaml } from './parse-vault-demo';
import { noteDemoBlocks } from './note-demo-blocks';

const docFile = path.resolve(import.meta.dirname, '../../../../docs/demo-format.md');
const docker = new Dockerode();

describe('docs/demo-format.md', () => {
  const text = fs.readFileSync(docFile, 'utf8');

  it('has exactly one berth-demo block, and it is valid and allowed', () => {
    const blocks = noteDemoBlocks('docs/demo-format.md', text);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.problems).toEqual([]);
    expect(blocks[0]?.refusals).toEqual([]);
    expect(blocks[0]?.runnable?.id).toBe('vault-bind-build-volume');
  });

  it('its first berth-demo block runs green against the real Docker daemon and leaves nothing behind', async () => {
    const demo = noteDemoBlocks('docs/demo-format.md', text)[0]!.runnable!;
    const run = new DemoRun(
      demo,
      {
        docker: () => docker,
        baseImage: new BaseImageResolver(),
        workRoot: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-doc-demo-')),
      },
      () => {},
    );
    const record = await run.done;
    expect(
      record.status,
      `${record.reason ?? ''}\n${JSON.stringify(record.steps.map((s) => [s.title, s.status, s.error]))}`,
    ).toBe('passed');
    expect(record.steps.every((s) => s.status === 'passed')).toBe(true);
    const filters = JSON.stringify({ label: [`berth.run=${record.runId}`] });
    const [containers, volumes, images] = await Promise.all([
      docker.listContainers({ all: true, filters }),
      docker.listVolumes({ filters }),
      docker.listImages({ all: true, filters }),
    ]);
    expect(containers.length + (volumes.Volumes ?? []).length + images.length).toBe(0);
  }, 120_000);

  it('the error example in the doc really reports those problems', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    const result = checkVaultDemoYaml(`title: t\n${example}`, 1);
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(
      /"runn" is not an action kind/,
    );
  });
});
