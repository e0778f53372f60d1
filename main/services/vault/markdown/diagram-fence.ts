import { attributes, escapeHtml } from './html-escape';

/** Fence languages the reader draws as diagrams (Obsidian draws ```mermaid fences). */
const DIAGRAM_LANGUAGES: ReadonlySet<string> = new Set(['mermaid']);

/** True for a fence language the reader turns into a diagram. */
export function isDiagramLanguage(language: string): boolean {
  return DIAGRAM_LANGUAGES.has(language);
}

/**
 * A diagram fence as the code block it stays in export and until the reader draws it: the same
 * `<pre class="code-block" data-lang>` as any fence, marked with `data-diagram` so the reader
 * finds it. Never highlighted: highlight.js has no mermaid, and asking for it loaded all 190
 * languages.
 */
export function renderDiagramFence(language: string, code: string): string {
  return `<pre${attributes({ class: 'code-block', 'data-lang': language, 'data-diagram': language })}><code class="hljs language-${language}">${escapeHtml(code)}</code></pre>\n`;
}
