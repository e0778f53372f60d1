import fs from 'node:fs/promises';
import path from 'node:path';

const WORDS = (
  'container image volume network bridge overlay layer cache build stage registry daemon socket mount bind ' +
  'tmpfs namespace cgroup process signal entrypoint command healthcheck restart policy compose service port ' +
  'publish expose label filter prune inspect logs exec attach detach snapshot storage driver copy write ' +
  'persist data backup restore secret config swarm node task replica scale update rollback digest tag push pull'
).split(' ');

/** A deterministic pseudo-random generator, so every run builds the same vault. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function sentence(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(random, WORDS));
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Name of synthetic note `i`. */
export function syntheticNoteName(i: number): string {
  return `Note ${String(i).padStart(5, '0')}`;
}

/** One synthetic note of roughly `bytes` characters with headings, wikilinks and tags. */
export function syntheticNote(i: number, count: number, bytes: number, random: () => number): string {
  const parts: string[] = [`---\ntags: [bench, ${pick(random, WORDS)}]\naliases: [Alias ${i}]\n---`, `# ${syntheticNoteName(i)}`];
  let size = parts.join('\n').length;
  let section = 0;
  while (size < bytes) {
    if (size > section * 600) {
      section++;
      parts.push(`\n## ${sentence(random, 3).slice(0, -1)} ${section}\n`);
    }
    const target = Math.floor(random() * count);
    const line =
      `${sentence(random, 12)} See [[${syntheticNoteName(target)}]] and #topic/${pick(random, WORDS)}. ` +
      `${sentence(random, 10)} **${pick(random, WORDS)}** \`docker ${pick(random, WORDS)}\`.`;
    parts.push(line);
    size += line.length + 1;
  }
  return parts.join('\n');
}

/** Writes `count` notes of about `bytes` each into `dir`, spread over 50 folders. */
export async function writeSyntheticVault(dir: string, count: number, bytes = 2048, seed = 42): Promise<string[]> {
  const random = seededRandom(seed);
  const paths: string[] = [];
  for (let folder = 0; folder < 50; folder++) await fs.mkdir(path.join(dir, `folder-${folder}`), { recursive: true });
  const notes = Array.from({ length: count }, (_, i) => {
    const relative = `folder-${i % 50}/${syntheticNoteName(i)}.md`;
    paths.push(relative);
    return { relative, text: syntheticNote(i, count, bytes, random) };
  });
  for (let i = 0; i < notes.length; i += 100) {
    await Promise.all(notes.slice(i, i + 100).map((note) => fs.writeFile(path.join(dir, note.relative), note.text)));
  }
  return paths;
}
