import type { NoteProperty } from '@contract';
import { notesStore } from './notes-store';

/** Frontmatter shown as Obsidian-style properties; tags are clickable chips. */
export function NoteProperties({ properties }: { properties: NoteProperty[] }) {
  if (!properties.length) return null;
  return (
    <dl className="note-properties" aria-label="Properties">
      {properties.map((property) => (
        <div key={property.key} className="note-property">
          <dt>{property.key}</dt>
          <dd>
            {Array.isArray(property.value) ? (
              property.value.map((item) =>
                /^tags?$/i.test(property.key) ? (
                  <button key={item} type="button" className="tag-chip" onClick={() => notesStore.showTag(item.replace(/^#/, ''))}>
                    #{item.replace(/^#/, '')}
                  </button>
                ) : (
                  <span key={item} className="value-chip">
                    {item}
                  </span>
                ),
              )
            ) : (
              <span>{property.value || '—'}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
