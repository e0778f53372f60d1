/**
 * `npm run bench:bignote` (issue 13): writes four big notes (a 10,000-row table, 20,000 wikilinks,
 * a 2,000-column x 200-row table, 1 MB of prose) into a temp vault, starts the built web host
 * with the loop probe (`BERTH_LOOP_PROBE_FILE`, see main/app/loop-probe.ts), opens each note in
 * Chromium through the quick switcher (Enter on the note) and prints one JSON object last. Chromium
 * is driven without the DevTools Network domain (`devtools-page.ts`: Playwright's copies every
 * WebSocket frame, which slowed each 1 MB page by 100-200 ms); `BENCH_DRIVER=playwright` compares.
 * Figures:
 * per note `first_screen_ms` (Enter to the first frame showing the note's first heading, laid
 * out and painted), `complete_ms` (to the painted frame holding its last heading), the main process's event-loop
 * delay max / p99 and peak RSS while it opened. Goals: first screen <= 300 ms, complete <= 1 s
 * for the 10,000 rows and the 20,000 links, loop delay max <= 50 ms, main RSS <= 400 MB.
 * Run `npm run build` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebHostProcess, type WebHostProcess } from '../e2e/support/web-host-process';
import type { LoopProbeReport } from '../main/app/loop-probe';
import { bigNotes } from './bignote-notes';
import { openDevtoolsPage, type BenchPage } from './devtools-page';
import { openPlaywrightPage } from './playwright-bench-page';
import { machineFacts } from './machine';

const root = path.resolve(import.meta.dirname, '..');
/** A note not complete after this long is reported with `complete_ms: null`. */
const TIMEOUT_MS = Number(process.env.BENCH_BIGNOTE_TIMEOUT_MS ?? 120_000);
/** `BENCH_BIGNOTE_ONLY=prose_1mb,table_10k_rows`: just these notes, in this order. */
const ONLY = process.env.BENCH_BIGNOTE_ONLY?.split(',').filter(Boolean);
const LAST_HEADING: Record<string, string> = {
  table_10k_rows: 'After the table',
  links_20k: 'Section 199',
  table_2000_columns: 'Below the wide table',
  prose_1mb: '',
};

async function probe(host: WebHostProcess, file: string, after: number): Promise<LoopProbeReport> {
  host.child.kill('SIGUSR2');
  for (let i = 0; i < 6000; i++) {
    try {
      const report = JSON.parse(fs.readFileSync(file, 'utf8')) as LoopProbeReport;
      if (report.seq > after) return report;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the loop probe did not answer');
}

/** Wall-clock times when the first frames showing the first heading and the last heading of the note were laid out and painted. */
function watchNote(
  page: BenchPage,
  first: string,
  last: string,
): Promise<{ first: number; complete: number }> {
  return page.evaluate<{ first: number; complete: number }>(`new Promise((resolve) => {
    const first = ${JSON.stringify(first)}, last = ${JSON.stringify(last)};
    const times = {};
    // The frame's layout and paint done: a task queued from its animation-frame callback runs after them.
    const afterPaint = (then) => requestAnimationFrame(() => setTimeout(then, 0));
    const has = (text) => [...document.querySelectorAll('.note-body h1, .note-body h2')].some((h) => h.textContent.trim() === text);
    const lastDone = () => last ? has(last) : (document.querySelector('.note-body')?.textContent.length ?? 0) > 900000;
    const check = () => {
      if (times.first === undefined && has(first)) { times.first = 0; afterPaint(() => { times.first = performance.timeOrigin + performance.now(); finish(); }); }
      if (times.complete === undefined && lastDone()) { times.complete = 0; afterPaint(() => { times.complete = performance.timeOrigin + performance.now(); finish(); }); }
    };
    const finish = () => { if (times.first && times.complete) { observer.disconnect(); resolve(times); } };
    setTimeout(() => { observer.disconnect(); resolve(times); }, ${TIMEOUT_MS});
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })`);
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'out/main/web-host.js')))
    throw new Error('Build first: npm run build');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-bignote-'));
  const vaultDir = path.join(tmp, 'vault');
  fs.mkdirSync(vaultDir);
  const notes = ONLY
    ? ONLY.map((key) => {
        const note = bigNotes().find((n) => n.key === key);
        if (!note) throw new Error(`No big note "${key}": ${bigNotes().map((n) => n.key).join(', ')}`);
        return note;
      })
    : bigNotes();
  fs.writeFileSync(path.join(vaultDir, 'Start.md'), '# Start\n\nA small note to begin with.\n');
  for (const note of notes) fs.writeFileSync(path.join(vaultDir, note.file), note.markdown);
  const probeFile = path.join(tmp, 'loop-probe.json');
  const host = await startWebHostProcess({
    userDataDir: path.join(tmp, 'user-data'),
    vaultDir,
    root,
    env: { BERTH_LOOP_PROBE_FILE: probeFile },
  });
  const driver = process.env.BENCH_DRIVER === 'playwright' ? 'playwright' : 'devtools';
  const page = driver === 'playwright' ? await openPlaywrightPage(host.openUrl, 1440, 900) : await openDevtoolsPage(host.openUrl, 1440, 900);
  const results: Record<string, unknown> = {};
  try {
    await page.waitFor(`document.querySelector('.note-title')`);
    const pick = async (name: string) => {
      await page.press('o', { ctrl: true });
      await page.waitFor(`document.activeElement?.getAttribute('aria-label') === 'Note name'`);
      await page.type(name);
      // The hit Enter opens is the selected one (the mouse resting over the list selects too).
      await page.moveMouse(0, 0);
      await page.waitFor(
        `[...document.querySelectorAll('[aria-label="Quick switcher"] [role=option][aria-selected=true]')].some((o) => o.textContent.startsWith(${JSON.stringify(name)}))`,
      );
    };
    // Start on a small note (the vault may open on one of the big ones).
    await pick('Start');
    await page.press('Enter');
    await page.waitFor(`[...document.querySelectorAll('.note-body h1')].some((h) => h.textContent.includes('Start'))`);
    let seq = (await probe(host, probeFile, 0)).seq;
    for (const note of notes) {
      const name = note.file.replace(/\.md$/, '');
      await pick(name);
      seq = (await probe(host, probeFile, seq)).seq;
      const firstHeading = /^# (.*)$/m.exec(note.markdown)?.[1] ?? name;
      const watching = watchNote(page, firstHeading, LAST_HEADING[note.key] ?? '');
      await new Promise((r) => setTimeout(r, 50));
      const pressed = Date.now();
      await page.press('Enter');
      const times = await watching;
      const report = await probe(host, probeFile, seq);
      seq = report.seq;
      results[note.key] = {
        size_kb: Math.round(note.markdown.length / 1024),
        first_screen_ms: times.first ? Math.round(times.first - pressed) : null,
        complete_ms: times.complete ? Math.round(times.complete - pressed) : null,
        loop_delay_max_ms: report.loop_delay_max_ms,
        loop_delay_p99_ms: report.loop_delay_p99_ms,
        main_rss_peak_mb: report.rss_peak_mb,
      };
      process.stderr.write(`${note.key}: ${JSON.stringify(results[note.key])}\n`);
    }
  } finally {
    await page.close().catch(() => undefined);
    await host.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ bench: 'bignote', driver, ...machineFacts(), notes: results }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
