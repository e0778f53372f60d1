const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^(`{3,}|~{3,})\s*$/;

/** The fence (e.g. "```") a line opens, or null when it does not open a fenced code block. */
export function fenceOpening(line: string): string | null {
  // Cheap pre-check: after at most three spaces the line must start with ` or ~.
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === 32) at++;
  const first = line.charCodeAt(at);
  if (first !== 96 && first !== 126) return null;
  return FENCE_OPEN.exec(line)?.[1] ?? null;
}

/** True when `line` closes a fenced code block opened with `fence`. */
export function closesFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith(fence[0] ?? '`') && FENCE_CLOSE.test(trimmed) && trimmed.replace(/\s+$/, '').length >= fence.length && trimmed[0] === fence[0];
}

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
      const open = fenceOpening(line);
      if (open) {
        flush(false);
        fence = open;
      }
      current.push(line);
    } else {
      current.push(line);
      if (closesFence(line, fence)) {
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
