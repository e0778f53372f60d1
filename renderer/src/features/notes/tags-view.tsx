import { useQuery } from '../../api';
import { notesStore, useNotesState } from './notes-store';

/** Every tag with its note count (nested tags indented); picking one lists its notes. */
export function TagsView() {
  const { selectedTag } = useNotesState();
  const all = useQuery('vault.tags', {}, { invalidateOn: ['vault.changed'] });
  const picked = useQuery('vault.tags', selectedTag ? { tag: selectedTag } : null, { invalidateOn: ['vault.changed'] });
  if (all.error) return <p className="sidebar-message tone-danger">{all.error.message}</p>;
  const tags = all.data?.tags ?? [];
  return (
    <div className="tags-view">
      {selectedTag && (
        <section className="tag-notes" aria-label={`Notes tagged ${selectedTag}`}>
          <div className="tag-notes-header">
            <span className="tag-chip is-static">#{selectedTag}</span>
            <button type="button" className="link-button" onClick={() => notesStore.selectTag(undefined)}>
              Clear
            </button>
          </div>
          <ul className="tag-note-list">
            {(picked.data?.notes ?? []).map((path) => (
              <li key={path}>
                <button type="button" className="tree-row is-note" onClick={() => notesStore.open(path)}>
                  <span className="tree-label">{path.split('/').pop()?.replace(/\.md$/i, '')}</span>
                  <span className="tree-hint">{path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!tags.length && all.data && <p className="sidebar-message">No tags in this vault.</p>}
      <ul className="tag-list" aria-label="Tags">
        {tags.map((entry) => {
          const depth = entry.tag.split('/').length - 1;
          return (
            <li key={entry.tag}>
              <button
                type="button"
                className={`tag-row${entry.tag === selectedTag ? ' is-active' : ''}`}
                style={{ paddingLeft: 10 + depth * 14 }}
                onClick={() => notesStore.selectTag(entry.tag)}
              >
                <span className="tag-name">#{depth ? entry.tag.split('/').pop() : entry.tag}</span>
                <span className="count-badge">{entry.count}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
