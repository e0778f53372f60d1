import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanNote } from './note-scan';
import type { RenderedNote } from './render-note';
import { packRendered, unpackRendered } from './rendered-transfer';

function rendered(html: string, text: string): RenderedNote {
  const scan = { ...scanNote('# Big\n', 'Big'), text };
  return {
    html,
    headings: [],
    properties: {},
    scan,
    problems: [],
    truncated: false,
    plainText: false,
    chunks: [{ end: html.length, tableRows: false }],
  };
}

describe('rendered-transfer', () => {
  it('posts a short note as it is, with nothing to transfer', async () => {
    const note = rendered('<p>Größe</p>', 'Größe');
    const { posted, transfer } = packRendered(note);
    expect(posted).toBe(note);
    expect(transfer).toEqual([]);
    expect(await unpackRendered(posted)).toBe(note);
  });

  it('posts a long note as one transferred buffer of UTF-8 and gives back the same note', async () => {
    const row = '<tr><td>démarré</td><td>naïve ☕</td><td>𝄞 🐳</td></tr>\n';
    const note = rendered(`<table>${row.repeat(8_000)}</table>`, `Größe ${'🐳 '.repeat(50_000)}`);
    const { posted, transfer } = packRendered(note);
    expect(posted.html).toBe('');
    expect(posted.scan.text).toBe('');
    expect(transfer).toEqual([posted.packed!.bytes.buffer]);
    expect(await unpackRendered(structuredClone(posted, { transfer }), 4096)).toEqual(note);
  });

  it('decodes any text whatever the slice cuts (characters of 1 to 4 bytes)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1 }),
        fc.string({ unit: 'grapheme' }),
        fc.integer({ min: 1, max: 64 }),
        async (piece, text, slice) => {
          const html = piece.repeat(Math.ceil(300_000 / piece.length));
          const { posted } = packRendered(rendered(html, text));
          const back = await unpackRendered(posted, slice * 1009);
          expect(back.html).toBe(html);
          expect(back.scan.text).toBe(text);
        },
      ),
      { numRuns: 25 },
    );
  });
});
