import { describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;
const openExternal = vi.fn();
vi.mock('electron', () => ({
  app: { on: vi.fn() },
  session: {},
  shell: { openExternal: (url: string) => openExternal(url) },
}));

const { secureWebPreferences, isAppUrl, isAllowedRequestUrl, restrictWebContents, restrictSession } = await import('./security');
const { contentSecurityPolicy } = await import('./security-policy');
const { silentLogger } = await import('./services/logging/logger');

function fakeContents() {
  const handlers = new Map<string, Handler>();
  let windowOpen: Handler = () => undefined;
  return {
    handlers,
    open: (url: string) => windowOpen({ url }),
    on: (name: string, handler: Handler) => handlers.set(name, handler),
    setWindowOpenHandler: (handler: Handler) => (windowOpen = handler),
  };
}

describe('security defaults', () => {
  it('gives every window isolation, the sandbox and no Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('recognises only its own origin', () => {
    expect(isAppUrl('app://berth/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://berth/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('blocks navigation away from the app and sends web links to the browser', () => {
    const contents = fakeContents();
    restrictWebContents(contents as never, silentLogger);
    const navigate = contents.handlers.get('will-navigate')!;
    const blocked = { preventDefault: vi.fn() };
    navigate(blocked, 'https://docs.docker.com/');
    expect(blocked.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://docs.docker.com/');
    const inside = { preventDefault: vi.fn() };
    navigate(inside, 'app://berth/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const file = { preventDefault: vi.fn() };
    openExternal.mockClear();
    navigate(file, 'file:///etc/passwd');
    expect(file.preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies window.open and webviews', () => {
    const contents = fakeContents();
    restrictWebContents(contents as never, silentLogger);
    expect(contents.open('https://example.com')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.handlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and sets the CSP header', () => {
    let request: Handler = () => undefined;
    let check: Handler = () => true;
    let headers: Handler = () => undefined;
    let before: Handler = () => undefined;
    const session = {
      setPermissionRequestHandler: (h: Handler) => (request = h),
      setPermissionCheckHandler: (h: Handler) => (check = h),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: (h: Handler) => (headers = h), onBeforeRequest: (h: Handler) => (before = h) },
    };
    restrictSession(session as never, silentLogger);
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check()).toBe(false);
    const done = vi.fn();
    headers({ responseHeaders: {} }, done);
    const sent = done.mock.calls[0]![0].responseHeaders as Record<string, string[]>;
    expect(sent['Content-Security-Policy']![0]).toContain("script-src 'self'");
    const decide = (url: string) => {
      const answer = vi.fn();
      before({ url }, answer);
      return answer.mock.calls[0]![0];
    };
    expect(decide('app://berth/assets/index.js')).toEqual({ cancel: false });
    expect(decide('data:image/png;base64,AAAA')).toEqual({ cancel: false });
    expect(decide('https://tracker.example/pixel.gif')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:2375/containers/json')).toEqual({ cancel: true });
  });

  it('allows requests to its own origin and inline data only', () => {
    expect(isAllowedRequestUrl('app://berth/index.html')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://berth/1234')).toBe(true);
    expect(isAllowedRequestUrl('app://other/index.html')).toBe(false);
    expect(isAllowedRequestUrl('ws://127.0.0.1:1234/rpc')).toBe(false);
    expect(isAllowedRequestUrl('nonsense')).toBe(false);
  });

  it('has a CSP without inline scripts or remote origins', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('request allowlist', () => {
  it('lets a window load its own origin, the open vault and inline data only', async () => {
    const { isAllowedRequestUrl } = await import('./security');
    expect(isAllowedRequestUrl('app://berth/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('berth-vault://vault/attachments/image-layers.svg')).toBe(true);
    expect(isAllowedRequestUrl('berth-vault://elsewhere/x.png')).toBe(false);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('https://tracker.example/pixel.gif')).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false);
  });
});
