import { useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '@contract';
import { getApi, useQuery } from '../../api';
import { HighlighterIcon } from '../../ui/icons';
import { AnnotationCard } from './annotation-card';
import { applyFilter, downloadText, emptyFilter, isOrphaned, type AnnotationFilter } from './annotation-filters';
import { HIGHLIGHT_COLORS } from './colors';
import { useCurrentNote } from './current-note';
import './annotations.css';

type Scope = 'note' | 'vault';

/**
 * The side panel: the open note's annotations (or the whole vault's) as cards, filtered by
 * colour, tag, note and orphaned; with export to markdown, import, and undo after delete.
 */
export function AnnotationsPanel() {
  const { notePath, placements, focusedId, focusSeq } = useCurrentNote();
  const [scope, setScope] = useState<Scope>('note');
  const [filter, setFilter] = useState<AnnotationFilter>(emptyFilter);
  const [undo, setUndo] = useState<Annotation | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'danger' | 'warn'; text: string; details?: string[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const status = useQuery('annotations.storeStatus', {}, { invalidateOn: ['system.notice', 'annotations.changed'] });
  const [dismissed, setDismissed] = useState<string[]>([]);
  const storeNotices = (status.data?.notices ?? []).filter((n) => !dismissed.includes(n.message));
  const effectiveScope: Scope = notePath ? scope : 'vault';
  const list = useQuery('annotations.list', effectiveScope === 'note' && notePath ? { notePath } : {}, { invalidateOn: ['annotations.changed'] });
  const annotations = useMemo(() => list.data?.annotations ?? [], [list.data]);
  const placementMap = useMemo(() => new Map(placements.map((p) => [p.id, p])), [placements]);
  const tags = useMemo(() => [...new Set(annotations.flatMap((a) => a.tags))].sort(), [annotations]);
  const notes = useMemo(() => [...new Set(annotations.map((a) => a.notePath))].sort(), [annotations]);
  const shown = applyFilter(annotations, effectiveScope === 'vault' ? filter : { ...filter, note: '' }, placementMap);
  const orphanCount = annotations.filter((a) => isOrphaned(a, placementMap)).length;

  useEffect(() => {
    if (!undo) return;
    const timer = window.setTimeout(() => setUndo(null), 10_000);
    return () => window.clearTimeout(timer);
  }, [undo]);

  useEffect(() => {
    if (focusedId && scope === 'vault' && notePath) setScope('note');
    // Focus requests come from the note; show that note's cards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusSeq]);

  const exportMarkdown = async () => {
    try {
      const result = await getApi().call('annotations.exportMarkdown', effectiveScope === 'note' && notePath ? { notePath } : {});
      downloadText(result.fileName, result.markdown);
      setMessage({ tone: 'ok', text: `Exported ${result.count} annotation${result.count === 1 ? '' : 's'} to “${result.fileName}”.` });
    } catch (err) {
      setMessage({ tone: 'danger', text: err instanceof Error ? err.message : String(err) });
    }
  };

  const importFile = async (file: File) => {
    try {
      const report = await getApi().call('annotations.importMarkdown', { markdown: await file.text() });
      const text = `Imported from “${file.name}”: ${report.added} added, ${report.updated} updated, ${report.unchanged} already there.`;
      setMessage({ tone: report.problems.length ? 'warn' : 'ok', text, details: report.problems });
    } catch (err) {
      setMessage({ tone: 'danger', text: err instanceof Error ? err.message : String(err) });
    }
  };

  const restore = async () => {
    if (!undo) return;
    try {
      await getApi().call('annotations.restore', { annotation: undo });
      setUndo(null);
    } catch (err) {
      setMessage({ tone: 'danger', text: err instanceof Error ? err.message : String(err) });
    }
  };

  const toggleColor = (color: AnnotationFilter['colors'][number]) =>
    setFilter((f) => ({ ...f, colors: f.colors.includes(color) ? f.colors.filter((c) => c !== color) : [...f.colors, color] }));

  return (
    <div className="dock-view annotations-panel" aria-label="Annotations">
      <div className="dock-view-header">
        <HighlighterIcon />
        <h2>Annotations</h2>
        <span className="badge">{annotations.length}</span>
        <span className="annotations-header-actions">
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => fileInput.current?.click()} title="Import annotations from a markdown export">
            Import
          </button>
          <button type="button" className="btn btn-sm" onClick={() => void exportMarkdown()} title="Export as Obsidian markdown" disabled={!annotations.length}>
            Export
          </button>
        </span>
        <input
          ref={fileInput}
          type="file"
          accept=".md,.markdown,text/markdown,text/plain"
          className="sr-only"
          aria-label="Import annotations file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
      </div>
      <div className="annotations-controls">
        <div className="segmented" role="tablist" aria-label="Scope">
          <button type="button" role="tab" aria-selected={effectiveScope === 'note'} disabled={!notePath} onClick={() => setScope('note')}>
            This note
          </button>
          <button type="button" role="tab" aria-selected={effectiveScope === 'vault'} onClick={() => setScope('vault')}>
            Vault
          </button>
        </div>
        <div className="color-filter" aria-label="Filter by colour">
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c.id}
              type="button"
              className={`swatch swatch-${c.id}`}
              aria-pressed={filter.colors.includes(c.id)}
              aria-label={`Only ${c.label.toLowerCase()}`}
              title={`Only ${c.label.toLowerCase()}`}
              onClick={() => toggleColor(c.id)}
            />
          ))}
        </div>
      </div>
      <div className="annotations-controls">
        <select className="input input-sm" aria-label="Filter by tag" value={filter.tag} onChange={(e) => setFilter((f) => ({ ...f, tag: e.target.value }))}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              #{t}
            </option>
          ))}
        </select>
        {effectiveScope === 'vault' && (
          <select className="input input-sm" aria-label="Filter by note" value={filter.note} onChange={(e) => setFilter((f) => ({ ...f, note: e.target.value }))}>
            <option value="">All notes</option>
            {notes.map((n) => (
              <option key={n} value={n}>
                {n.replace(/\.md$/i, '')}
              </option>
            ))}
          </select>
        )}
        <label className="check">
          <input type="checkbox" checked={filter.orphanedOnly} onChange={(e) => setFilter((f) => ({ ...f, orphanedOnly: e.target.checked }))} />
          Orphaned{orphanCount ? ` (${orphanCount})` : ''}
        </label>
      </div>
      {storeNotices.map((notice) => (
        <div key={notice.message} className="inline-alert tone-warn" role="alert">
          <div>
            <strong>Some annotations could not be read</strong>
            <div className="small">{notice.message}</div>
          </div>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDismissed((d) => [...d, notice.message])}>
            Dismiss
          </button>
        </div>
      ))}
      {message && (
        <div className={`inline-alert tone-${message.tone}`} role="status">
          <div>
            <strong>{message.text}</strong>
            {message.details?.map((d) => (
              <div key={d} className="muted small">
                {d}
              </div>
            ))}
          </div>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </div>
      )}
      <div className="annotations-list">
        {list.error && !list.data ? (
          <div className="empty-state">
            <strong>Could not load annotations</strong>
            <span>{list.error.message}</span>
          </div>
        ) : shown.length ? (
          shown.map((a) => (
            <AnnotationCard
              key={a.id}
              annotation={a}
              placement={placementMap.get(a.id)}
              showNote={effectiveScope === 'vault'}
              focused={a.id === focusedId}
              onDeleted={setUndo}
              onError={(text) => setMessage({ tone: 'danger', text })}
            />
          ))
        ) : list.data ? (
          <div className="empty-state">
            <strong>{annotations.length ? 'Nothing matches these filters' : effectiveScope === 'note' ? 'No annotations on this note yet' : 'No annotations in this vault yet'}</strong>
            <span>Select text in a note, then pick a colour or “Comment”. Ctrl+Shift+H highlights the selection.</span>
          </div>
        ) : null}
      </div>
      {undo && (
        <div className="annotation-undo" role="status">
          <span>Annotation deleted.</span>
          <button type="button" className="btn btn-sm" onClick={() => void restore()}>
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
