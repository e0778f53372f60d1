import { describe, expect, it } from 'vitest';
import { hasTag, parseSearchQuery } from './search-query';
import { SearchIndex } from './search-index';

describe('parseSearchQuery', () => {
  it('keeps a quoted phrase as one phrase', () => {
    expect(parseSearchQuery('"docker volume prune"')).toEqual({
      words: [],
      phrases: ['docker volume prune'],
      tags: [],
    });
  });
  it('reads tag: with or without # and nested tags', () => {
    expect(parseSearchQuery('tag:#docker/storage').tags).toEqual(['docker/storage']);
    expect(parseSearchQuery('tag:Docker').tags).toEqual(['docker']);
    expect(parseSearchQuery('#networking').tags).toEqual(['networking']);
  });
  it('mixes words, phrases and tags, folding case and spaces', () => {
    expect(parseSearchQuery('Bind  "named   Volume" tag:#docker/storage mounts')).toEqual({
      words: ['bind', 'mounts'],
      phrases: ['named volume'],
      tags: ['docker/storage'],
    });
  });
  it('treats an unclosed quote as a phrase to the end and a one-word phrase as a word', () => {
    expect(parseSearchQuery('"port mapping').phrases).toEqual(['port mapping']);
    expect(parseSearchQuery('"volumes"')).toEqual({ words: ['volumes'], phrases: [], tags: [] });
  });
  it('does not read a number sign in prose as a tag', () => {
    expect(parseSearchQuery('issue #42').tags).toEqual([]);
    expect(parseSearchQuery('issue #42').words).toEqual(['issue', '42']);
  });
  it('matches nested tags below the wanted one', () => {
    expect(hasTag(['Docker/Storage'], 'docker')).toBe(true);
    expect(hasTag(['dockerfile'], 'docker')).toBe(false);
  });
});

describe('SearchIndex with phrases and tags', () => {
  const index = new SearchIndex();
  index.addAll([
    {
      path: 'Volumes.md',
      name: 'Volumes',
      aliases: [],
      headings: ['Cleanup'],
      tags: ['docker/storage'],
      text: 'Run `docker volume prune` to remove unused volumes.',
    },
    {
      path: 'Prune.md',
      name: 'Prune',
      aliases: [],
      headings: [],
      tags: ['docker'],
      text: 'prune the docker images, then volume sizes drop',
    },
    {
      path: 'Nets.md',
      name: 'Networks',
      aliases: [],
      headings: [],
      tags: ['docker/network'],
      text: 'bridge networks | ports | **published**',
    },
  ]);
  it('finds the phrase only where its words are in order', () => {
    expect(index.search('"docker volume prune"').map((hit) => hit.path)).toEqual(['Volumes.md']);
    expect(
      index
        .search('docker volume prune')
        .map((hit) => hit.path)
        .sort(),
    ).toEqual(['Prune.md', 'Volumes.md']);
  });
  it('highlights the whole phrase in the snippet, without code ticks', () => {
    const [hit] = index.search('"docker volume prune"');
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual([
      'docker volume prune',
    ]);
    expect(hit?.snippet.map((part) => part.text).join('')).not.toContain('`');
  });
  it('filters by tag, nested tags included, alone or with words', () => {
    expect(index.search('tag:#docker/storage').map((hit) => hit.path)).toEqual(['Volumes.md']);
    expect(
      index
        .search('tag:docker')
        .map((hit) => hit.path)
        .sort(),
    ).toEqual(['Nets.md', 'Prune.md', 'Volumes.md']);
    expect(
      index
        .search('tag:docker prune')
        .map((hit) => hit.path)
        .sort(),
    ).toEqual(['Prune.md', 'Volumes.md']);
    expect(index.search('tag:kubernetes')).toEqual([]);
  });
  it('shows table rows and emphasis as text', () => {
    const text = index
      .search('published')[0]
      ?.snippet.map((part) => part.text)
      .join('');
    expect(text).toBe('bridge networks · ports · published');
  });
});

describe('SearchIndex on a long pasted note', () => {
  it('finds a phrase written after a 10,000-row table', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| c${i} | nginx:1.${i % 30} | Up ${i} minutes |`);
    const text = `${rows.join('\n')}\n\nremember this for the exam`;
    expect(text.length).toBeGreaterThan(300_000);
    const index = new SearchIndex();
    index.upsert({ path: 'Big table.md', name: 'Big table', aliases: [], headings: [], tags: [], text });
    expect(index.search('"remember this for the exam"').map((hit) => hit.path)).toEqual(['Big table.md']);
  });
});
