import { parse as parseYaml } from 'yaml';
import { parseSimpleYaml } from './simple-yaml';

/** YAML frontmatter of a note, split from its body. */
export interface Frontmatter {
  /** Parsed properties (empty when there is no frontmatter or it is broken). */
  properties: Record<string, unknown>;
  /** Markdown after the frontmatter block. */
  body: string;
  /** Number of lines the frontmatter block took, so body line numbers can be mapped back. */
  lineOffset: number;
  /** A readable message when the block exists but is not valid YAML or not a mapping. */
  error?: string;
  /** The raw YAML text, when there was a block. */
  raw?: string;
}

const FRONTMATTER = /^---[ \t]*\n([\s\S]*?)\n?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Splits and parses a frontmatter block at the very start of a (normalized) note. */
export function splitFrontmatter(text: string): Frontmatter {
  if (!text.startsWith('---')) return { properties: {}, body: text, lineOffset: 0 };
  const match = FRONTMATTER.exec(text);
  if (!match) return { properties: {}, body: text, lineOffset: 0 };
  const raw = match[1] ?? '';
  const body = text.slice(match[0].length);
  const lineOffset = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  if (raw.trim() === '') return { properties: {}, body, lineOffset, raw };
  const simple = parseSimpleYaml(raw);
  if (simple) return { properties: simple, body, lineOffset, raw };
  try {
    const parsed: unknown = parseYaml(raw, { maxAliasCount: 100, prettyErrors: true });
    if (parsed === null || parsed === undefined) return { properties: {}, body, lineOffset, raw };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { properties: {}, body, lineOffset, raw, error: 'The properties block at the top of this note is not a list of "key: value" lines.' };
    }
    return { properties: parsed as Record<string, unknown>, body, lineOffset, raw };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { properties: {}, body, lineOffset, raw, error: `The properties block at the top of this note is not valid YAML: ${detail}` };
  }
}

/** Reads a list-ish property (`tags: [a, b]`, `tags: a, b`, `tags:\n - a`) as strings. */
export function listProperty(properties: Record<string, unknown>, ...keys: string[]): string[] {
  for (const key of keys) {
    const value = properties[key];
    if (value === undefined || value === null) continue;
    const items = Array.isArray(value) ? value : String(value).split(',');
    return items
      .filter((item) => item !== null && item !== undefined && typeof item !== 'object')
      .map((item) => String(item).trim())
      .filter((item) => item !== '');
  }
  return [];
}

/** Tags from frontmatter, without `#`. */
export function frontmatterTags(properties: Record<string, unknown>): string[] {
  return listProperty(properties, 'tags', 'tag').map((tag) => tag.replace(/^#/, '')).filter(Boolean);
}

/** Aliases from frontmatter. */
export function frontmatterAliases(properties: Record<string, unknown>): string[] {
  return listProperty(properties, 'aliases', 'alias');
}
