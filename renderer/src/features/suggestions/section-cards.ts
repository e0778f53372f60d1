import type { SectionSuggestion } from '@contract';
import { foldText } from './sentence-finder';

const ASIDE_SELECTOR = 'aside.berth-suggestion[data-berth-suggestion]';

/** The heading a section suggestion belongs to: by its anchor id, else by its words. */
export function findHeading(
  body: HTMLElement,
  section: Pick<SectionSuggestion, 'slug' | 'heading'>,
): HTMLElement | null {
  const byId = section.slug
    ? body.querySelector<HTMLElement>(`#${CSS.escape(section.slug)}`)
    : null;
  if (byId && /^H[1-6]$/.test(byId.tagName)) return byId;
  const wanted = foldText(section.heading.replace(/[*_`]/g, ''));
  for (const heading of body.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
    if (foldText(heading.textContent ?? '') === wanted) return heading;
  }
  return null;
}

function keyOf(section: SectionSuggestion): string {
  return `${section.slug}|${section.demos.map((d) => d.id).join(',')}`;
}

function buildAside(section: SectionSuggestion): HTMLElement {
  const aside = document.createElement('aside');
  aside.className = 'berth-suggestion';
  aside.dataset.berthSuggestion = section.slug;
  aside.dataset.key = keyOf(section);
  // Not the student's text: annotations and the claim check read past it.
  aside.setAttribute('data-annotation-ui', '');
  aside.setAttribute(
    'aria-label',
    `Berth suggests ${section.demos.length === 1 ? 'a demo' : 'demos'} for “${section.heading}”`,
  );
  for (const demo of section.demos) {
    const holder = document.createElement('div');
    holder.className = 'berth-demo-card';
    holder.dataset.demoId = demo.id;
    holder.dataset.suggested = 'section';
    holder.dataset.why = demo.why;
    holder.dataset.heading = section.heading;
    holder.dataset.slug = section.slug;
    holder.dataset.line = String(section.line);
    aside.append(holder);
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
    if (heading && !wanted.has(section.slug)) wanted.set(section.slug, { section, heading });
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
  for (const [slug, { section, heading }] of wanted) {
    const next = heading.nextElementSibling;
    if (
      next instanceof HTMLElement &&
      next.matches(ASIDE_SELECTOR) &&
      next.dataset.berthSuggestion === slug
    )
      continue;
    heading.after(buildAside(section));
  }
}

/** Removes every suggestion aside from the note. */
export function clearSectionCards(body: HTMLElement): void {
  body.querySelectorAll(ASIDE_SELECTOR).forEach((aside) => aside.remove());
}
