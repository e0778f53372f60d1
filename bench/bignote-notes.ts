/**
 * The big notes of `npm run bench:bignote` (issue 13), written the way students paste things:
 * a 10,000-row table, a note of 20,000 wikilinks, a 2,000-column table and 1 MB of prose.
 */

/** One generated note: its vault file name and markdown. */
export interface BigNote {
  key: string;
  file: string;
  markdown: string;
}

/** A pasted table of `rows` x `columns`, each cell a short word and a number. */
export function tableMarkdown(
  rows: number,
  columns: number,
  cell = (r: number, c: number) => `v${r}.${c}`,
): string {
  const header = `|${Array.from({ length: columns }, (_, c) => `C${c + 1}`).join('|')}|`;
  const rule = `|${Array.from({ length: columns }, () => '-').join('|')}|`;
  const lines = [header, rule];
  for (let r = 0; r < rows; r++)
    lines.push(`|${Array.from({ length: columns }, (_, c) => cell(r, c)).join('|')}|`);
  return lines.join('\n');
}

function tableNote(): string {
  const table = tableMarkdown(10_000, 10, (r, c) =>
    c === 0 ? `c${r}` : c === 1 ? (r % 3 ? 'up' : 'ex') : `${(r * 7 + c) % 10}`,
  );
  return `# Containers I listed\n\n**Pasted from docker ps** (teh whole list)\n\n${table}\n\n## After the table\n\nSee [[Links note]] and [[Links note#Section 3]]. The end ^end-of-table\n`;
}

function linksNote(): string {
  const parts = ['# Links note\n'];
  for (let s = 0; s < 200; s++) {
    parts.push(`\n## Section ${s}\n\n`);
    const links: string[] = [];
    for (let i = 0; i < 100; i++) links.push(`[[Docker note ${s * 100 + i}|link ${i}]]`);
    parts.push(links.join(' · '), '\n');
  }
  return parts.join('');
}

function wideNote(): string {
  return `# Wide table\n\n${tableMarkdown(200, 2000, (r, c) => `${(r * 31 + c) % 10}`)}\n\n## Below the wide table\n\nDone.\n`;
}

function proseNote(): string {
  const sentences = [
    'Ein Volume bleibt bestehen, auch wenn der Container gelöscht wird.',
    'A bind mount maps a host folder into the container, wich is handy for code.',
    'Named volumes are managed by Docker under /var/lib/docker/volumes.',
    'tmpfs mounts live in memory only and vanish when the container stops.',
  ];
  const parts: string[] = ['# Prose\n'];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const chunk =
      i % 40 === 0
        ? `\n## Chapter ${i / 40}\n\n`
        : `${sentences[i % 4]} **Point ${i}** with \`docker volume ls\` and [[Note ${i}]].\n\n`;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

/** The four notes the benchmark opens. */
export function bigNotes(): BigNote[] {
  return [
    { key: 'table_10k_rows', file: 'Big table.md', markdown: tableNote() },
    { key: 'links_20k', file: 'Links note.md', markdown: linksNote() },
    { key: 'table_2000_columns', file: 'Wide table.md', markdown: wideNote() },
    { key: 'prose_1mb', file: 'Prose.md', markdown: proseNote() },
  ];
}
