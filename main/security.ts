/**
 * Electron security defaults, all in one place: the web preferences every window gets, and the
 * session and app-wide restrictions (navigation, new windows, permissions, webviews).
 */
import { app, session, type Session, type WebContents, type WebPreferences } from 'electron';
import { openExternalSafely } from './electron/open-external';
import { contentSecurityPolicy, securityHeaders } from './security-policy';
import type { Logger } from './services/logging/logger';

/** The custom scheme Berth's own UI is served from. */
export const APP_SCHEME = 'app';
/** The scheme attachments of the open vault are served from (`berth-vault://vault/<path>`). */
export const VAULT_SCHEME = 'berth-vault';
/** The origin of Berth's UI: `app://berth`. */
export const APP_ORIGIN = `${APP_SCHEME}://berth`;

/** Web preferences for every Berth window. Never weaken these per window. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // Middle-click would otherwise open links in new windows (denied anyway by the window-open handler).
    disableBlinkFeatures: 'Auxclick',
  };
}

/** True when a URL belongs to Berth's own UI. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

/** True for requests a Berth window may make: its own origin, the open vault's attachments, and inline data/blob URLs. */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === `${VAULT_SCHEME}:` && parsed.host === 'vault') return true;
    return LOCAL_SCHEMES.has(parsed.protocol);
  } catch {
    return false;
  }
}

/** Denies navigation, new windows and webviews for one web contents; external links go to the browser. */
export function restrictWebContents(contents: WebContents, log: Logger): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn('blocked navigation', { url: url.slice(0, 200) });
    void openExternalSafely(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      log.warn('blocked redirect', { url: url.slice(0, 200) });
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('denied window.open', { url: url.slice(0, 200) });
    void openExternalSafely(url);
    return { action: 'deny' };
  });
}

/**
 * The permissions Berth's own page uses: writing to the clipboard (every Copy button). Everything
 * else (camera, notifications, clipboard reads, …) is denied; main shows notifications itself.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** True when `permission` is one Berth uses and the request comes from Berth's own page. */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
): boolean {
  return (
    GRANTED_PERMISSIONS.has(permission) &&
    requestingUrl !== undefined &&
    isAppUrl(requestingUrl.endsWith('://berth') ? `${requestingUrl}/` : requestingUrl)
  );
}

/** Grants only what Berth's page uses, from its own origin; cancels requests outside the app, and sets the CSP on responses. */
export function restrictSession(target: Session, log: Logger): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details?.requestingUrl);
    if (!granted)
      log.warn('denied permission request', {
        permission,
        from: details?.requestingUrl?.slice(0, 200),
      });
    callback(granted);
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details?.requestingUrl ?? requestingOrigin),
  );
  target.setDevicePermissionHandler(() => false);
  // Only our own origin loads: any request to the network or the file system is cancelled.
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) log.warn('blocked a request outside the app', { url: details.url.slice(0, 200) });
    callback({ cancel: !allowed });
  });
  const headers = securityHeaders(contentSecurityPolicy());
  target.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = { ...details.responseHeaders };
    for (const [name, value] of Object.entries(headers)) responseHeaders[name] = [value];
    callback({ responseHeaders });
  });
}

/** Applies the app-wide restrictions; call once before any window opens. */
export function applyAppSecurity(log: Logger): void {
  restrictSession(session.defaultSession, log);
  app.on('web-contents-created', (_event, contents) => restrictWebContents(contents, log));
}
