import { unresolvedLinkTitle } from '@contract/link-tooltips';

/** Gives the link to a missing note at `target` (or around it) its tooltip, when it has none yet. */
export function giveLinkTooltip(target: EventTarget | null): void {
  const link = target instanceof Element ? target.closest<HTMLElement>('a.is-unresolved[data-unresolved-target]') : null;
  if (!link || link.hasAttribute('title')) return;
  link.title = unresolvedLinkTitle(link.dataset.unresolvedTarget ?? '');
}

/**
 * Links to missing notes get their tooltip (“X” does not exist yet…) when the pointer or the
 * focus reaches them, anywhere in `root` (note bodies and hover previews): the main process no
 * longer writes one `title` per link into the note's HTML. Returns the disposer.
 */
export function supplyLinkTooltips(root: Document | HTMLElement): () => void {
  const give = (event: Event) => giveLinkTooltip(event.target);
  root.addEventListener('pointerover', give, { passive: true });
  root.addEventListener('focusin', give);
  return () => {
    root.removeEventListener('pointerover', give);
    root.removeEventListener('focusin', give);
  };
}
