import fs from 'node:fs';
import path from 'node:path';
import { escapeHtml } from './markdown/html-escape';
import { mimeTypeOf } from './mime-types';
import { DOM_SANITIZE_LIMIT, renderNote, type NoteLookup, type RenderUrls } from './render-note';
import { sanitizeNoteHtml } from './sanitize-html';
import { EXPORT_CSS } from './export-styles';
import { encodeVaultPath, extensionOf, IMAGE_EXTENSIONS, noteNameOf } from './vault-paths';

/** Images up to this size are embedded as data URIs; larger ones are linked relatively. */
const EMBED_LIMIT = 5_000_000;

function relativeHref(fromNote: string, target: string): string {
  const fromDir = path.posix.dirname(fromNote);
  const relative = path.posix.relative(fromDir === '.' ? '' : fromDir, target);
  return encodeVaultPath(relative || path.posix.basename(target));
}

/** URLs for a standalone file: notes as relative `.html` links, images embedded as data URIs. */
export function exportUrls(root: string, notePath: string): RenderUrls {
  return {
    linkTooltips: true,
    noteHref: (target, anchor) => {
      const fragment = anchor ? `#${anchor}` : '';
      if (target === notePath) return fragment || '#';
      return `${relativeHref(notePath, target.replace(/\.md$/i, '.html'))}${fragment}`;
    },
    attachmentUrl: (target) => {
      if (IMAGE_EXTENSIONS.has(extensionOf(target))) {
        try {
          const absolute = path.join(root, target);
          const real = fs.realpathSync(absolute);
          if (real.startsWith(fs.realpathSync(root) + path.sep) && fs.statSync(real).size <= EMBED_LIMIT) {
            return `data:${mimeTypeOf(target).split(';')[0]};base64,${fs.readFileSync(real).toString('base64')}`;
          }
        } catch {
          // Fall back to a relative link; the reader of the file sees a broken image, not an error.
        }
      }
      return relativeHref(notePath, target);
    },
  };
}

function propertiesHtml(properties: Record<string, unknown>): string {
  const entries = Object.entries(properties);
  if (!entries.length) return '';
  const rows = entries
    .map(([key, value]) => {
      const shown = Array.isArray(value) ? value.map(String).join(', ') : value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
      return `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(shown)}</dd>`;
    })
    .join('');
  return `<dl class="properties">${rows}</dl>`;
}

/**
 * A note as one standalone HTML document: same rendering pipeline as the reader, always
 * sanitized, styles inlined, no scripts, and a CSP that forbids any network access.
 */
export function exportNoteHtml(index: { root: string }, notePath: string, source: string, lookup: NoteLookup): string {
  const rendered = renderNote(notePath, source, lookup, exportUrls(index.root, notePath));
  const title = noteNameOf(notePath);
  const problems = rendered.problems.map((problem) => `<p class="note-problem">${escapeHtml(problem)}</p>`).join('');
  // Same rule as the reader: ordinary notes get the full DOMPurify pass; huge ones rely on the
  // pipeline's tag-by-tag filter (a DOM of megabytes takes minutes and gigabytes), and notes over
  // the render limits are escaped plain text.
  const whole = `${problems}${propertiesHtml(rendered.properties)}${rendered.html}`;
  const body = !rendered.plainText && rendered.html.length <= DOM_SANITIZE_LIMIT ? sanitizeNoteHtml(whole) : whole;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Berth">
<title>${escapeHtml(title)}</title>
<style>${EXPORT_CSS}</style>
</head>
<body>
<main class="note-body">
<h1 class="note-title">${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}
