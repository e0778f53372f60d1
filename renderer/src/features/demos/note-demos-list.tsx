import { useMemo } from 'react';
import type { DemoSummary } from '@contract';
import { useQuery } from '../../api';
import { useOpenNote } from '../../ui/open-note';
import './note-demos-list.css';

/** A demo that belongs to the open note: written in it, or suggested beside it by Berth. */
export interface NoteDemo {
  demoId: string;
  heading: string;
  /** The heading's anchor id in the rendered note ('' above the first heading). */
  slug: string;
  /** Suggested demos: the section's key on the inserted card (`data-section`: slug, or `line-N`). */
  section?: string;
  source: 'note' | 'suggested';
}

/** The note's own `berth-demo` blocks, each with the heading above it, read from its rendered HTML. */
export function ownDemoBlocks(html: string): NoteDemo[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found: NoteDemo[] = [];
  let heading = { text: '', id: '' };
  for (const element of doc.querySelectorAll<HTMLElement>(
    'h1, h2, h3, h4, h5, h6, .berth-demo-card[data-demo-id]',
  )) {
    if (/^H[1-6]$/.test(element.tagName))
      heading = { text: (element.textContent ?? '').trim(), id: element.id };
    else
      found.push({
        demoId: element.dataset.demoId ?? '',
        heading: heading.text,
        slug: heading.id,
        source: 'note',
      });
  }
  return found;
}

/** Scrolls the reader to a demo of the note (its card, else its heading) and flashes it. */
function jumpTo(item: NoteDemo): void {
  const body = document.querySelector<HTMLElement>('.note-body[data-note-path]');
  if (!body) return;
  const id = CSS.escape(item.demoId);
  const card =
    item.source === 'suggested'
      ? body.querySelector<HTMLElement>(
          `.berth-demo-card[data-suggested="section"][data-demo-id="${id}"][data-section="${CSS.escape(item.section ?? '')}"]`,
        )
      : body.querySelector<HTMLElement>(
          `.berth-demo-card[data-demo-id="${id}"]:not([data-suggested])`,
        );
  const heading = item.slug ? body.querySelector<HTMLElement>(`#${CSS.escape(item.slug)}`) : null;
  card?.closest('details')?.setAttribute('open', '');
  const target = heading ?? card?.closest<HTMLElement>('.berth-suggestion') ?? card;
  if (!target) return;
  target.scrollIntoView({ block: 'start', behavior: 'smooth' });
  target.classList.remove('is-flashing');
  void target.offsetWidth;
  target.classList.add('is-flashing');
  card?.querySelector<HTMLElement>('button.btn-primary')?.focus({ preventScroll: true });
}

/**
 * "For this note" at the top of the Demos pane: the open note's own demo blocks and the demos
 * Berth suggests beside it, each jumping to its heading.
 */
export function NoteDemosList({ demos }: { demos: DemoSummary[] }) {
  const open = useOpenNote();
  const path = open?.notePath ?? '';
  const note = useQuery(
    'vault.readNote',
    path ? { path } : null,
    { invalidateOn: ['vault.changed'] },
  );
  const suggestions = useQuery(
    'suggestions.forNote',
    path ? { path } : null,
    { invalidateOn: ['vault.changed', 'suggestions.changed'] },
  );
  const items = useMemo<NoteDemo[]>(() => {
    if (!path) return [];
    const own = note.data?.path === path ? ownDemoBlocks(note.data.html) : [];
    const suggested = suggestions.data?.enabled
      ? suggestions.data.sections.flatMap((s) =>
          s.demos.map((d) => ({
            demoId: d.id,
            heading: s.heading,
            slug: s.slug,
            section: s.slug || `line-${s.line}`,
            source: 'suggested' as const,
          })),
        )
      : [];
    return [...own, ...suggested.filter((s) => !own.some((o) => o.demoId === s.demoId))];
  }, [path, note.data, suggestions.data]);
  if (!path) return null;
  const titleOf = (id: string) => demos.find((d) => d.id === id)?.title ?? id;
  const noteName = path.split('/').pop()?.replace(/\.md$/i, '') ?? path;

  return (
    <section className="note-demos" aria-label="Demos for this note">
      <h3 className="demo-group-title">
        For “{noteName}” <span className="demo-group-count">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="note-demos-empty muted">
          {suggestions.data && !suggestions.data.enabled
            ? 'No demo is written in this note. Suggestions are turned off (Settings → Demos).'
            : 'No demo is written in this note or fits its headings yet.'}
        </p>
      ) : (
        <ul className="demo-list note-demo-list">
          {items.map((item) => (
            <li key={`${item.source}-${item.slug}-${item.demoId}`}>
              <button
                type="button"
                className="note-demo-row"
                data-note-demo={item.demoId}
                data-source={item.source}
                onClick={() => jumpTo(item)}
              >
                <span className="demo-row-text">
                  <span className="demo-row-title">{titleOf(item.demoId)}</span>
                  <span className="demo-row-summary">
                    {item.heading ? `under “${item.heading}”` : 'at the top of the note'}
                  </span>
                </span>
                <span className={`badge note-demo-badge is-${item.source}`}>
                  {item.source === 'note' ? 'in note' : 'suggested'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
