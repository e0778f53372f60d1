/**
 * Electron-style accelerators (`CmdOrCtrl+Shift+F`) in the renderer: matching keyboard events and
 * formatting for display, so the web menu bar and the native menu show and obey the same keys.
 */

export interface ParsedAccelerator {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

const KEY_ALIASES: Record<string, string> = { plus: '+', enter: 'enter', return: 'enter', esc: 'escape', space: ' ', left: 'arrowleft', right: 'arrowright', up: 'arrowup', down: 'arrowdown' };

/** Splits an accelerator into its key and modifiers (`CmdOrCtrl`, `Cmd`, `Ctrl` all mean "mod"). */
export function parseAccelerator(accelerator: string): ParsedAccelerator {
  const parts = accelerator.split('+');
  // `CmdOrCtrl+=` splits cleanly; `CmdOrCtrl+Plus` uses the alias; a trailing empty part means '+'.
  const last = parts.pop() ?? '';
  const rawKey = last === '' ? '+' : last;
  const key = KEY_ALIASES[rawKey.toLowerCase()] ?? rawKey.toLowerCase();
  const mods = parts.map((p) => p.toLowerCase());
  return {
    key,
    mod: mods.some((m) => ['cmdorctrl', 'commandorcontrol', 'cmd', 'command', 'ctrl', 'control'].includes(m)),
    shift: mods.includes('shift'),
    alt: mods.includes('alt') || mods.includes('option'),
  };
}

/** True on macOS, where "mod" is ⌘ rather than Ctrl. */
export function isMac(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /mac/i.test(platform);
}

/** True when a keydown event is this accelerator. `=` also matches `+` (the same physical key). */
export function matchesAccelerator(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, accelerator: string, mac = isMac()): boolean {
  const want = parseAccelerator(accelerator);
  const mod = mac ? event.metaKey : event.ctrlKey;
  const otherMod = mac ? event.ctrlKey : event.metaKey;
  if (mod !== want.mod || otherMod || event.altKey !== want.alt) return false;
  const key = event.key.toLowerCase();
  const sameKey = key === want.key || (want.key === '=' && key === '+') || (want.key === '-' && key === '_');
  // Shift changes some keys ('=' -> '+'), so only require it when the accelerator asks for it.
  return sameKey && (want.shift ? event.shiftKey : !event.shiftKey || want.key === '=');
}

const ARROWS: Record<string, string> = { arrowleft: '←', arrowright: '→', arrowup: '↑', arrowdown: '↓' };
const MAC_SYMBOLS: Record<string, string> = { enter: '↩', escape: '⎋', ',': ',', ' ': 'Space', ...ARROWS };
const PC_NAMES: Record<string, string> = { enter: 'Enter', escape: 'Esc', ' ': 'Space', ...ARROWS };

/** Human form of an accelerator: `⌘⇧F` on macOS, `Ctrl+Shift+F` elsewhere. */
export function formatAccelerator(accelerator: string, mac = isMac()): string {
  const { key, mod, shift, alt } = parseAccelerator(accelerator);
  const keyLabel = (mac ? MAC_SYMBOLS[key] : PC_NAMES[key]) ?? (key.length === 1 ? key.toUpperCase() : key[0]!.toUpperCase() + key.slice(1));
  if (mac) return `${mod ? '⌘' : ''}${alt ? '⌥' : ''}${shift ? '⇧' : ''}${keyLabel}`;
  return [mod && 'Ctrl', alt && 'Alt', shift && 'Shift', keyLabel].filter(Boolean).join('+');
}
