import { describe, expect, it } from 'vitest';
import { renderComment } from './render-comment';

describe('renderComment', () => {
  it('renders markdown with the notes pipeline and keeps it safe', () => {
    const html = renderComment('Storage/Volumes.md', 'It **stays**: `docker rm` <img src=x onerror=alert(1)> <script>alert(1)</script>');
    expect(html).toContain('<strong>stays</strong>');
    expect(html).toContain('<code>docker rm</code>');
    expect(html).not.toMatch(/onerror|<script/i);
  });

  it('resolves wikilinks through the vault and treats a leading rule as a rule', () => {
    const html = renderComment('A.md', 'See [[Volumes]]', (target) => (target === 'Volumes' ? { path: 'Storage/Volumes.md', kind: 'note' } : null));
    expect(html).toContain('Storage/Volumes');
    expect(renderComment('A.md', '---\ntitle: x\n---\nbody')).toContain('body');
    expect(renderComment('A.md', '   ')).toBe('');
  });
});
