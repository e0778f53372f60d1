import { useState } from 'react';
import type { BacklinkEntry } from '@contract';
import { useQuery } from '../../api';
import { ChevronIcon, LinkIcon } from './note-icons';
import { notesStore } from './notes-store';

function EntryList({ entries, empty }: { entries: BacklinkEntry[]; empty: string }) {
  if (!entries.length) return <p className="backlinks-empty">{empty}</p>;
  return (
    <ul className="backlinks-list">
      {entries.map((entry) => (
        <li key={entry.path} className="backlink">
          <button type="button" className="backlink-title" onClick={() => notesStore.open(entry.path)}>
            {entry.name}
            <span className="backlink-folder">{entry.path.includes('/') ? entry.path.slice(0, entry.path.lastIndexOf('/')) : ''}</span>
          </button>
          {entry.contexts.slice(0, 3).map((context) => (
            <p key={context.line} className="backlink-context">
              {context.text}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** Linked and unlinked mentions of the open note, shown under it. */
export function BacklinksPanel({ path }: { path: string }) {
  const backlinks = useQuery('vault.backlinks', { path }, { invalidateOn: ['vault.changed'] });
  const [showUnlinked, setShowUnlinked] = useState(false);
  const linked = backlinks.data?.linked ?? [];
  const unlinked = backlinks.data?.unlinked ?? [];
  return (
    <section className="backlinks" aria-label="Backlinks">
      <h2 className="backlinks-heading">
        <LinkIcon /> Linked mentions <span className="count-badge">{linked.length}</span>
      </h2>
      <EntryList entries={linked} empty="No other note links here yet." />
      <button type="button" className="backlinks-toggle" aria-expanded={showUnlinked} onClick={() => setShowUnlinked(!showUnlinked)}>
        <ChevronIcon className={showUnlinked ? 'chevron is-open' : 'chevron'} /> Unlinked mentions <span className="count-badge">{unlinked.length}</span>
      </button>
      {showUnlinked && <EntryList entries={unlinked} empty="No note mentions this one by name." />}
    </section>
  );
}
