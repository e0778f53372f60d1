import { describe, expect, it } from 'vitest';
import { LinkResolver } from '../link-resolver';
import { renderNote } from '../render-note';

const render = (source: string) =>
  renderNote('Note.md', source, { resolver: new LinkResolver(), scanOf: () => undefined, sourceOf: () => null }).html;

describe('diagram fences', () => {
  it('marks a mermaid fence with data-diagram and keeps its code escaped, unhighlighted', () => {
    const html = render('```mermaid\nflowchart LR\n  client --> nginx["nginx <80>"]\n```');
    expect(html).toContain(
      '<pre class="code-block" data-lang="mermaid" data-diagram="mermaid"><code class="hljs language-mermaid">flowchart LR\n  client --&gt; nginx[&quot;nginx &lt;80&gt;&quot;]\n</code></pre>',
    );
  });

  it('recognises the language in any case and with words after it', () => {
    expect(render('```Mermaid title\ngraph TD\nA-->B\n```')).toContain('data-diagram="mermaid"');
  });

  it('leaves every other fence as it was', () => {
    const html = render('```yaml\nservices: {}\n```\n\n```\nplain\n```\n\n```mermaidx\nA\n```');
    expect(html).not.toContain('data-diagram');
    expect(html).toContain('<pre class="code-block" data-lang="yaml"><code class="hljs language-yaml">');
    expect(html).toContain('<pre class="code-block"><code class="hljs">plain');
  });

  it('keeps hostile mermaid text inert: it is only ever code in the HTML', () => {
    const html = render('```mermaid\nflowchart LR\n  A["<img src=x onerror=alert(1)>"] --> B\n  click A "javascript:alert(1)"\n```');
    expect(html).not.toMatch(/<img|onerror=alert\(1\)>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
