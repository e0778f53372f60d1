/**
 * `npm run bench:startup`: cold start of Berth on a built tree, as a user launches it (`npm start`
 * in web mode): time to the printed address, time to the first note on screen in Chromium (the
 * bundled vault, and a generated 5,000-note vault), and the main process's RSS at rest after 30 s.
 * Prints one JSON object on its last line. Goals (issue 13): address <= 1500 ms; first note <= 1000
 * ms (bundled) and <= 2000 ms (5,000 notes), before the vault index is complete
 * (`note_before_index_5000`); RSS at rest <= 150 MB. Chromium is driven as in bench:bignote
 * (`devtools-page.ts`; `BENCH_DRIVER=playwright` for Playwright).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBenchChromium } from './devtools-page';
import { launchPlaywrightChromium } from './playwright-bench-page';
import { machineFacts, percentile } from './machine';
import { writeSyntheticVault } from './vault-synthetic';

const root = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REST_MS = Number(process.env.BENCH_REST_MS ?? 30_000);

interface Launch {
  child: ChildProcess;
  addressMs: number;
  url: string;
  started: number;
  /** Resolves with ms from launch to the host logging the vault completely indexed ("vault opened"). */
  indexed: Promise<number>;
}

async function launch(vault: string, userData: string): Promise<Launch> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      'scripts/start.mjs',
      '--web',
      '--no-open',
      '--port',
      '0',
      '--vault',
      vault,
      '--user-data',
      userData,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DOCKER_HOST: process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock',
      },
    },
  );
  let output = '';
  // The host logs "vault opened" (info level: its log file, not the console) once the index is complete.
  const logFile = path.join(userData, 'logs', 'berth.log');
  const indexed = new Promise<number>((resolve) => {
    const poll = setInterval(() => {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      if (log.includes('"message":"vault opened"')) {
        clearInterval(poll);
        resolve(performance.now() - started);
      }
    }, 25);
    child.once('exit', () => clearInterval(poll));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/\S+#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`start exited ${code}:\n${output}`)));
  });
  return { child, addressMs: performance.now() - started, url, started, indexed };
}

/** RSS of the web host (the child of `npm start`), in MB. */
function hostRssMb(parent: number): number {
  const children = spawnSync('pgrep', ['-P', String(parent)], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .filter(Boolean);
  const pid = children[0] ?? String(parent);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
}

async function main(): Promise<void> {
  // A built tree with its stamp: the first `npm start` builds if needed, and is not measured.
  const warm = spawnSync(
    process.execPath,
    [
      '-e',
      "import('./scripts/build-stamp.mjs').then(async (m) => { if (!m.buildIsCurrent('.')) process.exit(3); })",
    ],
    { cwd: root },
  );
  if (warm.status !== 0) {
    process.stderr.write('Building once (not measured)…\n');
    const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('build failed');
    spawnSync(
      process.execPath,
      [
        '-e',
        "import('./scripts/build-stamp.mjs').then((m) => m.writeStamp('.', m.sourceStamp('.')))",
      ],
      { cwd: root },
    );
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-startup-'));
  const bigVault = path.join(tmp, 'vault-5000');
  await writeSyntheticVault(bigVault, 5000);
  const driver = process.env.BENCH_DRIVER === 'playwright' ? 'playwright' : 'devtools';
  const browser = driver === 'playwright' ? await launchPlaywrightChromium() : await launchBenchChromium();
  const results: Record<string, { address: number[]; firstNote: number[]; fromPage: number[]; indexed: number[] }> = {
    bundled: { address: [], firstNote: [], fromPage: [], indexed: [] },
    notes5000: { address: [], firstNote: [], fromPage: [], indexed: [] },
  };
  let restRss = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const [key, vault] of [
        ['bundled', path.join(root, 'notes')],
        ['notes5000', bigVault],
      ] as const) {
        const userData = path.join(tmp, `user-${key}-${run}`);
        const started = performance.now();
        const host = await launch(vault, userData);
        const pageOpened = performance.now();
        const page = await browser.newPage(host.url, 1440, 900);
        await page.waitFor(`(document.querySelector('.note-body')?.textContent ?? '').trim().length > 0`);
        results[key]!.firstNote.push(performance.now() - started);
        results[key]!.fromPage.push(performance.now() - pageOpened);
        results[key]!.address.push(host.addressMs);
        const indexedMs = await Promise.race([host.indexed, new Promise<number>((resolve) => setTimeout(() => resolve(NaN), 60_000).unref())]);
        results[key]!.indexed.push(indexedMs + (host.started - started));
        if (run === RUNS - 1 && key === 'bundled') {
          await page.close();
          await new Promise((resolve) => setTimeout(resolve, REST_MS));
          restRss = hostRssMb(host.child.pid!);
        } else {
          await page.close();
        }
        await stop(host.child);
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const median = (values: number[]) => Math.round(percentile(values, 50));
  console.log(
    JSON.stringify({
      address_ms: median(results.bundled!.address),
      first_note_bundled_ms: median(results.bundled!.firstNote),
      first_note_5000_ms: median(results.notes5000!.firstNote),
      // The browser's share: from the tab loading the address to the note on screen.
      page_to_note_bundled_ms: median(results.bundled!.fromPage),
      page_to_note_5000_ms: median(results.notes5000!.fromPage),
      // When the host logged the 5,000-note vault completely indexed; the note must be on screen before that.
      index_complete_5000_ms: median(results.notes5000!.indexed),
      note_before_index_5000: results.notes5000!.firstNote.every((ms, run) => ms < (results.notes5000!.indexed[run] ?? 0)),
      rss_at_rest_mb: restRss,
      driver,
      rest_s: REST_MS / 1000,
      runs: RUNS,
      ...machineFacts(),
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
