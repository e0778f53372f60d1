/**
 * `npm run bench:timeline` (issue 14): the lifecycle timeline with 10,000 events over 1,000
 * objects in the real renderer. Writes a past run with that many events into the run history of
 * a temporary user-data dir (`bench/timeline-history.ts`), starts the built web host on it, opens
 * the Timeline tab in Debian's Chromium (playwright-core) and picks the run, so the model is built
 * by `timeline.forRun` in the main process and crosses the real contract. Prints one JSON object
 * last:
 * - first_draw_ms: from the `change` of the run selector to the end of the first draw call of the
 *   1,000-row model (the canvas's `berth.timeline.draw` User Timing measure)
 * - frame_p95_ms: p95 of requestAnimationFrame intervals, over the frames in which the timeline
 *   redrew, while Playwright scripts real input: Ctrl+wheel zoom, drag pan, Shift+wheel pan,
 *   wheel row scroll (goal <= 16 ms; an interval includes React's update and the draw);
 *   frame_all_p95_ms: the same over every frame of the interaction, idle ones included;
 *   draw_p95_ms: the draw call alone (canvas sizing + drawTimeline); input_to_draw_p95_ms: from
 *   an input event's timeStamp to the end of the draw that answered it (React update + draw)
 * - heap_mb: the renderer's used JS heap after a forced GC (CDP Runtime.getHeapUsage) with the
 *   run shown; heap_before_mb on the Timeline tab before the run was picked
 * - load_1m, calibration_loop_cpu_ms, cores (bench/machine.ts): how busy the shared machine was.
 * Run `npm run build` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { startWebHostProcess } from '../e2e/support/web-host-process';
import { machineFacts, percentile } from './machine';
import { syntheticRun } from './timeline-history';

const root = path.resolve(import.meta.dirname, '..');
const OBJECTS = Number(process.env.BENCH_TIMELINE_OBJECTS ?? 1000);
const STEPS = 24;
const INPUTS = Number(process.env.BENCH_TIMELINE_INPUTS ?? 40);

interface Collected {
  changedAt?: number;
  draws: { start: number; end: number; rows: number }[];
  frames: number[];
  inputs: number[];
}

/** Watches draws (User Timing), the selector's change, and (on demand) every animation frame. */
const COLLECTOR = `(() => {
  const b = (window.__timelineBench = { draws: [], frames: [], inputs: [], recording: false });
  for (const type of ['wheel', 'mousemove'])
    document.addEventListener(type, (e) => { if (b.recording) b.inputs.push(e.timeStamp); }, { capture: true, passive: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'berth.timeline.draw')
        b.draws.push({ start: e.startTime, end: e.startTime + e.duration, rows: e.detail?.rows ?? 0 });
  }).observe({ type: 'measure' });
  document.addEventListener('change', (e) => {
    if (e.target instanceof HTMLSelectElement && e.target.getAttribute('aria-label') === 'Timeline of')
      b.changedAt = performance.now();
  }, true);
  b.record = () => {
    b.frames = []; b.inputs = []; b.recording = true;
    const loop = (t) => { if (!b.recording) return; b.frames.push(t); requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  };
})()`;

const collected = (page: Page) =>
  page.evaluate(() => {
    const b = (window as unknown as { __timelineBench: Collected & { recording: boolean } })
      .__timelineBench;
    b.recording = false;
    return {
      changedAt: b.changedAt,
      draws: b.draws,
      frames: b.frames,
      inputs: b.inputs,
    } as Collected;
  });

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return Math.round((usedSize / 1024 / 1024) * 10) / 10;
}

/** Scripted input over the canvas: zoom in and out, drag-pan, Shift+wheel pan, scroll rows. */
async function interact(page: Page): Promise<void> {
  const box = await page.locator('.timeline-canvas-box canvas').boundingBox();
  if (!box) throw new Error('the timeline canvas is not on screen');
  const cx = box.x + box.width * 0.6;
  const cy = box.y + Math.min(box.height - 20, 120);
  await page.mouse.move(cx, cy);
  await page.keyboard.down('Control');
  for (let i = 0; i < INPUTS; i++) await page.mouse.wheel(0, -100);
  for (let i = 0; i < INPUTS; i++) await page.mouse.wheel(0, 100);
  await page.keyboard.up('Control');
  await page.mouse.down();
  for (let i = 0; i < INPUTS * 2; i++)
    await page.mouse.move(cx + 200 * Math.sin((i / INPUTS) * Math.PI), cy);
  await page.mouse.up();
  await page.keyboard.down('Shift');
  for (let i = 0; i < INPUTS; i++) await page.mouse.wheel(0, i < INPUTS / 2 ? 120 : -120);
  await page.keyboard.up('Shift');
  for (let i = 0; i < INPUTS; i++) await page.mouse.wheel(0, i < INPUTS / 2 ? 240 : -240);
}

