/**
 * Live-network benchmark against the real dockerd, through the real renderer in web mode (the
 * built web host + /usr/bin/chromium driven by playwright-core). Run `npm run build` first.
 * Prints one JSON object on its last line:
 * - net_event_p50_ms / net_event_p95_ms: from a network create/destroy event's `timeNano` to the
 *   Networks view showing it (the frame after the DOM changed)
 * - net_burst_ms: from the last of BENCH_NET_BURST networks created through the API (as fast as
 *   possible, 16 at a time) until the view lists all of them
 * - net_burst200_ms: BENCH_NET_CONTAINERS (200) busybox containers, each connected to the same 3
 *   user-defined networks in a burst; from the last connect event until the view shows every
 *   endpoint, then checked name by name and IP by IP against `docker network inspect`
 *   (bench/network-container-burst.ts); goal <= 2000 ms
 * - cores, load_1m, calibration_loop_cpu_ms (bench/machine.ts): how busy the shared machine was
 * Everything it creates is labelled berth.owner=bench and removed at the end, even on failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { chromium, type Page } from 'playwright-core';
import { startWebHostProcess } from '../e2e/support/web-host-process';
import { machineFacts, percentile } from './machine';
import { containerBurst, removeBurstContainers } from './network-container-burst';

const root = path.resolve(import.meta.dirname, '..');
const docker = new Dockerode({
  socketPath: process.env.BERTH_DOCKER_SOCKET ?? '/var/run/docker.sock',
});
const run = `bnet${Date.now().toString(36)}`;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const BURST = Math.min(200, Number(process.env.BENCH_NET_BURST ?? 100));
const CONTAINERS = Math.min(250, Number(process.env.BENCH_NET_CONTAINERS ?? 200));
const created = new Set<string>();
const createdContainers = new Set<string>();

async function followNetworkEvents(): Promise<{
  times: Map<string, number>;
  burstConnects: Map<string, number>;
  stop: () => void;
}> {
  const times = new Map<string, number>();
  const burstConnects = new Map<string, number>();
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
        Actor: { Attributes: { name?: string; container?: string } };
        timeNano: number;
      };
      const key = `${event.Action}:${event.Actor.Attributes.name ?? ''}`;
      if (!times.has(key)) times.set(key, event.timeNano / 1e6);
      if (event.Action === 'connect' && event.Actor.Attributes.name?.startsWith(`${run}-net200-`))
        burstConnects.set(`${key}:${event.Actor.Attributes.container ?? ''}`, event.timeNano / 1e6);
    }
  });
  return { times, burstConnects, stop: () => stream.destroy() };
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
  await removeBurstContainers(docker, run, createdContainers);
  const listed = await docker
    .listNetworks({ filters: { label: ['berth.owner=bench'] } })
    .catch(() => []);
  const queue = [
    ...new Set([...created, ...listed.map((n) => n.Name).filter((n) => n.startsWith(run))]),
  ];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let name = queue.pop(); name; name = queue.pop())
        for (let attempt = 0; attempt < 5; attempt++) {
          const gone = await docker
            .getNetwork(name)
            .remove()
            .then(() => true)
            .catch((error: { statusCode?: number }) => error.statusCode === 404);
          if (gone) break;
          // Endpoints of just-removed containers can take a moment to go.
          await new Promise((r) => setTimeout(r, 1000));
        }
    }),
  );
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'out/main/web-host.js')))
    throw new Error('Build first: npm run build');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-network-'));
  const host = await startWebHostProcess({
    userDataDir: path.join(tmp, 'user-data'),
    vaultDir: path.join(root, 'notes'),
    root,
    startTimeoutMs: 120_000,
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
    // Free the burst's networks from the list before the container burst.
    await Promise.all(
      names.map((name) =>
        docker
          .getNetwork(name)
          .remove()
          .catch(() => undefined),
      ),
    );
    const containers = await containerBurst(
      {
        docker,
        page,
        run,
        created: { networks: created, containers: createdContainers },
        whenTrue,
        connectTimes: () => [...events.burstConnects.values()],
      },
      CONTAINERS,
    );
    console.log(
      JSON.stringify({
        net_event_p50_ms: Number(percentile(latencies, 50).toFixed(1)),
        net_event_p95_ms: Number(percentile(latencies, 95).toFixed(1)),
        net_event_samples: latencies.length,
        net_burst_ms: Math.round(burstMs),
        net_burst_networks: BURST,
        net_burst200_ms: Math.round(containers.ms),
        net_burst200_containers: containers.containers,
        net_burst200_endpoints: containers.endpoints,
        net_burst200_matches_inspect: true,
        net_burst200_create_connect_s: Number(containers.burstSeconds.toFixed(1)),
        net_burst200_last_change_from: containers.lastChangeFrom,
        ...machineFacts(),
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
