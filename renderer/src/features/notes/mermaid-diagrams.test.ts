// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MERMAID_MAX_CHARS } from './mermaid-limits';
import { drawMermaidBlocks } from './mermaid-diagrams';
import { sanitizeNoteFragment } from '../../ui/sanitize-note';

const block = (code: string) => `<pre class="code-block" data-lang="mermaid" data-diagram="mermaid"><code class="hljs language-mermaid">${code}</code></pre>`;

describe('mermaid blocks in the reader', () => {
  it('keeps the mark through the reader’s sanitizer, and only on the block the main process marked', () => {
    const body = document.createElement('div');
    body.append(sanitizeNoteFragment(`${block('graph TD\nA--&gt;B')}<pre class="code-block" data-lang="yaml"><code>a: 1</code></pre>`));
    expect(body.querySelectorAll('pre[data-diagram="mermaid"]')).toHaveLength(1);
    expect(body.querySelector('pre[data-diagram]')?.textContent).toBe('graph TD\nA-->B');
  });

  it('shows code over the size cap as it is, with a notice, and loads nothing for it', () => {
    const body = document.createElement('div');
    document.body.append(body);
    body.append(sanitizeNoteFragment(`<p>before</p>${block(`graph TD\n${'A-->B\n'.repeat(MERMAID_MAX_CHARS / 6 + 10)}`)}`));
    drawMermaidBlocks(body.children);
    const notice = body.querySelector('.mermaid-notice');
    expect(notice?.textContent).toMatch(/^This mermaid diagram is too large to draw \(\d+ KB; the limit is 50 KB\)/);
    expect(notice?.nextElementSibling?.matches('pre[data-diagram]')).toBe(true);
    expect(body.querySelector('pre')?.hidden).toBe(false);
    expect(notice?.hasAttribute('data-annotation-ui')).toBe(true);
    // Drawing again (a re-render of the same block) adds no second notice.
    drawMermaidBlocks(body.children);
    expect(body.querySelectorAll('.mermaid-notice')).toHaveLength(1);
    body.remove();
  });

  it('does nothing for notes without a mermaid block', () => {
    const body = document.createElement('div');
    body.append(sanitizeNoteFragment('<p>x</p><pre class="code-block" data-lang="mermaid"><code>graph TD</code></pre>'));
    drawMermaidBlocks(body.children);
    expect(body.innerHTML).not.toContain('mermaid-added');
  });
});
