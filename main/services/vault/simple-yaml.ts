const PLAIN_KEY = /^([A-Za-z0-9_][\w .-]*?)\s*:(?:\s+(.*))?$/;
const LIST_ITEM = /^\s+-\s+(.*)$|^-\s+(.*)$/;

function scalar(raw: string): unknown {
  const text = raw.trim();
  if (text === '' || text === '~' || text === 'null') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if ((text.startsWith('"') && text.endsWith('"') && !text.slice(1, -1).includes('\\')) || (text.startsWith("'") && text.endsWith("'"))) {
    return text.slice(1, -1);
  }
  return text;
}

function isPlain(text: string): boolean {
  // Anything YAML gives a special meaning is left to the real parser.
  return !/^[[{&*!|>%@`]/.test(text.trim()) && !/\s#/.test(text) && !/:\s/.test(text) && !/^["'].*[^"']$/.test(text.trim());
}

function flowList(text: string): unknown[] | undefined {
  const inner = text.trim().slice(1, -1);
  if (/[[\]{}"'#]/.test(inner)) return undefined;
  return inner.trim() === '' ? [] : inner.split(',').map((item) => scalar(item));
}

/**
 * Parses the frontmatter most notes have (`key: value`, `key: [a, b]`, `key:` + `- item`
 * lines) without a full YAML parser, which is ~100x slower. Returns undefined for anything
 * else, so the caller falls back to the real parser.
 */
export function parseSimpleYaml(text: string): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  let listKey: string | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const item = LIST_ITEM.exec(line);
    if (item && listKey !== null) {
      const value = (item[1] ?? item[2] ?? '').trim();
      if (!isPlain(value) && !/^["']/.test(value)) return undefined;
      (result[listKey] as unknown[]).push(scalar(value));
      continue;
    }
    if (/^\s/.test(line)) return undefined;
    const match = PLAIN_KEY.exec(line);
    if (!match?.[1] || match[1] in result) return undefined;
    const key = match[1];
    const value = match[2] ?? '';
    listKey = null;
    if (value.trim() === '') {
      result[key] = [];
      listKey = key;
    } else if (value.trim().startsWith('[') && value.trim().endsWith(']')) {
      const list = flowList(value);
      if (!list) return undefined;
      result[key] = list;
    } else if (isPlain(value)) {
      result[key] = scalar(value);
    } else {
      return undefined;
    }
  }
  for (const [key, value] of Object.entries(result)) {
    if (Array.isArray(value) && value.length === 0) result[key] = null;
  }
  return result;
}
