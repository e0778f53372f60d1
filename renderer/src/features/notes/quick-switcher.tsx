import { useEffect, useRef, useState } from 'react';
import type { VaultSwitchHit } from '@contract';
import { getApi } from '../../api';
import { FileTextIcon } from './note-icons';
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

/** Ctrl/Cmd+O: fuzzy find a note by name or alias and open it. */
export function QuickSwitcher() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<VaultSwitchHit[]>([]);
  const [selected, setSelected] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => {
    let alive = true;
    void getApi()
      .call('vault.quickSwitch', { query, limit: 30 })
      .then((result) => {
        if (!alive) return;
        setHits(result.hits);
        setSelected(0);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [query]);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const close = () => notesStore.setSwitcher(false);
  const choose = (hit: VaultSwitchHit | undefined) => {
    if (!hit) return;
    close();
    notesStore.open(hit.path);
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
      choose(hits[selected]);
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
              <FileTextIcon />
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
