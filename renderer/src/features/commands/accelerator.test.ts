import { describe, expect, it } from 'vitest';
import { formatAccelerator, matchesAccelerator, parseAccelerator } from './accelerator';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('accelerators', () => {
  it('parses Electron syntax', () => {
    expect(parseAccelerator('CmdOrCtrl+Shift+F')).toEqual({ key: 'f', mod: true, shift: true, alt: false });
    expect(parseAccelerator('CmdOrCtrl+=')).toMatchObject({ key: '=', mod: true });
    expect(parseAccelerator('CmdOrCtrl+Plus')).toMatchObject({ key: '+', mod: true });
    expect(parseAccelerator('CmdOrCtrl+Enter')).toMatchObject({ key: 'enter' });
  });

  it('matches Ctrl on Linux/Windows and ⌘ on macOS', () => {
    expect(matchesAccelerator(key('p', { ctrlKey: true }), 'CmdOrCtrl+P', false)).toBe(true);
    expect(matchesAccelerator(key('p', { metaKey: true }), 'CmdOrCtrl+P', false)).toBe(false);
    expect(matchesAccelerator(key('p', { metaKey: true }), 'CmdOrCtrl+P', true)).toBe(true);
    expect(matchesAccelerator(key('p'), 'CmdOrCtrl+P', false)).toBe(false);
  });

  it('requires exactly the modifiers asked for', () => {
    expect(matchesAccelerator(key('F', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+Shift+F', false)).toBe(true);
    expect(matchesAccelerator(key('f', { ctrlKey: true }), 'CmdOrCtrl+Shift+F', false)).toBe(false);
    expect(matchesAccelerator(key('p', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+P', false)).toBe(false);
    expect(matchesAccelerator(key('p', { ctrlKey: true, altKey: true }), 'CmdOrCtrl+P', false)).toBe(false);
  });

  it('treats = and + as the zoom-in key, with or without Shift', () => {
    expect(matchesAccelerator(key('=', { ctrlKey: true }), 'CmdOrCtrl+=', false)).toBe(true);
    expect(matchesAccelerator(key('+', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+=', false)).toBe(true);
    expect(matchesAccelerator(key('-', { ctrlKey: true }), 'CmdOrCtrl+-', false)).toBe(true);
  });

  it('formats for each platform', () => {
    expect(formatAccelerator('CmdOrCtrl+Shift+F', false)).toBe('Ctrl+Shift+F');
    expect(formatAccelerator('CmdOrCtrl+Shift+F', true)).toBe('⌘⇧F');
    expect(formatAccelerator('CmdOrCtrl+Enter', false)).toBe('Ctrl+Enter');
    expect(formatAccelerator('CmdOrCtrl+,', true)).toBe('⌘,');
  });
});
