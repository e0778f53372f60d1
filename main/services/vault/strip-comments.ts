const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Splits markdown into alternating prose and fenced-code chunks (code chunks include their fences). */
export function splitFences(text: string): { code: boolean; text: string }[] {
  const chunks: { code: boolean; text: string }[] = [];
  const lines = text.split('\n');
  let current: string[] = [];
  let fence: string | null = null;
  const flush = (code: boolean) => {
    if (current.length) chunks.push({ code, text: current.join('\n') });
    current = [];
  };
  for (const line of lines) {
    if (fence === null) {
      const open = FENCE_OPEN.exec(line);
      if (open?.[1]) {
        flush(false);
        fence = open[1];
      }
      current.push(line);
    } else {
      current.push(line);
      const trimmed = line.trim();
      if (trimmed.startsWith(fence[0] ?? '`') && /^(`{3,}|~{3,})\s*$/.test(trimmed) && trimmed.replace(/\s+$/, '').length >= fence.length && trimmed[0] === fence[0]) {
        flush(true);
        fence = null;
      }
    }
  }
  flush(fence !== null);
  return chunks;
}

/**
 * Removes Obsidian `%%comments%%` (inline or spanning lines) outside fenced code. An unclosed
 * `%%` hides the rest of the prose, as in Obsidian. Line count is kept so positions still map.
 */
export function stripComments(text: string): string {
  if (!text.includes('%%')) return text;
  return splitFences(text)
    .map((chunk) =>
      chunk.code
        ? chunk.text
        : chunk.text.replace(/%%[\s\S]*?(?:%%|$)/g, (comment) => '\n'.repeat((comment.match(/\n/g) ?? []).length)),
    )
    .join('\n');
}
