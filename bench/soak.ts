/**
 * Chaos soak (`npm run bench:soak -- --minutes N [--seed S] [--build DIR] [--daemon NAME]`; run `npm run build`
 * first; it copies `out/` under the shared e2e lock, so do not run it under that lock).
 * The built web host runs against a PRIVATE dockerd with the renderer open in Chromium while a
 * seeded driver makes random Docker changes (volumes, containers with named/anonymous/bind/tmpfs
 * mounts, networks, prunes, demo runs and cancels), restarts and SIGSTOPs that daemon, and edits,
 * renames and deletes notes while annotating them. At the end, after a settle period:
 * - mismatches: facts (volumes, mounts with their container and running flag, networks, endpoints,
 *   containers) where Berth's RPC view differs from `docker` inspect (bounded retry);
 * - leftovers: objects with a `berth.owner` label after Berth's runs ended, `demos.sweep` ran and
 *   the driver removed its own (`berth.owner=soak`) objects (the base image cache excepted);
 * - annotations_lost: annotations made during the soak that are missing, asked live and again
 *   from a freshly started host on the same user data;
 * - rss_growth_mb / heap_growth_mb: main-process RSS and V8 heap (after a forced GC, read over the
 *   host's loopback inspector) at the end minus after warm-up (bounds: RSS_BOUND_MB, HEAP_BOUND_MB).
 * Prints one JSON line; exits 1 when an invariant fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Annotation } from '../main/contract/annotations';
import { PrivateDockerd } from '../e2e/support/private-dockerd';
import { blackout } from './soak/blackout';
import { berthFacts, diffFacts, dockerFacts } from './soak/compare-views';
import { DockerChaos } from './soak/docker-chaos';
import { DockerProxy } from './soak/docker-proxy';
import { NoteChaos } from './soak/note-chaos';
import { LIVE_PAGE_BOUND_MS, LivePageChecks } from './soak/live-page';
import { comparePage, showDockTab } from './soak/page-view';
import { SeededRandom } from './soak/random';
import { connectRpc, type SoakRpc } from './soak/rpc-client';
import { DemoChaos, daemonChaos } from './soak/run-chaos';
import { mainHeapMb } from './soak/main-heap';
import { startSoakHost } from './soak/soak-host';
import { countLeftovers, rssMb, snapshotBuild, wipeDaemon } from './soak/soak-support';

const RSS_BOUND_MB = 120;
const HEAP_BOUND_MB = 40;
/** Longest Berth (RPC view, and the page) may take to show what changed while it was cut off. */
const CATCH_UP_BOUND_MS = 20_000;
const IMAGE = 'berth-busybox:1.36-local';
const root = path.resolve(import.meta.dirname, '..');
const arg = (flag: string): string | undefined => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const minutes = Number(arg('--minutes') ?? 2);
const seed = Number(arg('--seed') ?? Math.floor(Math.random() * 2 ** 31));
const log = (line: string) =>
  console.error(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  if (!Number.isFinite(minutes) || minutes <= 0)
    throw new Error('--minutes must be a positive number');
  const build = snapshotBuild(root, arg('--build'));
  log(
    `seed ${seed}, ${minutes} min, build ${arg('--build') ?? 'out/'} copied to ${build.hostRoot}`,
  );
  // Whatever was set up is released in reverse order, also when a step of the set-up fails.
  const cleanups: (() => unknown)[] = [() => build.dispose()];
  try {
    return await soak(build, cleanups);
  } finally {
    for (const cleanup of cleanups.reverse())
      await Promise.resolve()
        .then(cleanup)
        .catch(() => undefined);
  }
}

