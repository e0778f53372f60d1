import { describe, expect, it } from 'vitest';
import { plainText } from './note-scan';
import { buildSnippet, readableSnippet, snippetText } from './snippet-text';

describe('snippetText', () => {
  it('turns a pasted table into readable text', () => {
    const table =
      '| Type | Where | Survives rm? |\n|---|:---:|---|\n| **named volume** | /var/lib/docker | yes |';
    expect(snippetText(table)).toBe(
      'Type · Where · Survives rm?\n\nnamed volume · /var/lib/docker · yes',
    );
  });
  it('drops emphasis, code ticks, highlights, links and callout markers', () => {
    expect(
      snippetText(
        '> [!warning] Careful\n> run `docker volume prune` *only* if ==sure==, see [[Volumes|the volumes note]]',
      ),
    ).toBe('Careful\nrun docker volume prune only if sure, see the volumes note');
  });
  it('keeps snake_case words and maths-like stars', () => {
    expect(snippetText('set MY_VAR and 2 * 3 * 4')).toBe('set MY_VAR and 2 * 3 * 4');
  });
  it('drops list bullets, task boxes, headings, footnotes and block ids', () => {
    expect(snippetText('## **Bind** mounts\n- [x] mount it[^1] ^abc123')).toBe(
      'Bind mounts\nmount it',
    );
  });
  it('escaped pipes stay pipes', () => {
    expect(snippetText('use `a \\| b` here')).toBe('use a | b here');
  });
});

describe('buildSnippet', () => {
  it('marks the phrase and centres the snippet on it', () => {
    const text = `${'filler words '.repeat(30)}then docker volume prune clears them`;
    const parts = buildSnippet(text, ['docker', 'volume', 'prune'], 'docker volume prune');
    expect(parts[0]?.text).toBe('…');
    expect(parts.find((part) => part.match)?.text).toBe('docker volume prune');
  });
});

describe('readableSnippet', () => {
  it('cleans only the lines around the match of a long note, with ellipses on both sides', () => {
    const markdown = `${'| a | b |\n'.repeat(400)}Here **docker volume prune** clears volumes.\n${'| c | d |\n'.repeat(400)}`;
    const parts = readableSnippet(markdown, ['prune'], 'docker volume prune');
    const text = parts.map((part) => part.text).join('');
    expect(parts[0]?.text).toBe('…');
    expect(parts[parts.length - 1]?.text).toBe('…');
    expect(parts.find((part) => part.match)?.text).toBe('docker volume prune');
    expect(text).not.toMatch(/[|*]/);
  });
});

describe('readableSnippet on one very long line', () => {
  it('cleans a window, not the whole line', () => {
    const line = `${'word '.repeat(20_000)}the **docker volume prune** command ${'more '.repeat(20_000)}`;
    const parts = readableSnippet(line, [], 'docker volume prune');
    expect(parts.find((part) => part.match)?.text).toBe('docker volume prune');
    expect(parts.map((part) => part.text).join('').length).toBeLessThan(400);
  });
  it('search text and snippets keep a formula as its TeX source, prices as written', () => {
    const note = 'Lookup is $O(n^2)$, costs $5 and $10.\n\n$$\n\\sum_{i=1}^{n} x_i\n$$';
    expect(plainText(note)).toContain('$O(n^2)$, costs $5 and $10.');
    expect(plainText(note)).toContain('\\sum_{i=1}^{n} x_i');
    expect(snippetText(note)).toContain('Lookup is $O(n^2)$, costs $5 and $10.');
  });
});
