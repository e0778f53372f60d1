/**
 * The benchmarks' Chromium driven by Playwright instead (`BENCH_DRIVER=playwright`), for
 * comparison: Playwright's DevTools session copies every WebSocket frame (see `devtools-page.ts`).
 */
import { chromium } from 'playwright-core';
import { pollUntil, type BenchChromium, type BenchPage } from './devtools-page';

/** Playwright's Chromium behind the same interface as `launchBenchChromium`. */
export async function launchPlaywrightChromium(): Promise<BenchChromium> {
  const browser = await chromium.launch({
    executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  return {
    async newPage(url, width, height) {
      const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
      await page.goto(url);
      const evaluate = <T>(expression: string) => page.evaluate(expression) as Promise<T>;
      return {
        evaluate,
        waitFor: (expression, timeoutMs) => pollUntil(evaluate, expression, timeoutMs),
        press: (key, modifiers = {}) => page.keyboard.press(modifiers.ctrl ? `Control+${key}` : key),
        type: (text) => page.keyboard.insertText(text),
        moveMouse: (x, y) => page.mouse.move(x, y),
        close: () => page.context().close(),
      };
    },
    close: () => browser.close(),
  };
}

/** Opens `url` in Playwright's Chromium; closing the page stops that Chromium. */
export async function openPlaywrightPage(url: string, width: number, height: number): Promise<BenchPage> {
  const browser = await launchPlaywrightChromium();
  const page = await browser.newPage(url, width, height);
  return { ...page, close: () => browser.close() };
}
