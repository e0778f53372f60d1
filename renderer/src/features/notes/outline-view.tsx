import { notesStore, useNotesState } from './notes-store';

/** Headings of the open note; clicking one scrolls the reader to it. */
export function OutlineView() {
  const { outline, current } = useNotesState();
  if (!current) return <p className="sidebar-message">Open a note to see its outline.</p>;
  if (!outline.length) return <p className="sidebar-message">This note has no headings.</p>;
  const minLevel = Math.min(...outline.map((h) => h.level));
  return (
    <ul className="outline" aria-label="Outline">
      {outline.map((heading) => (
        <li key={heading.id}>
          <button
            type="button"
            className="outline-row"
            style={{ paddingLeft: 10 + (heading.level - minLevel) * 14 }}
            onClick={() => notesStore.open(current.path, heading.id)}
          >
            {heading.text}
          </button>
        </li>
      ))}
    </ul>
  );
}
