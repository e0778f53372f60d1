import { describe, expect, it } from 'vitest';
import { mimeTypeOf, vaultFileHeaders } from './mime-types';

describe('vault file headers', () => {
  it('lets a PDF be framed by Berth’s own pages only, with nothing of its own to run', () => {
    const headers = vaultFileHeaders(mimeTypeOf('attachments/Slides Week 2.PDF'), { sameOriginFrames: true });
    expect(headers['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'self'");
    expect(headers['Content-Security-Policy']).toContain("default-src 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('in Electron (its own vault protocol), a PDF carries no framing rule of its own', () => {
    const headers = vaultFileHeaders('application/pdf');
    expect(headers['X-Frame-Options']).toBeUndefined();
    expect(headers['Content-Security-Policy']).not.toContain('frame-ancestors');
  });

  it('sandboxes everything else, an SVG included', () => {
    for (const file of ['diagram.svg', 'notes.html', 'photo.png', 'data.bin']) {
      const headers = vaultFileHeaders(mimeTypeOf(file), { sameOriginFrames: true });
      expect(headers['Content-Security-Policy']).toContain('sandbox');
      expect(headers['X-Frame-Options']).toBeUndefined();
    }
  });
});
