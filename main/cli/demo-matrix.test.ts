/**
 * The demo matrix on real engines: the catalogue through `npm run demo -- … --matrix` against the
 * shared dockerd and against Podman's Docker-compatible API (a private `podman system service`
 * started here through scripts/ensure-podman.sh and stopped afterwards). Every demo must pass or
 * be skipped with the engine limit or missing tool that prevents it; the matrix JSON of each engine
 * is written to test-results/demo-matrix-<engine>.json.
 *
 * In `npm test` a representative subset runs (one demo per Podman difference: 8 demos, both engines
 * at once, measured 3.5 min for 10 demos at load 15); BERTH_DEMO_MATRIX=full runs the whole
 * catalogue (measured 4.7 min on Podman, 9.8 min on Docker Engine at load ~24).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemoMatrix } from './demo-matrix';

const root = path.resolve(import.meta.dirname, '../..');
const results = path.join(root, 'test-results');
const full = process.env.BERTH_DEMO_MATRIX === 'full';
/** One demo per way Podman differs: event names, build log, image names, ping, bridge name, DNS, volume labels. */
const MATRIX_SUBSET = [
  'named-volume-persists',
  'anonymous-volume-dangling',
  'build-cache-layers',
  'rmi-untags-first',
  'network-none',
  'veth-pair',
  'network-aliases',
  'bridge-dns',
];
const hasPodman = spawnSync('podman', ['--version']).status === 0;
const run = promisify(execFile);
const podmanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-podman-matrix-'));
let podmanSocket: string | undefined;

afterAll(() => {
  if (!podmanSocket) return;
  // Stop only the service this file started (its command line names this file's private socket).
  const found = spawnSync('pgrep', ['-f', `system service --time=0 ${podmanSocket}`], { encoding: 'utf8' });
  for (const pid of found.stdout.split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGTERM');
    } catch {
      // gone already
    }
  }
  fs.rmSync(podmanDir, { recursive: true, force: true });
});

async function matrixOn(dockerHost: string | undefined, file: string): Promise<DemoMatrix> {
  const args = ['tsx', 'main/cli/demo.ts', ...(full ? ['--all'] : MATRIX_SUBSET), '--matrix'];
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.BERTH_DOCKER_HOST;
  if (dockerHost) env.DOCKER_HOST = dockerHost;
  else delete env.DOCKER_HOST;
  // Exit code 2 means "some demos skipped"; the matrix says which and why.
  const { stdout } = await run('npx', args, { cwd: root, env, maxBuffer: 16 * 1024 * 1024, timeout: 900_000 }).catch(
    (error: { code?: number; stdout?: string; stderr?: string }) => {
      if (error.code === 2 || error.code === 1) return { stdout: error.stdout ?? '' };
      throw new Error(`npm run demo failed (${String(error.code)}): ${error.stderr ?? ''}`);
    },
  );
  const matrix = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as DemoMatrix;
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(path.join(results, file), `${JSON.stringify(matrix, null, 2)}\n`);
  return matrix;
}

/** Failures with their reasons, so a failing test says which demo broke and why. */
function failures(matrix: DemoMatrix): string[] {
  return matrix.demos.filter((d) => d.status !== 'passed' && d.status !== 'skipped').map((d) => `${d.id}: ${d.status}: ${d.reason ?? ''}`);
}

const TOOL_REASONS = /compose|dummy interface/i;

describe.concurrent('the demo matrix', () => {
  it('Docker Engine: every demo passes, or is skipped for a missing tool', { timeout: 960_000 }, async () => {
    const matrix = await matrixOn(undefined, 'demo-matrix-docker.json');
    expect(matrix.engine.product).toBe('docker');
    expect(failures(matrix)).toEqual([]);
    for (const demo of matrix.demos.filter((d) => d.status === 'skipped')) expect(demo.reason).toMatch(TOOL_REASONS);
    expect(matrix.summary.passed).toBeGreaterThan(0);
  });

  it.skipIf(!hasPodman)('Podman: every demo passes or is skipped with the Podman limit it names (skipped: podman is not installed)', { timeout: 960_000 }, async () => {
    const out = execFileSync('bash', [path.join(root, 'scripts/ensure-podman.sh'), path.join(podmanDir, 'podman.sock'), path.join(podmanDir, 'podman.log')], {
      encoding: 'utf8',
    });
    podmanSocket = out.trim().split('\n').pop();
    const began = Math.floor(Date.now() / 1000);
    const matrix = await matrixOn(podmanSocket, 'demo-matrix-podman.json');
    expect(matrix.engine).toMatchObject({ product: 'podman', productName: 'Podman', endpoint: podmanSocket });
    expect(failures(matrix)).toEqual([]);
    for (const demo of matrix.demos.filter((d) => d.status === 'skipped')) expect(demo.reason).toMatch(/^On Podman, |compose|dummy interface/);
    // The differences are stated, not skipped around: these pass on Podman with their own expectations.
    const passed = new Set(matrix.demos.filter((d) => d.status === 'passed').map((d) => d.id));
    for (const id of ['named-volume-persists', 'build-cache-layers', 'rmi-untags-first', 'network-none', 'veth-pair']) expect(passed).toContain(id);
    // Buildah keeps an untagged image per build step, labelled like the tagged one: none may stay.
    const podman = new Dockerode({ socketPath: (podmanSocket ?? '').replace(/^unix:\/\//, '') });
    const layers = await podman.listImages({ all: true, filters: JSON.stringify({ label: ['berth.demo=build-cache-layers'] }) });
    expect(layers.filter((image) => image.Created >= began).map((image) => image.Id)).toEqual([]);
  });
});
