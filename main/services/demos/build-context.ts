import { packTar, type TarEntry } from './tar-pack';

/** A build context ready to send, with what `.dockerignore` left out. */
export interface BuildContext {
  tar: Buffer;
  /** Bytes of the archive sent to the daemon, what `docker build` reports as the context size. */
  bytes: number;
  included: string[];
  excluded: string[];
}

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        out += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

interface IgnoreRule {
  pattern: RegExp;
  negate: boolean;
}

/** Parses `.dockerignore` text: comments, blank lines, `!` exceptions, `*`, `**` and `?`. */
export function parseDockerignore(text: string): IgnoreRule[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const body = (negate ? line.slice(1) : line).replace(/^\.?\/+/, '').replace(/\/+$/, '');
      return { pattern: globToRegExp(body), negate };
    });
}

/** True when `.dockerignore` rules leave `file` out; a folder rule excludes everything below it. */
export function isIgnored(file: string, rules: IgnoreRule[]): boolean {
  const parts = file.split('/');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    if (prefixes.some((prefix) => rule.pattern.test(prefix))) ignored = !rule.negate;
  }
  return ignored;
}

/**
 * Builds the tar context the way the docker CLI does before it talks to the legacy builder:
 * files matched by `.dockerignore` never leave the client (the Dockerfile and .dockerignore
 * always go).
 */
export function makeBuildContext(files: Record<string, string>, filler: Record<string, number> = {}): BuildContext {
  const rules = parseDockerignore(files['.dockerignore'] ?? '');
  const entries: TarEntry[] = [];
  const included: string[] = [];
  const excluded: string[] = [];
  const all: [string, () => Buffer][] = [
    ...Object.entries(files).map(([file, text]): [string, () => Buffer] => [file, () => Buffer.from(text, 'utf8')]),
    ...Object.entries(filler).map(([file, size]): [string, () => Buffer] => [file, () => Buffer.alloc(size, 'x')]),
  ];
  for (const [file, content] of all) {
    const always = file === 'Dockerfile' || file === '.dockerignore';
    if (!always && isIgnored(file, rules)) {
      excluded.push(file);
      continue;
    }
    included.push(file);
    entries.push({ path: file, content: content() });
  }
  const tar = packTar(entries);
  return { tar, bytes: tar.length, included, excluded };
}

/** Formats bytes the way people read them ("2.1 MB", "3.5 kB"). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
