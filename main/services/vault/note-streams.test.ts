import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tableMarkdown } from '../../../bench/bignote-notes';
import { scanNote } from './note-scan';
import { NoteStreams, PAGE_CHARS, type NotePage } from './note-streams';
import { RenderPool } from './render-pool';
import { readerUrls, renderNote, type NoteLookup } from './render-note';

const lookup: NoteLookup = {
  resolver: { resolve: (target) => (target === 'Target' ? { kind: 'note', path: 'Target.md' } : null) },
  scanOf: (p) => (p === 'Target.md' ? scanNote('# Target\n\n## Named volumes\nThey stay.\n', 'Target') : undefined),
  sourceOf: () => null,
};

const bigTable = `# Containers I listed\n\n${tableMarkdown(3_000, 10)}\n\n## After the table\n\nSee [[Target#Named volumes|the volumes part]] ^end\n`;

async function wholeNote(streams: NoteStreams, stream: string, from: number): Promise<{ html: string[]; last: NotePage }> {
  const html: string[] = [];
  for (;;) {
    const page = await streams.page(stream, from);
    html.push(...page.chunks.map((c) => c.html));
    expect(page.chunks.reduce((n, c) => n + c.html.length, 0)).toBeLessThan(PAGE_CHARS + 40_000);
    if (page.done) return { html, last: page };
    from = page.next;
  }
}

describe('NoteStreams', () => {
  // The worker from its TypeScript source, through the tsx loader.
  const pool = new RenderPool(path.join(import.meta.dirname, 'render-worker.ts'));
  afterAll(() => pool.stop());

  it('a long note: a quick first screen, then the whole note in pages that join to the one-shot render', async () => {
    const streams = new NoteStreams(pool);
    pool.warm();
    const expected = renderNote('Big table.md', bigTable, lookup);
    // The worker warms up first (a long note waits for it); then the preview comes first.
    const first = await streams.open('Big table.md', bigTable, lookup, readerUrls);
    expect(first.rest?.from).toBe(0);
    expect(first.rendered.html.length).toBeLessThan(60_000);
    expect(first.rendered.html).toContain('Containers I listed');
    const { html, last } = await wholeNote(streams, first.rest?.stream ?? '', 0);
    expect(html.join('')).toBe(expected.html);
    expect(last.headings.map((h) => h.text)).toEqual(['Containers I listed', 'After the table']);
    expect(html.at(-1)).toContain('data-anchor="h-named-volumes"');
  }, 120_000);

  it('a short note comes whole, and the same note opened twice renders once', async () => {
    const calls: string[] = [];
    const counting = { render: (...args: Parameters<RenderPool['render']>) => (calls.push(args[0]), pool.render(...args)) };
    const streams = new NoteStreams(counting);
    const [a, b] = await Promise.all([
      streams.open('Big table.md', bigTable, lookup, readerUrls),
      streams.open('Big table.md', bigTable, lookup, readerUrls),
    ]);
    expect(calls).toEqual(['Big table.md']);
    expect(a.rest?.stream).toBe(b.rest?.stream);
    const small = await streams.open('Small.md', '# Small\n\ntext', lookup, readerUrls);
    expect(small.rest).toBeUndefined();
    expect(small.rendered.html).toContain('<h1');
    await expect(streams.page('no-such-stream', 0)).rejects.toThrow(/opened again or changed/);
  }, 120_000);

  it('a note left before its rest is in stops rendering; the oldest of too many streams too', async () => {
    const signals: AbortSignal[] = [];
    // A render that only ends when aborted, showing a first screen at once.
    const slow = {
      render: (...args: Parameters<RenderPool['render']>) => {
        const [path, source, , , onPreview, signal] = args;
        if (signal) signals.push(signal);
        onPreview?.(renderNote(path, source.slice(0, 200), lookup));
        return new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(new Error('cancelled'))));
      },
    };
    const streams = new NoteStreams(slow);
    const first = await streams.open('Big table.md', bigTable, lookup, readerUrls);
    const stream = first.rest?.stream ?? '';
    expect(signals[0]?.aborted).toBe(false);
    streams.close(stream);
    expect(signals[0]?.aborted).toBe(true);
    await expect(streams.page(stream, 0)).rejects.toThrow(/opened again or changed/);
    for (let i = 0; i < 5; i++) await streams.open(`Big ${i}.md`, bigTable, lookup, readerUrls);
    expect(signals.map((s) => s.aborted)).toEqual([true, true, false, false, false, false]);
  });
});
