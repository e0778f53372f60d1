import { useEffect, useRef, useState } from 'react';
import type { VaultSearchHit } from '@contract';
import { getApi, useEvent } from '../../api';
import { notesStore, useNotesState } from './notes-store';

/** Full-text search over the vault (Ctrl+Shift+F), ranked, with highlighted snippets. */
export function SearchView() {
  const { searchFocus } = useNotesState();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<VaultSearchHit[]>([]);
  const [tookMs, setTookMs] = useState<number>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  // The query the hits on screen answer: while the typed one waits for its answer (a short
  // debounce, then the call), the list says it is out of date instead of passing for the answer.
  const [answered, setAnswered] = useState('');

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [searchFocus]);
  useEvent('vault.changed', () => setVersion((v) => v + 1));

  useEffect(() => {
    if (!query.trim()) {
      setHits([]);
      setTookMs(undefined);
      return;
    }
    let alive = true;
    const timer = window.setTimeout(() => {
      getApi()
        .call('vault.search', { query, limit: 60 })
        .then(
          (result) => {
            if (!alive) return;
            setHits(result.hits);
            setTookMs(result.tookMs);
            setError(undefined);
            setAnswered(query);
          },
          (err: unknown) => {
            if (!alive) return;
            setError(err instanceof Error ? err.message : String(err));
            setAnswered(query);
          },
        );
    }, 120);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [query, version]);

  const stale = Boolean(query.trim()) && answered !== query;

  // Down from the box goes to the first result, Up and Down move between results, Up from the first goes back.
  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const results = [...event.currentTarget.querySelectorAll<HTMLElement>('.search-hit')];
    const at = results.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? results[at + 1] : at <= 0 ? inputRef.current : results[at - 1];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  return (
    <div className="search-view" onKeyDown={onKeyDown}>
      <div className="sidebar-search">
        <input
          ref={inputRef}
          type="search"
          className="notes-text-input"
          placeholder='Search: words, "a phrase", tag:#docker'
          aria-label="Search notes"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {error && <p className="sidebar-message tone-danger">{error}</p>}
      {query.trim() && tookMs !== undefined && (
        <p className="sidebar-caption">
          {hits.length === 0 ? 'No matches' : `${hits.length}${hits.length >= 60 ? '+' : ''} ${hits.length === 1 ? 'note' : 'notes'}`} · {tookMs} ms
        </p>
      )}
      <ul className={`search-results${stale ? ' is-stale' : ''}`} aria-label="Search results" aria-busy={stale}>
        {hits.map((hit) => (
          <li key={hit.path}>
            <button type="button" className="search-hit" onClick={() => notesStore.open(hit.path, undefined, hit.snippet.find((part) => part.match)?.text)} data-path={hit.path}>
              <span className="search-hit-title">{hit.name}</span>
              <span className="search-hit-path">{hit.path}</span>
              <span className="search-hit-snippet">
                {hit.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
