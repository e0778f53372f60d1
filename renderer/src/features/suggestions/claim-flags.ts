import type { ClaimFlag } from '@contract';
import { findSentence } from './sentence-finder';

const FLAG_SELECTOR = 'button.berth-flag[data-flag-key]';
const HIGHLIGHT_NAME = 'berth-claim';

/** A flag's stable key within one note. */
export function flagKey(flag: Pick<ClaimFlag, 'line' | 'demo'>): string {
  return `${flag.line}:${flag.demo}`;
}

const WARN_ICON =
  '<svg viewBox="0 0 24 24" width="13" height="13" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M12 3 2.5 20h19L12 3z"/><path d="M12 10v4.5M12 17.5h.01"/></svg>';

function buildMarker(flag: ClaimFlag): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'berth-flag';
  button.dataset.flagKey = flagKey(flag);
  button.setAttribute('data-annotation-ui', '');
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', `Berth’s demos show otherwise: ${flag.demoTitle}`);
  button.title = 'Berth’s demos show otherwise — click for the correction';
  button.innerHTML = WARN_ICON;
  return button;
}

/** Where the flags' sentences are, for the dotted underline. */
const ranges = new Map<string, Range>();

function paintUnderlines(): void {
  // The CSS Custom Highlight API underlines without touching the note's DOM.
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined')
    return;
  const live = [...ranges.values()].filter((r) => r.startContainer.isConnected);
  if (live.length) CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...live));
  else CSS.highlights.delete(HIGHLIGHT_NAME);
}

/**
 * Marks each flagged sentence of the rendered note: a small amber button right after it (opens
 * the correction) and a dotted underline. Sentences the note no longer contains get no marker.
 * Idempotent: markers already in place stay.
 */
export function placeClaimFlags(body: HTMLElement, flags: ClaimFlag[]): void {
  const wanted = new Map(flags.map((flag) => [flagKey(flag), flag]));
  const placed = new Set<string>();
  for (const marker of body.querySelectorAll<HTMLElement>(FLAG_SELECTOR)) {
    const key = marker.dataset.flagKey ?? '';
    if (wanted.has(key) && !placed.has(key)) placed.add(key);
    else marker.remove();
  }
  for (const key of [...ranges.keys()]) if (!wanted.has(key)) ranges.delete(key);
  for (const [key, flag] of wanted) {
    if (placed.has(key)) continue;
    const range = findSentence(body, flag.text);
    if (!range) {
      ranges.delete(key);
      continue;
    }
    const end = range.cloneRange();
    end.collapse(false);
    end.insertNode(buildMarker(flag));
    ranges.set(key, range);
  }
  paintUnderlines();
}

/** Removes the markers and underlines. */
export function clearClaimFlags(body: HTMLElement): void {
  body.querySelectorAll(FLAG_SELECTOR).forEach((marker) => marker.remove());
  ranges.clear();
  paintUnderlines();
}
