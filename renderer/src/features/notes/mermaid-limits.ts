// The limits of mermaid diagrams, in the reader's first chunk (mermaid-text.ts loads with mermaid).

/** A diagram whose code is longer than this is shown as code with a notice (mermaid's own default cap). */
export const MERMAID_MAX_CHARS = 50_000;
/** A diagram mermaid has not drawn after this long is shown as code with a notice (ms). */
export const MERMAID_TIMEOUT_MS = 10_000;

/** The notice for code too long to draw, or undefined when it may be drawn. */
export function mermaidSizeProblem(source: string): string | undefined {
  if (source.length <= MERMAID_MAX_CHARS) return undefined;
  const kb = Math.ceil(source.length / 1024);
  return `This mermaid diagram is too large to draw (${kb} KB; the limit is ${MERMAID_MAX_CHARS / 1000} KB). Its code is shown instead.`;
}
