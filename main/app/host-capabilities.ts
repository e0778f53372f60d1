/** What differs between the Electron shell and web mode, injected into the app by each host. */
export interface HostCapabilities {
  mode: 'electron' | 'web';
  /** Why this mode was chosen, shown in About (e.g. "no Electron binary on this machine"). */
  modeReason?: string;
  /** Opens an allowlisted URL in the system browser. */
  openExternal(url: string): Promise<void>;
  /** A native folder picker; absent in web mode, where the UI asks for a path instead. */
  pickFolder?: () => Promise<string | null>;
  /** Opens a local folder in the file manager (desktop only). Resolves with an error message, or '' on success. */
  openPath?: (folder: string) => Promise<string>;
  /** Tells the native menu which renderer commands exist (desktop only). */
  setAvailableCommands?: (commands: string[]) => void;
}

const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** True for URLs Berth may hand to the system browser: http, https and mailto only. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    return EXTERNAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
