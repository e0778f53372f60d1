import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { getApi } from '../../api';
import { sanitizeNote } from '../../ui/sanitize-note';
import { drawMermaidBlocks } from './mermaid-diagrams';

/** A pending or shown preview: which note, where to show it. */
export interface PreviewRequest {
  path: string;
  anchor?: string;
  rect: { left: number; top: number; bottom: number };
}

/** A floating preview of a linked note (Obsidian's page preview), scrolled to the linked heading. */
export function HoverPreview({ request, onEnter, onLeave }: { request: PreviewRequest; onEnter: () => void; onLeave: () => void }) {
  const [html, setHtml] = useState<string>();
  const [title, setTitle] = useState(request.path);
  const [error, setError] = useState<string>();
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let alive = true;
    getApi()
      .call('vault.readNote', { path: request.path })
      .then(
        (note) => {
          if (!alive) return;
          setTitle(note.name);
          setHtml(sanitizeNote(note.html));
        },
        (err: unknown) => alive && setError(err instanceof Error ? err.message : String(err)),
      );
    return () => {
      alive = false;
    };
  }, [request.path]);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body || html === undefined) return;
    body.innerHTML = html;
    drawMermaidBlocks([body]);
    if (request.anchor) {
      const target = body.querySelector<HTMLElement>(`#${CSS.escape(request.anchor)}`);
      if (target) body.scrollTop = target.offsetTop - 8;
    }
  }, [html, request.anchor]);

  const width = 440;
  const left = Math.max(8, Math.min(request.rect.left, window.innerWidth - width - 12));
  const below = request.rect.bottom + 320 < window.innerHeight;
  const style = below ? { left, top: request.rect.bottom + 6, width } : { left, bottom: window.innerHeight - request.rect.top + 6, width };

  return (
    <div className="hover-preview" role="tooltip" style={style} onMouseEnter={onEnter} onMouseLeave={onLeave} data-preview-path={request.path}>
      <div className="hover-preview-title">{title}</div>
      {error ? <div className="hover-preview-error">{error}</div> : <div ref={bodyRef} className="hover-preview-body note-content" aria-busy={html === undefined} />}
    </div>
  );
}
