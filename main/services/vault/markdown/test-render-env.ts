import { IdAllocator } from '../heading-key';
import type { RenderEnv } from './render-env';

/**
 * A render environment for tests: every link target resolves to `<target>.md` except those
 * starting with "Missing"; attachments and embeds get fixed stand-ins.
 */
export function testRenderEnv(sourcePath = 'Big.md'): RenderEnv {
  return {
    sourcePath,
    embedded: false,
    ids: new IdAllocator(),
    headings: [],
    flags: { hasRawHtml: false },
    resolveLink: (parts) => (parts.target.startsWith('Missing') ? { kind: 'missing' } : { kind: 'note', path: `${parts.target}.md` }),
    noteHref: (path, anchor) => `#${anchor ?? path}`,
    attachmentUrl: (path) => `/vault-file/${path}`,
    renderNoteEmbed: () => '<div class="embed-note"></div>',
  };
}
