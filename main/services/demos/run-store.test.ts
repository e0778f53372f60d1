import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunStore } from './run-store';
import type { RunRecord } from './run-types';

function record(runId: string, overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    runId,
    demoId: 'named-volume-persists',
    title: 'T',
    note: 'Storage/Named Volumes.md',
    status: 'passed',
    startedAt: Date.now(),
    steps: [{ index: 0, title: 's', cli: 'docker x', status: 'passed', output: [{ stream: 'stdout', text: 'hi' }], expectations: [] }],
    events: [],
    resources: { container: [], network: [], volume: [], image: [] },
    pid: process.pid,
    ...overrides,
  };
}

describe('RunStore', () => {
  it('keeps runs across instances, newest first', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-runs-'));
    const a = new RunStore(dir);
    a.save(record('aaaaaa1', { startedAt: 1000 }));
    a.save(record('bbbbbb2', { startedAt: 2000, status: 'failed' }));
    const b = new RunStore(dir);
    expect(b.list().map((r) => r.runId)).toEqual(['bbbbbb2', 'aaaaaa1']);
    expect(b.get('aaaaaa1')?.steps[0]?.output[0]?.text).toBe('hi');
    expect(b.list({ demoId: 'other' })).toEqual([]);
    expect(b.get('../../etc/passwd')).toBeUndefined();
  });

  it('sets an unreadable file aside instead of failing or deleting it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-runs-'));
    fs.writeFileSync(path.join(dir, 'cccccc3.json'), '{"runId": "cccc');
    const store = new RunStore(dir);
    expect(store.list()).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'cccccc3.json.unreadable'))).toBe(true);
  });

  it('marks runs of a dead Berth as interrupted, leaves live ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-runs-'));
    const store = new RunStore(dir, 300, (pid) => pid === 4242);
    store.save(record('dddddd4', { status: 'running', pid: 999_999 }));
    store.save(record('eeeeee5', { status: 'running', pid: 4242 }));
    expect(store.markAbandoned(new Set())).toEqual(['dddddd4']);
    expect(new RunStore(dir).get('dddddd4')?.status).toBe('interrupted');
    expect(store.get('eeeeee5')?.status).toBe('running');
  });

  it('prunes the oldest finished runs beyond the limit', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-runs-'));
    const store = new RunStore(dir, 2);
    store.save(record('ffffff1', { startedAt: 1 }));
    store.save(record('ffffff2', { startedAt: 2 }));
    store.save(record('ffffff3', { startedAt: 3 }));
    expect(fs.readdirSync(dir).sort()).toEqual(['ffffff2.json', 'ffffff3.json']);
  });
});
