/**
 * Live-volume benchmark against the real dockerd, through the real renderer in web mode (the
 * built web host + /usr/bin/chromium driven by playwright-core). Run `npm run build` first.
 * Prints one JSON object on its last line:
 * - event_p50_ms / event_p95_ms: from a volume create/destroy event's `timeNano` to the Storage
 *   view showing the new state (the frame after the DOM changed); goal p95 <= 100 ms
 * - burst_1000_ms: from the last of 1,000 volumes created through the API (as fast as possible)
 *   until the view counts all 1,000; goal <= 2,000 ms
 * - renderer_heap_mb: renderer JS heap (after GC) with those 1,000 volumes shown
 * - engine: which engine answered (product, version, endpoint), with machine load and calibration
 * `npm run bench:events -- --engine podman` (or DOCKER_HOST=…) runs it against Podman's
 * Docker-compatible socket (started by scripts/ensure-podman.sh); there the removal event is
 * Podman's `volume remove`, and the goal is event-or-reconcile latency p95 <= 1 s.
 * Every volume it creates is labelled berth.owner=bench and removed at the end, even on failure.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { chromium, type Page } from 'playwright-core';
import { startWebHostProcess } from '../e2e/support/web-host-process';
import { matrixEngine } from '../main/cli/demo-matrix';
import { engineCapabilities, engineEventAction } from '../main/services/docker/engine-capabilities';
import { resolveLocalEndpoint } from '../main/services/docker/resolve-endpoint';
import { machineFacts } from './machine';

const root = path.resolve(import.meta.dirname, '..');
const engineArg = process.argv.indexOf('--engine');
if (engineArg >= 0 && process.argv[engineArg + 1] === 'podman') {
  // The last line of ensure-podman.sh is the socket URL.
  const out = execFileSync('bash', [path.join(root, 'scripts/ensure-podman.sh')], { encoding: 'utf8' });
  process.env.DOCKER_HOST = out.trim().split('\n').pop();
}
const endpoint = process.env.BERTH_DOCKER_SOCKET
  ? { url: `unix://${process.env.BERTH_DOCKER_SOCKET}`, options: { socketPath: process.env.BERTH_DOCKER_SOCKET } }
  : resolveLocalEndpoint();
const docker = new Dockerode(endpoint.options);
const run = `bench${Date.now().toString(36)}`;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const BURST = Number(process.env.BENCH_BURST ?? 1000);
const created = new Set<string>();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Event `timeNano` (ms) per "action:name", from the daemon's own event stream. */
async function followVolumeEvents(): Promise<{ times: Map<string, number>; stop: () => void }> {
  const times = new Map<string, number>();
  const stream = (await docker.getEvents({
    filters: { type: ['volume'] },
  })) as NodeJS.ReadableStream & { destroy: () => void };
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
      if (!line) continue;
      const event = JSON.parse(line) as { Action: string; Actor: { ID: string; Attributes?: { name?: string } }; timeNano: number };
      // Podman names a volume only in its attributes (its Actor.ID is empty).
      const key = `${event.Action}:${event.Actor.ID || event.Actor.Attributes?.name}`;
      if (!times.has(key)) times.set(key, event.timeNano / 1e6);
    }
  });
  return { times, stop: () => stream.destroy() };
}

/** Resolves with the wall-clock time (ms, sub-ms precision) of the first frame where `selector` exists. */
function whenShown(page: Page, selector: string): Promise<number> {
  // A string, so that the bundler's helpers (e.g. __name) do not leak into the page.
  return page.evaluate(`new Promise((resolve) => {
    const sel = ${JSON.stringify(selector)};
    const done = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
    if (document.querySelector(sel)) return done();
    const observer = new MutationObserver(() => {
      if (document.querySelector(sel)) { observer.disconnect(); done(); }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  })`);
}

async function waitForEvent(times: Map<string, number>, key: string): Promise<number> {
  for (let i = 0; i < 400; i++) {
    const t = times.get(key);
    if (t !== undefined) return t;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no ${key} event seen`);
}

async function createVolume(name: string): Promise<void> {
  created.add(name);
  await docker.createVolume({ Name: name, Labels: { 'berth.owner': 'bench' } });
}

async function cleanup(): Promise<void> {
  const listed = await docker
    .listVolumes({ filters: { label: ['berth.owner=bench'] } })
    .catch(() => ({ Volumes: [] }));
  const names = new Set([
    ...created,
    ...(listed.Volumes ?? []).map((v) => v.Name).filter((n) => n.startsWith(run)),
  ]);
  const queue = [...names];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let name = queue.pop(); name; name = queue.pop())
        await docker
          .getVolume(name)
          .remove()
          .catch(() => undefined);
    }),
  );
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'out/main/web-host.js')))
    throw new Error('Build first: npm run build');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-events-'));
  const host = await startWebHostProcess({
    userDataDir: path.join(tmp, 'user-data'),
    vaultDir: path.join(root, 'notes'),
    root,
  });
  const browser = await chromium.launch({
    executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const events = await followVolumeEvents();
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    await page.goto(host.openUrl);
    await page.locator('.storage-view').waitFor();
    await page.getByLabel('Search storage').fill(run);

    // Latency: one volume at a time, create then destroy, event time -> frame showing it.
    const engine = await matrixEngine(docker, endpoint.url);
    const destroyAction = engineEventAction(engineCapabilities(engine), 'volume', 'destroy');
    const latencies: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const name = `${run}-lat-${i}`;
      const shownCreated = whenShown(page, `[data-item="volume:${name}"][data-state="created"]`);
      await createVolume(name);
      latencies.push((await shownCreated) - (await waitForEvent(events.times, `create:${name}`)));
      const shownRemoved = whenShown(page, `[data-item="volume:${name}"][data-state="removed"]`);
      await docker.getVolume(name).remove();
      latencies.push((await shownRemoved) - (await waitForEvent(events.times, `${destroyAction}:${name}`)));
    }

    // Burst: 1,000 volumes through the API as fast as possible.
    const burstPrefix = `${run}-burst-`;
    await page.getByLabel('Search storage').fill(burstPrefix);
    const allShown = page.evaluate<number>(`new Promise((resolve) => {
      const check = () => Number((document.querySelector('.filter-count')?.textContent ?? '').split('/')[0].trim()) >= ${BURST};
      const observer = new MutationObserver(() => {
        if (check()) { observer.disconnect(); requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now())); }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    })`);
    const names = Array.from(
      { length: BURST },
      (_, i) => `${burstPrefix}${String(i).padStart(4, '0')}`,
    );
    const queue = [...names];
    let lastCreated = 0;
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        for (let name = queue.shift(); name; name = queue.shift()) {
          await createVolume(name);
          lastCreated = Date.now();
        }
      }),
    );
    const burstMs = (await allShown) - lastCreated;

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const result = {
      bench: 'events',
      engine: { product: engine.product, name: engine.productName, version: engine.version, endpoint: engine.endpoint },
      ...machineFacts(),
      event_p50_ms: Number(percentile(latencies, 50).toFixed(1)),
      event_p95_ms: Number(percentile(latencies, 95).toFixed(1)),
      event_samples: latencies.length,
      burst_1000_ms: Math.round(burstMs),
      burst_volumes: BURST,
      renderer_heap_mb: Number((heap.usedSize / 1024 / 1024).toFixed(1)),
    };
    console.log(JSON.stringify(result));
  } finally {
    events.stop();
    await browser.close().catch(() => undefined);
    await host.stop();
    await cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch(async (error: unknown) => {
  console.error(error);
  await cleanup();
  process.exitCode = 1;
});