/** Frame intervals ending at each frame, and which of them saw a draw. */
function frameIntervals(data: Collected): { all: number[]; drawn: number[] } {
  const all: number[] = [];
  const drawn: number[] = [];
  for (let i = 1; i < data.frames.length; i++) {
    const [from, to] = [data.frames[i - 1]!, data.frames[i]!];
    all.push(to - from);
    if (data.draws.some((d) => d.end > from && d.end <= to)) drawn.push(to - from);
  }
  return { all, drawn };
}

/** For each draw, the time since the input it answered (the last input before the draw began). */
function inputToDraw(data: Collected): number[] {
  return data.draws.flatMap((draw) => {
    const input = data.inputs.filter((t) => t <= draw.start).at(-1);
    return input === undefined ? [] : [draw.end - input];
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'out/main/web-host.js')))
    throw new Error('Build first: npm run build');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-timeline-'));
  const userDataDir = path.join(tmp, 'user-data');
  const runId = `bench${Date.now().toString(36)}`;
  const record = syntheticRun({
    runId,
    objects: OBJECTS,
    steps: STEPS,
    startedAt: Date.now() - 3 * 3_600_000,
    spanMs: 20 * 60_000,
  });
  fs.mkdirSync(path.join(userDataDir, 'demo-runs'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'demo-runs', `${runId}.json`), JSON.stringify(record));
  const host = await startWebHostProcess({
    userDataDir,
    vaultDir: path.join(root, 'notes'),
    root,
  });
  const browser = await chromium.launch({
    executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(host.openUrl);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const selector = page.getByLabel('Timeline of');
    await selector.locator(`option[value="${runId}"]`).waitFor({ state: 'attached' });
    await page.evaluate(COLLECTOR);
    const heapBefore = await heapMb(cdp);

    await selector.selectOption(runId);
    await page.waitForFunction(
      (rows) =>
        (window as unknown as { __timelineBench: Collected }).__timelineBench.draws.some(
          (d) => d.rows === rows,
        ),
      OBJECTS,
      { timeout: 120_000 },
    );
    const loaded = await collected(page);
    const firstDraw = loaded.draws.find((d) => d.rows === OBJECTS)!;
    const rowsShown = await page.locator('.timeline-states li').count();
    if (rowsShown !== OBJECTS)
      throw new Error(`expected ${OBJECTS} rows, the view lists ${rowsShown}`);
    const heapLoaded = await heapMb(cdp);

    await page.evaluate('window.__timelineBench.draws = []; window.__timelineBench.record()');
    await interact(page);
    await page.waitForTimeout(100);
    const moved = await collected(page);
    const { all, drawn } = frameIntervals(moved);
    const heapAfter = await heapMb(cdp);
    console.log(
      JSON.stringify({
        bench: 'timeline',
        events: record.events.length,
        objects: OBJECTS,
        first_draw_ms: Math.round(firstDraw.end - (loaded.changedAt ?? firstDraw.start)),
        frame_p95_ms: round(percentile(drawn, 95)),
        frame_p50_ms: round(percentile(drawn, 50)),
        frame_all_p95_ms: round(percentile(all, 95)),
        input_to_draw_p95_ms: round(percentile(inputToDraw(moved), 95)),
        draw_p95_ms: round(
          percentile(
            moved.draws.map((d) => d.end - d.start),
            95,
          ),
        ),
        frames: all.length,
        frames_drawn: drawn.length,
        draws: moved.draws.length,
        heap_mb: Math.max(heapLoaded, heapAfter),
        heap_before_mb: heapBefore,
        frame_measure:
          'requestAnimationFrame intervals ending in a frame that redrew, during Playwright wheel/drag input',
        ...machineFacts(),
      }),
    );
  } finally {
    await browser.close().catch(() => undefined);
    await host.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
