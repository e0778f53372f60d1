import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { listLabelled } from './cleanup';
import { DemoService } from './demo-service';
import type { RunRecord } from './run-types';

const docker = new Dockerode();
const historyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-demo-history-'));
const service = new DemoService({ docker: () => docker, historyDir, log: silentLogger, maxConcurrent: 2 });

afterAll(() => service.dispose());

/** A second dockerd started with --bridge=none deletes docker0; bridge demos cannot pass without it. */
function defaultBridgePresent(): boolean {
  try {
    execFileSync('ip', ['link', 'show', 'docker0'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function explain(record: RunRecord): string {
  const failed = record.steps.find((s) => s.status === 'failed');
  return `${record.demoId}: ${record.status} ${record.reason ?? ''}\n${failed ? `${failed.cli}\n${failed.output.map((o) => o.text).join('')}` : ''}`;
}

describe('every catalogue demo against the real dockerd', () => {
  it('passes (compose is skipped with the reason when the plugin is absent) and leaves nothing behind', { timeout: 300_000 }, async () => {
    expect(defaultBridgePresent(), 'docker0 is missing: restart dockerd (scripts/ensure-dockerd.sh does)').toBe(true);
    const started = service.list().map((demo) => service.start(demo.id));
    const records = await Promise.all(started.map((r) => service.wait(r.runId)));
    for (const record of records) {
      // A demo that needs something the host lacks (compose, a dummy link) is skipped with the reason.
      const requires = service.list().find((d) => d.id === record.demoId)?.requires;
      if (requires && record.status === 'skipped') {
        expect(record.reason).toMatch(requires === 'compose' ? /compose/ : /dummy/);
        continue;
      }
      expect(record.status, explain(record)).toBe('passed');
      expect(record.steps.every((s) => s.status === 'passed')).toBe(true);
      expect(record.cleanup?.status).toBe('done');
    }
    for (const record of records) {
      const left = await listLabelled(docker, [`berth.run=${record.runId}`]);
      expect(left, record.demoId).toEqual({ container: [], network: [], volume: [], image: [] });
    }
    // The history kept every run, with its output.
    const history = service.listRuns({ limit: 100 });
    expect(history.length).toBe(records.length);
    const named = records.find((r) => r.demoId === 'named-volume-persists');
    expect(service.getRun(named!.runId).steps[2]?.output.map((o) => o.text).join('')).toContain('written by the first container');
  });
});