async function soak(build: { hostRoot: string }, cleanups: (() => unknown)[]): Promise<number> {
  const random = new SeededRandom(seed);
  const daemon = new PrivateDockerd(arg('--daemon') ?? 'berth-soak');
  cleanups.push(() => daemon.stop('SIGTERM'));
  await daemon.start();
  const built = spawnSync('bash', [path.join(root, 'scripts/build-demo-image.sh')], {
    env: { ...process.env, DOCKER_HOST: daemon.host },
    encoding: 'utf8',
  });
  if (built.status !== 0)
    throw new Error(`could not build ${IMAGE} on the private daemon: ${built.stderr}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-soak-'));
  cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const vaultDir = path.join(tmp, 'vault');
  const userDataDir = path.join(tmp, 'user-data');
  const chaos = new DockerChaos(daemon.socket, random, path.join(tmp, 'binds'), IMAGE);
  cleanups.push(() => chaos.removeAll());
  // Berth reaches the daemon through a proxy the soak can cut (blackouts); the driver does not.
  const proxy = new DockerProxy(path.join(tmp, 'docker.sock'), daemon.socket);
  cleanups.push(
    () => proxy.close(),
    () => daemon.freeze(false),
  );
  await proxy.listen();
  await wipeDaemon(chaos.docker);
  const notes = new NoteChaos(vaultDir, random);
  notes.writeVault();
  let host = await startSoakHost(userDataDir, vaultDir, proxy.host, build, true);
  cleanups.push(() => host.stop());
  // The host dying is a failure of its own: stop at once and show why.
  let hostExit: string | undefined;
  const firstHost = host;
  firstHost.child.once('exit', (code, signal) => {
    hostExit = `web host exited (code ${code}, signal ${signal}); its last output:\n${firstHost.output().slice(-3000)}`;
  });
  const browser = await chromium.launch({
    executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  cleanups.push(() => browser.close());
  let rpc: SoakRpc | undefined;
  cleanups.push(() => rpc?.close());
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 } })
  ).newPage();
  await page.goto(host.openUrl);
  await page.locator('.storage-view').waitFor({ timeout: 30_000 });
  rpc = await connectRpc(host.url, host.token);
  const demos = new DemoChaos(rpc, random);
  for (let i = 0; i < 4; i++) await notes.annotate(rpc);
  // Warm-up: one demo run to the end, then the RSS baseline.
  await demos.start();
  await demos.drain(60_000);
  const heapStart = await mainHeapMb(host.output());
  const rssStart = rssMb(host.child.pid!);

  const counts = {
    docker_ops: 0,
    failed_ops: 0,
    note_ops: 0,
    daemon_restarts: 0,
    daemon_freezes: 0,
    demo_runs: 0,
    demo_cancels: 0,
    blackouts: 0,
    reconnect_mismatches: 0,
    page_mismatches: 0,
    catch_up_ms_max: 0,
  };
  const live = new LivePageChecks({ page, rpc, dockerHost: daemon.host, random, log });
  const end = Date.now() + minutes * 60_000;
  let nextDaemonChaos = Date.now() + random.int(15_000, 30_000);
  while (Date.now() < end) {
    if (hostExit) throw new Error(hostExit);
    if (Date.now() >= nextDaemonChaos && end - Date.now() > 15_000) {
      // The first daemon event is always a blackout, so that even a short run has one.
      if (!counts.blackouts || random.next() < 0.3) {
        await demos.settle(60_000);
        await showDockTab(page, 'Docker'); // the page has to follow the reconnect too
        const seen = await blackout({
          proxy,
          daemon,
          chaos,
          rpc,
          random,
          log,
          boundMs: CATCH_UP_BOUND_MS,
        });
        counts.blackouts += 1;
        counts.daemon_restarts += 1;
        counts.docker_ops += seen.ops;
        counts.catch_up_ms_max = Math.max(counts.catch_up_ms_max, seen.catchUpMs);
        counts.reconnect_mismatches += seen.mismatches.length;
        for (const line of seen.mismatches.slice(0, 20)) log(`after reconnect: mismatch ${line}`);
        // A checkpoint of the page too, while nothing changes Docker.
        const checkpoint = await comparePage(page, chaos.docker, CATCH_UP_BOUND_MS);
        counts.page_mismatches += checkpoint.length;
        for (const line of checkpoint.slice(0, 20)) log(`checkpoint: mismatch ${line}`);
      } else {
        const kind = await daemonChaos(daemon, random, log);
        counts[kind === 'restart' ? 'daemon_restarts' : 'daemon_freezes'] += 1;
      }
      nextDaemonChaos = Date.now() + random.int(15_000, 30_000);
    }
    if (end - Date.now() > 15_000) await live.maybeRun();
    const what = random.weighted({ docker: 70, note: 15, annotate: 3, demo: 7, cancel: 5 });
    try {
      if (what === 'docker') {
        await chaos.step();
        counts.docker_ops += 1;
      } else if (what === 'note') {
        notes.step();
        counts.note_ops += 1;
      } else if (what === 'annotate') await notes.annotate(rpc);
      else if (what === 'demo' && (await demos.live()).length < 2) {
        await demos.start();
        counts.demo_runs += 1;
      } else if (what === 'cancel') {
        await demos.cancel();
        counts.demo_cancels += 1;
      }
    } catch {
      if (what === 'docker') counts.failed_ops += 1; // refused or daemon away: part of the chaos
    }
    await sleep(random.int(50, 300));
  }
  log(`chaos over: ${JSON.stringify(counts)}`);
  await showDockTab(page, 'Docker'); // open while the last demo runs end, then compared
  daemon.freeze(false);
  await daemon.start();
  const stillRunning = await demos.drain(90_000);

  // Settle, then compare with a bounded retry.
  let diff: string[] = [];
  for (let attempt = 0; attempt < 45; attempt++) {
    await sleep(1_000);
    const berth = await berthFacts(rpc).catch(() => undefined);
    if (!berth) continue;
    diff = diffFacts(await dockerFacts(chaos.docker), berth);
    if (!diff.length && !berth.stale) break;
  }
  for (const line of diff.slice(0, 20)) log(`mismatch ${line}`);
  const pageDiff = await comparePage(page, chaos.docker, CATCH_UP_BOUND_MS);
  for (const line of pageDiff.slice(0, 20)) log(`mismatch ${line}`);
  counts.page_mismatches += pageDiff.length;
  if (hostExit) throw new Error(hostExit);
  const heapEnd = await mainHeapMb(host.output());
  const rssEnd = rssMb(host.child.pid!);

  let lost = notes.lost(
    (await rpc.call<{ annotations: Annotation[] }>('annotations.list', {})).annotations,
  );
  const sweep = await rpc.call<{ runs: string[]; failures: string[] }>('demos.sweep', {}, 120_000);
  log(`demos.sweep: ${JSON.stringify(sweep)}`);
  await chaos.removeAll();
  const leftovers = await countLeftovers(chaos.docker, log);

  // Annotations must also be on disk: ask a freshly started host on the same user data.
  rpc.close();
  await host.stop();
  host = await startSoakHost(userDataDir, vaultDir, proxy.host, build);
  rpc = await connectRpc(host.url, host.token);
  lost = [
    ...new Set([
      ...lost,
      ...notes.lost(
        (await rpc.call<{ annotations: Annotation[] }>('annotations.list', {})).annotations,
      ),
    ]),
  ];

  const result = {
    minutes,
    seed,
    docker_ops: counts.docker_ops,
    daemon_restarts: counts.daemon_restarts,
    mismatches: diff.length,
    leftovers,
    annotations_lost: lost.length,
    rss_growth_mb: Number((rssEnd - rssStart).toFixed(1)),
    rss_bound_mb: RSS_BOUND_MB,
    heap_growth_mb: Number((heapEnd - heapStart).toFixed(1)),
    heap_bound_mb: HEAP_BOUND_MB,
    daemon_freezes: counts.daemon_freezes,
    failed_ops: counts.failed_ops,
    note_ops: counts.note_ops,
    demo_runs: demos.runs.size,
    demo_cancels: counts.demo_cancels,
    demo_runs_unfinished: stillRunning.length,
    annotations: notes.created.size,
    blackouts: counts.blackouts,
    reconnect_mismatches: counts.reconnect_mismatches,
    page_mismatches: counts.page_mismatches,
    catch_up_ms_max: counts.catch_up_ms_max,
    catch_up_bound_ms: CATCH_UP_BOUND_MS,
    live_page_checks: live.checks,
    live_page_mismatches: live.mismatches,
    live_page_ms_max: live.slowestMs,
    live_page_bound_ms: LIVE_PAGE_BOUND_MS,
  };
  console.log(JSON.stringify(result));
  const ok =
    !result.mismatches &&
    !result.reconnect_mismatches &&
    !result.page_mismatches &&
    !result.live_page_mismatches &&
    !result.leftovers &&
    !result.annotations_lost &&
    result.rss_growth_mb <= RSS_BOUND_MB &&
    result.heap_growth_mb <= HEAP_BOUND_MB &&
    !stillRunning.length;
  return ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
