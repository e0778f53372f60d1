import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NotePageView } from '@contract';
import { getApi, useQuery } from '../../api';
import { fileViewFor, type FileViewHost } from '../../ui/file-views';
import { markFirstNoteShown } from '../../ui/first-note';
import { BacklinksPanel } from './backlinks-panel';
import { activateNoteLink, openAttachment } from './link-actions';
import { NoteBody } from './note-body';
import { ArrowLeftIcon, ArrowRightIcon, CommandIcon, DownloadIcon } from './note-icons';
import { NoteProperties } from './note-properties';
import { notesStore, useNotesState } from './notes-store';

function downloadFile(fileName: string, html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports the open note as standalone HTML (downloads the file). */
export async function exportCurrentNote(path: string): Promise<string | undefined> {
  try {
    const exported = await getApi().call('vault.exportHtml', { path });
    downloadFile(exported.fileName, exported.html);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The centre of the window: the open note with its toolbar, properties, body and backlinks. */
export function NoteReader() {
  const { current, back, forward } = useNotesState();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [actionError, setActionError] = useState<string>();
  const path = current?.path ?? '';
  // A file that is not a note but has a view of its own (a canvas) shows here, with the same history.
  const fileView = fileViewFor(path);
  const note = useQuery('vault.readNote', { path }, { invalidateOn: ['vault.changed'], enabled: Boolean(current) && !fileView });
  const shown = note.data && note.data.path === path ? note.data : undefined;
  // A long note streams in after its first screen; its whole outline and problems come with the last page.
  const [complete, setComplete] = useState<{ stream: string; page: NotePageView }>();
  const whole = complete && complete.stream === shown?.rest?.stream ? complete.page : undefined;
  const headings = whole?.headings ?? shown?.headings;
  const problems = [...new Set([...(shown?.problems ?? []), ...(whole?.problems ?? [])])];
  const onComplete = useCallback((page: NotePageView) => setComplete({ stream: shown?.rest?.stream ?? '', page }), [shown?.rest?.stream]);

  useEffect(() => {
    notesStore.setOutline(headings ?? []);
  }, [headings]);
  useEffect(() => {
    if (shown || fileView) markFirstNoteShown();
  }, [shown, fileView]);
  useEffect(() => {
    setActionError(undefined);
    if (path) void getApi().call('vault.rememberNote', { path }).catch(() => undefined);
  }, [path]);
  const onError = useCallback((message: string) => setActionError(message), []);
  const host = useMemo<FileViewHost>(() => {
    const report = (outcome: { ok: boolean; message?: string } | undefined) => outcome && !outcome.ok && setActionError(outcome.message);
    return {
      path,
      followLink: (link) => void activateNoteLink(link, path).then(report),
      openFile: (file) => (/\.md$/i.test(file) || fileViewFor(file) ? notesStore.open(file) : void openAttachment(file).then(report)),
    };
  }, [path]);

  if (!current) {
    return (
      <div className="note-empty">
        <p>No note is open.</p>
        <p className="small">
          Pick one in the file tree, or press <kbd>Ctrl</kbd>+<kbd>O</kbd> to find one by name.
        </p>
      </div>
    );
  }
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')).split('/') : [];
  const name = path.split('/').pop()?.replace(fileView ? /\.[^.]+$/ : /\.md$/i, '') ?? path;

  return (
    <div className="note-reader">
      <div className="note-toolbar">
        <button type="button" className="icon-button" aria-label="Back" title="Back (Alt+←)" disabled={!back.length} onClick={() => notesStore.goBack()}>
          <ArrowLeftIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Forward" title="Forward (Alt+→)" disabled={!forward.length} onClick={() => notesStore.goForward()}>
          <ArrowRightIcon />
        </button>
        <nav className="note-breadcrumb" aria-label="Note location">
          {folder.map((part, i) => (
            <span key={`${part}-${i}`} className="note-crumb">
              {part}
            </span>
          ))}
          <span className="note-crumb is-current">{name}</span>
        </nav>
        <div className="toolbar-spacer" />
        <button type="button" className="toolbar-button" title="Quick switcher (Ctrl+O)" onClick={() => notesStore.setSwitcher(true)}>
          <CommandIcon /> <span>Switch</span>
        </button>
        {!fileView && (
          <button type="button" className="toolbar-button" title="Export note as HTML" onClick={() => void exportCurrentNote(path).then(setActionError)}>
            <DownloadIcon /> <span>Export</span>
          </button>
        )}
      </div>
      {fileView && actionError && (
        <div className="note-alert tone-danger" role="alert">
          {actionError}
        </div>
      )}
      {fileView && <div className="file-view-host">{fileView.render(host)}</div>}
      {/* The scrolling text takes focus (Go → Focus Note) so PageDown and the arrow keys scroll it. */}
      {!fileView && <div ref={scrollRef} className="note-scroll" data-testid="note-scroll" tabIndex={0} data-pane-focus role="region" aria-label={`Note: ${name}`}>
        <article className="note-page">
          {actionError && (
            <div className="note-alert tone-danger" role="alert">
              {actionError}
            </div>
          )}
          {note.error && !shown && (
            <div className="note-alert tone-danger" role="alert">
              {note.error.message}
            </div>
          )}
          {problems.map((problem) => (
            <div key={problem} className="note-alert tone-warn" role="status">
              {problem}
            </div>
          ))}
          <h1 className="note-title">{name}</h1>
          {shown && <NoteProperties properties={shown.properties} />}
          {/* Mounted while the next note is read too: the last one's body leaves in its own time. */}
          <NoteBody path={path} html={shown?.html ?? ''} pending={!shown} title={name} mtimeMs={shown?.mtimeMs ?? 0} find={current.find} anchor={current.anchor} anchorSeq={current.seq} scrollContainer={scrollRef} onError={onError} rest={shown?.rest} onComplete={onComplete} />
          {!shown && !note.error && <div className="note-loading" aria-busy="true" />}
          {shown && <BacklinksPanel path={path} />}
        </article>
      </div>}
    </div>
  );
}
