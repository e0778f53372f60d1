import { useEffect, useRef, useState } from 'react';
import type { VaultSwitchHit } from '@contract';
import { getApi, useEvent } from '../../api';
import { fileViewFor } from '../../ui/file-views';
import { CanvasIcon, FileTextIcon } from './note-icons';
import { notesStore } from './notes-store';

function Highlighted({ text, matches }: { text: string; matches: number[] }) {
  if (!matches.length) return <>{text}</>;
  const set = new Set(matches);
  return (
    <>
      {[...text].map((char, i) => (set.has(i) ? <mark key={i}>{char}</mark> : <span key={i}>{char}</span>))}
    </>
  );
}

/** Focuses the note reader's scrolling text once it is on the page (the first note mounts it). */
function focusNoteText(framesLeft = 10): void {
  requestAnimationFrame(() => {
    const text = document.querySelector<HTMLElement>('.note-reader .note-scroll');
    if (text) text.focus({ preventScroll: true });
    else if (framesLeft > 0) focusNoteText(framesLeft - 1);
  });
}

/** Ctrl/Cmd+O: fuzzy find a note by name or alias and open it. */
export function QuickSwitcher() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<VaultSwitchHit[]>([]);
  // The newest answer, set as it arrives (before React renders it): Enter pressed before the
  // answer to what is typed waits for that answer instead of opening an earlier query's hit.
  const answered = useRef<{ query: string; hits: VaultSwitchHit[] } | null>(null);
  const enterPending = useRef(false);
  // Asked again when the vault changes: opened while a big vault is still being indexed, the
  // first answer may not know the note yet.
  const [version, setVersion] = useState(0);
  useEvent('vault.changed', () => setVersion((v) => v + 1));
  const [selected, setSelected] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    inputRef.current?.focus();
  }, []);
  useEffect(() => {
    let alive = true;
    void getApi()
      .call('vault.quickSwitch', { query, limit: 30 })
      .then((result) => {
        if (!alive) return;
        answered.current = { query, hits: result.hits };
        setHits(result.hits);
        setSelected(0);
        if (enterPending.current && query === inputRef.current?.value) {
          enterPending.current = false;
          choose(result.hits[0]);
        }
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [query, version]);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  // Closed without a choice, focus goes back where it was; with one, into the note's text, so
  // PageDown and the arrow keys scroll the note just opened (as in Obsidian).
  const close = () => {
    notesStore.setSwitcher(false);
    const back = returnFocus.current;
    if (back?.isConnected && back !== document.body) back.focus({ preventScroll: true });
  };
  const choose = (hit: VaultSwitchHit | undefined) => {
    if (!hit) return;
    notesStore.setSwitcher(false);
    notesStore.open(hit.path);
    focusNoteText();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setSelected((s) => Math.min(s + 1, hits.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setSelected((s) => Math.max(s - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const answer = answered.current;
      if (answer?.query !== (inputRef.current?.value ?? query)) enterPending.current = true;
      else choose(answer.hits === hits ? hits[selected] : answer.hits[0]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="notes-modal-backdrop" onMouseDown={close}>
      <div className="quick-switcher" role="dialog" aria-modal="true" aria-label="Quick switcher" onMouseDown={(e) => e.stopPropagation()}>
        <input
          ref={inputRef}
          className="quick-switcher-input"
          placeholder="Find a note by name or alias…"
          aria-label="Note name"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <ul ref={listRef} className="quick-switcher-results" role="listbox" aria-label="Matching notes">
          {hits.map((hit, i) => (
            <li key={hit.path} role="option" aria-selected={i === selected} className="quick-switcher-hit" onMouseEnter={() => setSelected(i)} onClick={() => choose(hit)}>
              {fileViewFor(hit.path) ? <CanvasIcon /> : <FileTextIcon />}
              <span className="qs-name">
                <span className="qs-title">{hit.alias ? hit.name : <Highlighted text={hit.name} matches={hit.matches} />}</span>
                {hit.alias && (
                  <span className="qs-alias">
                    ↳ <Highlighted text={hit.alias} matches={hit.matches} />
                  </span>
                )}
              </span>
              <span className="qs-folder">{hit.folder}</span>
            </li>
          ))}
          {!hits.length && <li className="quick-switcher-empty">No note matches “{query}”.</li>}
        </ul>
        <div className="quick-switcher-footer">
          <span><kbd>↑</kbd><kbd>↓</kbd> to move</span>
          <span><kbd>Enter</kbd> to open</span>
          <span><kbd>Esc</kbd> to close</span>
        </div>
      </div>
    </div>
  );
}
