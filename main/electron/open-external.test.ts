import { describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async (_url: string) => undefined);
vi.mock('electron', () => ({ shell: { openExternal: (url: string) => openExternal(url) } }));
const { openExternalSafely } = await import('./open-external');

describe('openExternalSafely', () => {
  it('hands http, https and mailto links to the system', async () => {
    for (const url of [
      'https://docs.docker.com/',
      'http://localhost:8080/',
      'mailto:someone@example.com',
    ]) {
      expect(await openExternalSafely(url)).toBe(true);
      expect(openExternal).toHaveBeenLastCalledWith(url);
    }
  });

  it('refuses every other scheme without calling the shell', async () => {
    openExternal.mockClear();
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'vscode://x',
      'app://berth/index.html',
      'not a url',
      '',
    ]) {
      expect(await openExternalSafely(url)).toBe(false);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});
