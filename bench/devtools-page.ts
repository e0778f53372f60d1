/**
 * A Chromium page for benchmarks, driven over the DevTools protocol with only the Target, Runtime
 * and Input domains. Playwright enables the Network domain on every page, and Chromium then
 * copies each WebSocket frame to the client: a 0.7 MB frame took 100-240 ms to arrive in the
 * page under Playwright against 25-50 ms without DevTools (measured on this machine), so a note
 * streamed in 1 MB pages measured slower than a student sees it. Nothing here listens to the
 * network.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

interface Reply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

/** A page of a Chromium started for one benchmark (see also `playwright-bench-page.ts`). */
export interface BenchPage {
  /** Evaluates an expression in the page (a promise is awaited) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Waits until `expression` is truthy in the page. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  /** Presses a key (`Enter`, `Escape`) with optional modifiers (`ctrl`). */
  press(key: 'Enter' | 'Escape' | 'o', modifiers?: { ctrl?: boolean }): Promise<void>;
  /** Types text into the focused element. */
  type(text: string): Promise<void>;
  /** Moves the mouse to a point of the viewport. */
  moveMouse(x: number, y: number): Promise<void>;
  close(): Promise<void>;
}

const KEYS = {
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Escape: { code: 'Escape', keyCode: 27, text: '' },
  o: { code: 'KeyO', keyCode: 79, text: 'o' },
} as const;

/** Playwright's switches for a quiet, comparable Chromium (no background work, no throttled timers), without its DevTools session. */
const QUIET_CHROMIUM = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-field-trial-config',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-extensions',
  // WebUIOmnibox*: this Chromium (156) loads its address bar's popup as a WebUI page in every new
  // window, ~1 s of a renderer's CPU while the bench's page loads on 2 cores. A student's browser
  // opens Berth in a tab of a window it has, where that page is already loaded.
  '--disable-features=PaintHolding,MediaRouter,OptimizationHints,HttpsUpgrades,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-sync',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--metrics-recording-only',
  '--force-color-profile=srgb',
  '--hide-scrollbars',
  '--mute-audio',
];

async function devtoolsAddress(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools address:\n${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${output}`)));
  });
}

/** Evaluates `expression` every 25 ms until it is truthy (page scripts may not use eval: the app's CSP). */
export async function pollUntil(evaluate: BenchPage['evaluate'], expression: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await evaluate<boolean>(`Boolean(${expression})`)) return;
    } catch {
      // the page is still loading
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A Chromium started for one benchmark, its pages driven over DevTools without the Network domain. */
export interface BenchChromium {
  /** Opens `url` in a new page in front, of `width` x `height`. */
  newPage(url: string, width: number, height: number): Promise<BenchPage>;
  close(): Promise<void>;
}

/** Starts a quiet headless Chromium (Playwright's switches, see `QUIET_CHROMIUM`). */
export async function launchBenchChromium(): Promise<BenchChromium> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-chromium-'));
  const child = spawn(
    process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium',
    [...QUIET_CHROMIUM, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const socket = new WebSocket(await devtoolsAddress(child), { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  socket.on('message', (data) => {
    const reply = JSON.parse(String(data)) as Reply;
    if (reply.id === undefined) return;
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.error) pending?.reject(new Error(reply.error.message));
    else pending?.resolve(reply.result ?? {});
  });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  return {
    newPage: (url, width, height) => openPage(send, url, width, height),
    async close() {
      socket.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const within = (ms: number) => Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
      child.kill('SIGTERM');
      // A loaded machine may take Chromium longer to shut down: then it is killed, and its profile
      // (still written by processes on their way out) is removed with retries. A profile that
      // cannot be removed is reported, not thrown: the figures are taken by then.
      if (child.exitCode === null && child.signalCode === null && !(await within(5000))) {
        child.kill('SIGKILL');
        await within(5000);
      }
      try {
        fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch (error) {
        process.stderr.write(`Could not remove Chromium's profile ${profile}: ${String(error)}\n`);
      }
    },
  };
}

/** Starts a bench Chromium with one page on `url`; closing the page stops that Chromium. */
export async function openDevtoolsPage(url: string, width: number, height: number): Promise<BenchPage> {
  const chromium = await launchBenchChromium();
  const page = await chromium.newPage(url, width, height);
  return { ...page, close: async () => chromium.close() };
}

type Send = (method: string, params?: Record<string, unknown>, sessionId?: string) => Promise<Record<string, unknown>>;

async function openPage(send: Send, url: string, width: number, height: number): Promise<BenchPage> {
  const { targetId } = (await send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
  const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  const page = (method: string, params: Record<string, unknown> = {}) => send(method, params, sessionId);
  // A page in front, as a student's: a tab in the background gets no animation frames.
  await page('Page.bringToFront');
  await page('Emulation.setFocusEmulationEnabled', { enabled: true });
  await page('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
  await page('Page.navigate', { url });

  const evaluate = async <T>(expression: string): Promise<T> => {
    const reply = (await page('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    return reply.result.value as T;
  };
  const key = async (type: 'keyDown' | 'keyUp', name: keyof typeof KEYS, modifiers: number) => {
    const { code, keyCode, text } = KEYS[name];
    await page('Input.dispatchKeyEvent', {
      type,
      key: name,
      code,
      windowsVirtualKeyCode: keyCode,
      modifiers,
      ...(type === 'keyDown' && text && !modifiers ? { text } : {}),
    });
  };
  return {
    evaluate,
    waitFor: (expression, timeoutMs) => pollUntil(evaluate, expression, timeoutMs),
    async press(name, modifiers = {}) {
      const flags = modifiers.ctrl ? 2 : 0;
      await key('keyDown', name, flags);
      await key('keyUp', name, flags);
    },
    async type(text) {
      await page('Input.insertText', { text });
    },
    async moveMouse(x, y) {
      await page('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    },
    async close() {
      await send('Target.closeTarget', { targetId });
    },
  };
}
