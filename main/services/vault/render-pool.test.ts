import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tableMarkdown } from '../../../bench/bignote-notes';
import { LinkResolver } from './link-resolver';
import { scanNote } from './note-scan';
import { RenderPool } from './render-pool';
import { RenderCancelled, renderNote, type NoteLookup } from './render-note';
import { noteNameOf } from './vault-paths';

function vault(files: Record<string, string>): NoteLookup {
  const resolver = new LinkResolver();
  const scans = new Map(
    Object.entries(files)
      .filter(([p]) => p.endsWith('.md'))
      .map(([p, s]) => [p, scanNote(s, noteNameOf(p))]),
  );
  for (const p of Object.keys(files)) resolver.add(p, scans.get(p)?.aliases ?? []);
  return { resolver, scanOf: (p) => scans.get(p), sourceOf: (p) => files[p] ?? null };
}

// The worker from its TypeScript source, through the tsx loader (the build runs out/main/render-worker.js).
const pool = new RenderPool(path.join(import.meta.dirname, 'render-worker.ts'));
afterAll(() => pool.stop());

const files: Record<string, string> = {
  'Home.md': '# Home\n\n![[Storage/Volumes#Named volumes]]',
  'Storage/Volumes.md':
    '---\naliases: [vols]\n---\n# Volumes\n## Named volumes\nThey stay. See [[Home]] and ![[Deep]]\n\n## Other\nmore ^para1',
  'Deep.md': '# Deep\nEmbedded twice: [[Volumes#Other]] ![[Home]]',
  'img/diagram.png': '',
};

describe('RenderPool (worker thread)', () => {
  it('renders exactly what renderNote renders, links, nested embeds and cycles included', async () => {
    const lookup = vault(files);
    const note = `**Volumes notes** (copied from class)\n\n# Intro\nSee [[vols]], [[Volumes#^para1]], [[Volumes#Named volumes|named]], [[Missing note]] and ![[diagram.png]].\n\n![[Home]]\n\n| Befehl | Was es tut |\n|---|---|\n| docker volume ls | listet [[Home]] |\n`;
    const expected = renderNote('Page.md', note, lookup);
    const rendered = await pool.render('Page.md', note, lookup);
    expect(pool.inProcess).toBe(false);
    expect(rendered.html).toBe(expected.html);
    expect(rendered.headings).toEqual(expected.headings);
    expect(rendered.html).toContain('data-anchor="block-para1"');
    expect(rendered.html).toContain('is-cycle');
  });

  it('keeps every heading, link and block anchor reachable after a 10,000-row table', async () => {
    const lookup = vault({ ...files, 'Links note.md': '# Links note\n## Section 3\nx' });
    const note = `# Containers\n\n**pasted from docker ps**\n\n${tableMarkdown(10_000, 10)}\n\n## After the table\n\nSee [[Links note#Section 3]] here ^end-of-table\n`;
    const rendered = await pool.render('Big table.md', note, lookup);
    expect(rendered.headings.map((h) => h.text)).toEqual(['Containers', 'After the table']);
    for (const heading of rendered.headings) expect(rendered.html).toContain(`id="${heading.id}"`);
    expect(rendered.html).toContain('data-note-path="Links note.md"');
    expect(rendered.html).toContain('data-anchor="h-section-3"');
    expect(rendered.html).toContain('id="block-end-of-table"');
    expect((rendered.html.match(/<tr>/g) ?? []).length).toBe(10_001);
  });

  it('keeps answering other work while a big note renders', async () => {
    const lookup = vault(files);
    const note = Array.from({ length: 20_000 }, (_, i) => `[[Docker note ${i}|link ${i}]]`).join(
      ' · ',
    );
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const rendered = await pool.render('Links.md', note, lookup);
    clearInterval(timer);
    expect(rendered.html.match(/is-unresolved/g)?.length).toBe(20_000);
    expect(ticks).toBeGreaterThan(0);
  });

  it('drops a render no longer wanted, even mid-way, and renders the next note', async () => {
    const lookup = vault(files);
    const big = `# Big\n\n${tableMarkdown(40_000, 10)}\n\n## After\n`;
    const abort = new AbortController();
    let previewed = false;
    const dropped = pool.render('Big.md', big, lookup, undefined, () => {
      previewed = true;
      // The first screen is shown; the student opens another note while the rest renders.
      abort.abort();
    }, abort.signal);
    await expect(dropped).rejects.toThrow(/cancelled/);
    expect(previewed).toBe(true);
    const next = await pool.render('Page.md', '# Next note [[Home]]', lookup);
    expect(next.html).toContain('data-note-path="Home.md"');
    // Already aborted: not even sent to the worker.
    await expect(pool.render('Big.md', big, lookup, undefined, undefined, abort.signal)).rejects.toThrow(/cancelled/);
  });

  it('stops a render at its next checkpoint once cancelled', () => {
    const note = `# Big\n\n${tableMarkdown(20_000, 10)}\n`;
    let checkpoints = 0;
    expect(() =>
      renderNote('Big.md', note, vault(files), undefined, () => {
        if (++checkpoints === 5) throw new RenderCancelled();
      }),
    ).toThrow(RenderCancelled);
    expect(checkpoints).toBe(5);
  });

  it('renders in-process without a worker file', async () => {
    const inline = new RenderPool(null);
    expect(inline.inProcess).toBe(true);
    const rendered = await inline.render('Page.md', '# Hi [[Home]]', vault(files));
    expect(rendered.html).toContain('data-note-path="Home.md"');
  });
});
