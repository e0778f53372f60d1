import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDocument } from './search-index';
import { documentTermsInSlices } from './search-terms';
import { VaultIndex } from './vault-index';

const doc = (docPath: string, text: string, extra: Partial<SearchDocument> = {}): SearchDocument => ({
  path: docPath,
  name: path.posix.basename(docPath, '.md'),
  aliases: [],
  headings: [],
  tags: [],
  text,
  ...extra,
});

/** A long pasted table with words in several scripts, as students paste logs and notes. */
function pastedTable(rows: number): string {
  const lines = ['| Container | Größe | État | note |', '|---|---|---|---|'];
  for (let r = 0; r < rows; r++) lines.push(`| web-${r} | ${r % 7}MB | ${r % 3 ? 'exited' : 'démarré'} | naïve_${r % 11} Ölkanne ${r} |`);
  return lines.join('\n');
}

describe('documentTermsInSlices', () => {
  it('counts the same words whatever the piece size, and pieces never cut a word', async () => {
    const word = fc.constantFrom('volume', 'Größe', 'démarré', 'naïve_x', 'v1.2', 'bind-mount', '日本', 'ÉTAT');
    const gap = fc.constantFrom(' ', '\n', ' | ', ', ', '\t', '  ');
    const text = fc.array(fc.tuple(word, gap), { maxLength: 80 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 40 }), async (body, piece) => {
        const note = doc('a.md', body, { headings: ['Named volumes'], tags: ['docker/storage'] });
        const whole = await documentTermsInSlices(note, Number.MAX_SAFE_INTEGER);
        const sliced = await documentTermsInSlices(note, piece);
        expect(sliced.length).toBe(whole.length);
        expect(new Map([...sliced.weights].sort())).toEqual(new Map([...whole.weights].sort()));
      }),
      { numRuns: 150 },
    );
  });

  it('a long note counted in slices ranks exactly as one indexed at once', async () => {
    const notes = [doc('Logs/Big table.md', pastedTable(6000)), doc('Short.md', 'a short note about démarré containers and Größe', { aliases: ['tiny'] }), doc('Other.md', pastedTable(40))];
    const atOnce = new SearchIndex();
    const sliced = new SearchIndex();
    for (const note of notes) {
      atOnce.upsert(note);
      sliced.add(note, await documentTermsInSlices(note));
    }
    expect(notes[0]!.text.length).toBeGreaterThan(200_000);
    for (const query of ['démarré', 'grosse', 'größe', 'web-5999', 'ölkanne', 'naïve_3', 'tiny', 'exited web', '5999']) {
      expect(sliced.search(query).map((hit) => [hit.path, hit.score])).toEqual(atOnce.search(query).map((hit) => [hit.path, hit.score]));
    }
    expect(sliced.search('web-5999')[0]?.path).toBe('Logs/Big table.md');
  });
});

describe('a vault with a long note', () => {
  it('finds words at the end of a 300 KB note, and its newer text after an edit', async () => {
    const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'berth-search-terms-')));
    try {
      await fs.writeFile(path.join(root, 'docker ps.md'), `**my containers lol**\n\n${pastedTable(5000)}\n\nwhat i learnd: zebrafish`);
      await fs.writeFile(path.join(root, 'Volumes.md'), '# Volumes\nteacher said docker rm deletes the volume too - check this!!');
      const index = new VaultIndex(root);
      await index.build();
      await index.searchReady;
      expect(index.search.search('zebrafish').map((hit) => hit.path)).toEqual(['docker ps.md']);
      expect(index.search.search('teacher').map((hit) => hit.path)).toEqual(['Volumes.md']);
      await fs.writeFile(path.join(root, 'docker ps.md'), `${pastedTable(5000)}\n\nwhat i learnd: okapi`);
      await index.update(['docker ps.md']);
      expect(index.search.search('okapi').map((hit) => hit.path)).toEqual(['docker ps.md']);
      expect(index.search.search('zebrafish')).toEqual([]);
      expect(index.search.size).toBe(2);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});
