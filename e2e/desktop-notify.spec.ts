import WebSocket from 'ws';
import { expect, test } from './fixtures';

/** Calls Berth's RPC from the test, like the page does (token + our Origin). */
async function rpc(base: string, token: string, method: string, params: unknown): Promise<unknown> {
  const socket = new WebSocket(`${base.replace('http:', 'ws:')}/rpc?token=${encodeURIComponent(token)}`, { headers: { Origin: base } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  try {
    return await new Promise((resolve, reject) => {
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { type: string; id?: number; response?: { ok: boolean; value?: unknown; error?: { message: string } } };
        if (message.type !== 'result' || message.id !== 1) return;
        if (message.response?.ok) resolve(message.response.value);
        else reject(new Error(message.response?.error?.message ?? 'call failed'));
      });
      socket.send(JSON.stringify({ type: 'call', id: 1, method, params }));
    });
  } finally {
    socket.close();
  }
}

const DEMO = 'network-none';

test.describe('a finished demo is announced', () => {
  test.describe.configure({ timeout: 180_000 });
  test.beforeEach(() => {
    test.skip(test.info().project.name !== 'web', 'web mode; in the desktop app main shows the notification (main/electron/demo-notifications.test.ts)');
  });

  test('with a toast while Berth has the focus', async ({ berth }) => {
    const { page } = berth;
    await expect(page.locator('.docker-status')).toHaveAttribute('data-state', 'connected');
    const run = (await rpc(berth.url!, berth.token!, 'demos.start', { demoId: DEMO })) as { title: string };
    const toast = page.locator('.toast').filter({ hasText: `: ${run.title}` });
    await expect(toast).toBeVisible({ timeout: 120_000 });
    await expect(toast).toContainText(/Demo (passed|failed|cancelled|interrupted|skipped)/);
    await berth.shot('demo-finished-toast');
  });

  test('with a browser notification while Berth is in the background, unless turned off', async ({ berth }) => {
    const { page } = berth;
    await page.context().grantPermissions(['notifications'], { origin: berth.url! });
    await expect(page.locator('.docker-status')).toHaveAttribute('data-state', 'connected');
    // Playwright keeps every page "focused"; pretend the window went to the background and
    // record what the real Notification API is asked to show.
    await page.evaluate(() => {
      const w = window as unknown as { __notices: string[]; Notification: typeof Notification };
      w.__notices = [];
      const Real = w.Notification;
      w.Notification = class extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          w.__notices.push(`${title} | ${options?.body ?? ''}`);
        }
      };
      document.hasFocus = () => false;
    });
    const run = (await rpc(berth.url!, berth.token!, 'demos.start', { demoId: DEMO })) as { title: string };
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __notices: string[] }).__notices), { timeout: 120_000 })
      .toEqual([expect.stringMatching(new RegExp(`^Demo \\w+: ${run.title} \\| `))]);
    await expect(page.locator('.toast').filter({ hasText: run.title })).toHaveCount(0);

    await rpc(berth.url!, berth.token!, 'settings.update', { notifyDemoFinished: false });
    await page.evaluate(() => ((window as unknown as { __notices: string[] }).__notices = []));
    const second = (await rpc(berth.url!, berth.token!, 'demos.start', { demoId: DEMO })) as { title: string };
    // Turned off: no system notification; the news still shows inside the window.
    await expect(page.locator('.toast').filter({ hasText: second.title })).toBeVisible({ timeout: 120_000 });
    expect(await page.evaluate(() => (window as unknown as { __notices: string[] }).__notices)).toEqual([]);
  });
});
