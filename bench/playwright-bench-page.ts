/**
 * The benchmarks' page driven by Playwright instead (`BENCH_DRIVER=playwright`), for comparison:
 * Playwright's DevTools session copies every WebSocket frame (see `devtools-page.ts`).
 */
import { chromium } from 'playwright-core';
import { pollUntil, type BenchPage } from './devtools-page';

/** Opens `url` in Playwright's Chromium, behind the same interface as `openDevtoolsPage`. */
export async function openPlaywrightPage(url: string, width: number, height: number): Promise<BenchPage> {
  const browser = await chromium.launch({
    executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  await page.goto(url);
  const evaluate = <T>(expression: string) => page.evaluate(expression) as Promise<T>;
  return {
    evaluate,
    waitFor: (expression, timeoutMs) => pollUntil(evaluate, expression, timeoutMs),
    press: (key, modifiers = {}) => page.keyboard.press(modifiers.ctrl ? `Control+${key}` : key),
    type: (text) => page.keyboard.insertText(text),
    moveMouse: (x, y) => page.mouse.move(x, y),
    close: () => browser.close(),
  };
}
