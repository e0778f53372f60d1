import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { BaseImageResolver } from './base-image';
import { builtInCatalogue } from './catalogue';
import { listLabelled } from './cleanup';
import { demoScript } from './cli-script';
import type { Demo } from './demo-schema';
import { dummyLinkAvailable } from './dummy-link';
import { composeAvailable } from './misc-actions';
import { RunContext } from './run-context';
import { checkScriptStep, parseScriptTranscript } from './script-transcript';

const catalogue = builtInCatalogue();

const docker = new Dockerode();
const baseImage = (await new BaseImageResolver().resolve(docker)).image;
const compose = await composeAvailable();
const dummyLink = await dummyLinkAvailable(docker);
/** Why the engine would skip a demo here (the same checks), or undefined. */
const skipReason = (demo: Demo) =>
  demo.requires === 'compose' && !compose.available
    ? compose.reason
    : demo.requires === 'dummy-link' && !dummyLink.available
      ? dummyLink.reason
      : undefined;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cli-script-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Two scripts at a time: the machine is shared. */
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function runScript(file: string, runId: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', 'exec bash "$0" 2>&1', file], {
      cwd: tmp,
      env: { ...process.env, BERTH_RUN: runId },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 240_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Docker events between two times that belong to the run (by label or by name). */
async function runEvents(
  runId: string,
  since: number,
  until: number,
): Promise<{ type: string; action: string }[]> {
  const stream = (await docker.getEvents({
    since: Math.floor(since / 1000),
    until: Math.ceil(until / 1000) + 1,
  })) as NodeJS.ReadableStream;
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  const events: { type: string; action: string }[] = [];
  for (const line of text.split('\n').filter(Boolean)) {
    const e = JSON.parse(line) as {
      Type: string;
      Action: string;
      Actor: { ID: string; Attributes: Record<string, string> };
    };
    const attrs = e.Actor.Attributes ?? {};
    if (attrs['berth.run'] === runId || (attrs.name ?? e.Actor.ID).includes(runId))
      events.push({ type: e.Type, action: e.Action.split(':')[0] ?? e.Action });
  }
  return events;
}

async function proveScript(demo: Demo): Promise<void> {
  const runId = `s${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const file = path.join(tmp, `${demo.id}.sh`);
  fs.writeFileSync(file, demoScript(demo, baseImage));
  const since = Date.now();
  const { code, output } = await slot(() => runScript(file, runId));
  const events = await runEvents(runId, since, Date.now());
  expect(code, output).toBe(0);
  const transcript = parseScriptTranscript(output);
  const ctx = new RunContext(runId, demo.id, '/nonexistent', baseImage, 'script', demo.network);
  const failures: string[] = [];
  for (const [index, step] of demo.steps.entries()) {
    const seen = transcript.get(index + 1);
    if (!seen) {
      failures.push(`step ${index + 1} "${step.title}" never ran`);
      continue;
    }
    const results = await checkScriptStep(step, seen, ctx, (type, action) =>
      events.some((e) => e.type === type && e.action === action),
    );
    for (const r of results.filter((x) => !x.passed))
      failures.push(
        `step ${index + 1} "${step.title}": expected ${r.expected}, got ${r.actual}\n${seen.output}`,
      );
  }
  expect(failures, `${demo.id}\n${output}`).toEqual([]);
  expect(output).toContain('<== cleanup done');
  const left = await listLabelled(docker, [`berth.run=${runId}`]);
  expect(left, `${demo.id} left objects behind`).toEqual({
    container: [],
    network: [],
    volume: [],
    image: [],
  });
  const named = await docker.listContainers({
    all: true,
    filters: JSON.stringify({ name: [runId] }),
  });
  expect(named.map((c) => c.Names[0])).toEqual([]);
}

describe.concurrent('every catalogue demo, pasted as a bash script into a real shell', () => {
  for (const demo of catalogue) {
    const skip = skipReason(demo);
    it.skipIf(Boolean(skip))(
      `${demo.id}: the script meets the demo's expectations and removes what it made${skip ? ` (skipped: ${skip})` : ''}`,
      { timeout: 600_000 },
      () => proveScript(demo),
    );
  }
});
