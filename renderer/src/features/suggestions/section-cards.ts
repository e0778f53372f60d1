import type { SectionSuggestion } from '@contract';
import { foldText } from './sentence-finder';

const ASIDE_SELECTOR = '.berth-suggestion[data-berth-suggestion]';

/** A section's key in the rendered note: its anchor id, or its line for bold pseudo-headings. */
export function sectionKey(section: Pick<SectionSuggestion, 'slug' | 'line'>): string {
  return section.slug || `line-${section.line}`;
}

/**
 * The element a section suggestion belongs after: the heading with its anchor id, else a heading
 * with its words, else a paragraph that is only that bold text (`**Bind mount**`, as students write).
 */
export function findHeading(
  body: HTMLElement,
  section: Pick<SectionSuggestion, 'slug' | 'heading'>,
): HTMLElement | null {
  const byId = section.slug ? body.ownerDocument.getElementById(section.slug) : null;
  if (byId && body.contains(byId) && /^H[1-6]$/.test(byId.tagName)) return byId;
  const wanted = foldText(section.heading.replace(/[*_`]/g, '')).replace(/:$/, '');
  const same = (element: Element) =>
    foldText(element.textContent ?? '').replace(/\s*:$/, '') === wanted;
  for (const heading of body.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6'))
    if (same(heading)) return heading;
  for (const paragraph of body.querySelectorAll<HTMLElement>('p')) {
    const only = paragraph.children.length === 1 ? paragraph.firstElementChild : null;
    if (only && /^(STRONG|B)$/.test(only.tagName) && same(paragraph)) return paragraph;
  }
  return null;
}

function keyOf(section: SectionSuggestion): string {
  return `${sectionKey(section)}|${section.demos.map((d) => d.id).join(',')}`;
}

function buildAside(section: SectionSuggestion): HTMLElement {
  const aside = document.createElement('div');
  // A note beside the text, not a landmark: one per suggested heading would crowd a screen reader's list.
  aside.setAttribute('role', 'note');
  aside.className = 'berth-suggestion';
  aside.dataset.berthSuggestion = sectionKey(section);
  aside.dataset.key = keyOf(section);
  // Not the student's text: annotations and the claim check read past it.
  aside.setAttribute('data-annotation-ui', '');
  aside.setAttribute(
    'aria-label',
    `Berth suggests ${section.demos.length === 1 ? 'a demo' : 'demos'} for “${section.heading}”`,
  );
  const holders = section.demos.map((demo) => {
    const holder = document.createElement('div');
    holder.className = 'berth-demo-card';
    holder.dataset.demoId = demo.id;
    holder.dataset.suggested = 'section';
    holder.dataset.why = demo.why;
    holder.dataset.heading = section.heading;
    holder.dataset.slug = section.slug;
    holder.dataset.section = sectionKey(section);
    holder.dataset.line = String(section.line);
    return holder;
  });
  const [best, ...others] = holders;
  if (best) aside.append(best);
  if (others.length) {
    // The best fit shows; the others wait behind one quiet line, so a section never fills up with cards.
    const more = document.createElement('details');
    more.className = 'berth-suggestion-more';
    const summary = document.createElement('summary');
    summary.textContent = `${others.length} more ${others.length === 1 ? 'demo fits' : 'demos fit'} this section`;
    more.append(summary, ...others);
    aside.append(more);
  }
  return aside;
}

/**
 * Puts one "Prove it" aside right after each suggested heading of the rendered note (never into
 * the file): a `berth-demo-card` placeholder per demo, which the demos feature turns into a
 * compact Run card. Idempotent: asides already in place stay (with their live runs); stale ones go.
 */
export function placeSectionCards(body: HTMLElement, sections: SectionSuggestion[]): void {
  const wanted = new Map<string, { section: SectionSuggestion; heading: HTMLElement }>();
  for (const section of sections) {
    if (!section.demos.length) continue;
    const heading = findHeading(body, section);
    if (heading && !wanted.has(sectionKey(section)))
      wanted.set(sectionKey(section), { section, heading });
  }
  for (const aside of body.querySelectorAll<HTMLElement>(ASIDE_SELECTOR)) {
    const entry = wanted.get(aside.dataset.berthSuggestion ?? '');
    if (
      !entry ||
      aside.dataset.key !== keyOf(entry.section) ||
      aside.previousElementSibling !== entry.heading
    )
      aside.remove();
  }
  for (const [key, { section, heading }] of wanted) {
    const next = heading.nextElementSibling;
    if (
      next instanceof HTMLElement &&
      next.matches(ASIDE_SELECTOR) &&
      next.dataset.berthSuggestion === key
    )
      continue;
    heading.after(buildAside(section));
  }
}

/** Removes every suggestion aside from the note. */
export function clearSectionCards(body: HTMLElement): void {
  body.querySelectorAll(ASIDE_SELECTOR).forEach((aside) => aside.remove());
}
