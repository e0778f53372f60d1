/**
 * Live-network benchmark against the real dockerd, through the real renderer in web mode (the
 * built web host + /usr/bin/chromium driven by playwright-core). Run `npm run build` first.
 * Prints one JSON object on its last line:
 * - net_event_p50_ms / net_event_p95_ms: from a network create/destroy event's `timeNano` to the
 *   Networks view showing it (the frame after the DOM changed)
 * - net_burst_ms: from the last of BENCH_NET_BURST networks created through the API (as fast as
 *   possible, 16 at a time) until the view lists all of them
 * - load_1m and calibration_ms (a fixed CPU loop): how busy the shared machine was, to compare runs
 * Every network it creates is labelled berth.owner=bench and removed at the end, even on failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { chromium, type Page } from 'playwright-core';
import { startWebHostProcess } from '../e2e/support/web-host-process';

const root = path.resolve(import.meta.dirname, '..');
const docker = new Dockerode({
  socketPath: process.env.BERTH_DOCKER_SOCKET ?? '/var/run/docker.sock',
});
const run = `bnet${Date.now().toString(36)}`;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const BURST = Math.min(200, Number(process.env.BENCH_NET_BURST ?? 100));
const created = new Set<string>();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Milliseconds a fixed CPU loop takes now (higher = busier or slower machine). */
function calibrate(): number {
  const began = performance.now();
  let x = 0;
  for (let i = 0; i < 20_000_000; i++) x = (x + i * 7) % 1_000_003;
  if (x < 0) console.log(x);
  return performance.now() - began;
}

async function followNetworkEvents(): Promise<{ times: Map<string, number>; stop: () => void }> {
  const times = new Map<string, number>();
  const stream = (await docker.getEvents({
    filters: { type: ['network'] },
  })) as NodeJS.ReadableStream & { destroy: () => void };
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!line) continue;
      const event = JSON.parse(line) as {
        Action: string;
        Actor: { Attributes: { name?: string } };
        timeNano: number;
      };
      const key = `${event.Action}:${event.Actor.Attributes.name ?? ''}`;
      if (!times.has(key)) times.set(key, event.timeNano / 1e6);
    }
  });
  return { times, stop: () => stream.destroy() };
}

/** Wall-clock time of the first frame where `test` (a JS expression on `document`) holds. */
function whenTrue(page: Page, test: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const check = () => ${test};
    const done = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
    if (check()) return done();
    const observer = new MutationObserver(() => { if (check()) { observer.disconnect(); done(); } });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
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

async function createNetwork(name: string, subnet?: string): Promise<void> {
  created.add(name);
  await docker.createNetwork({
    Name: name,
    Labels: { 'berth.owner': 'bench' },
    ...(subnet ? { IPAM: { Driver: 'default', Config: [{ Subnet: subnet }] } } : {}),
  });
}

async function cleanup(): Promise<void> {
  const listed = await docker
    .listNetworks({ filters: { label: ['berth.owner=bench'] } })
    .catch(() => []);
  const queue = [
    ...new Set([...created, ...listed.map((n) => n.Name).filter((n) => n.startsWith(run))]),
  ];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let name = queue.pop(); name; name = queue.pop())
        await docker
          .getNetwork(name)
          .remove()
          .catch(() => undefined);
    }),
  );
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'out/main/web-host.js')))
    throw new Error('Build first: npm run build');
  const calibrationMs = calibrate();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-network-'));
  const host = await startWebHostProcess({
    userDataDir: path.join(tmp, 'user-data'),
    vaultDir: path.join(root, 'notes'),
    root,
  });
  const browser = await chromium.launch({
    executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const events = await followNetworkEvents();
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    await page.goto(host.openUrl);
    await page.getByRole('tab', { name: 'Networks' }).click();
    await page.locator('.net-row[data-network="bridge"]').waitFor();

    const latencies: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const name = `${run}-lat-${i}`;
      const row = `document.querySelector('.net-row[data-network="${name}"]')`;
      const shown = whenTrue(page, `${row}?.dataset.state === 'created'`);
      await createNetwork(name);
      latencies.push((await shown) - (await waitForEvent(events.times, `create:${name}`)));
      const gone = whenTrue(page, `!${row}`);
      await docker.getNetwork(name).remove();
      latencies.push((await gone) - (await waitForEvent(events.times, `destroy:${name}`)));
    }

    const prefix = `${run}-burst-`;
    const allShown = whenTrue(
      page,
      `document.querySelectorAll('.net-row[data-network^="${prefix}"][data-state="created"]').length >= ${BURST}`,
    );
    const names = Array.from({ length: BURST }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
    const queue = names.map((name, i) => ({ name, subnet: `10.241.${i}.0/24` }));
    let lastCreated = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          await createNetwork(next.name, next.subnet);
          lastCreated = performance.timeOrigin + performance.now();
        }
      }),
    );
    const burstMs = (await allShown) - lastCreated;
    console.log(
      JSON.stringify({
        net_event_p50_ms: Number(percentile(latencies, 50).toFixed(1)),
        net_event_p95_ms: Number(percentile(latencies, 95).toFixed(1)),
        net_event_samples: latencies.length,
        net_burst_ms: Math.round(burstMs),
        net_burst_networks: BURST,
        load_1m: Number(os.loadavg()[0]!.toFixed(2)),
        calibration_ms: Math.round(calibrationMs),
        cpus: os.cpus().length,
      }),
    );
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
