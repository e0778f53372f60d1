import { useEffect, useRef, useState } from 'react';
import { getApi, useEvent } from '../../api';
import { sanitizeNote } from '../../ui/sanitize-note';

/** Cards asked for in one call, and how long the view must rest before asking (panning asks once). */
const BATCH = 100;
const SETTLE_MS = 60;

/**
 * The rendered HTML of the cards in `wanted` (text cards, notes on file cards), asked from the main
 * process a batch at a time as they come on screen and sanitized again here, as the reader does with
 * notes. Kept for the canvas until its file or any note of the vault changes.
 */
export function useCardHtml(path: string, version: number, wanted: readonly string[]): ReadonlyMap<string, string> {
  const cache = useRef(new Map<string, string>());
  const asked = useRef(new Set<string>());
  const generation = useRef(0);
  const [, setTick] = useState(0);
  const key = `${path}\u0000${version}`;
  const lastKey = useRef(key);

  const reset = () => {
    cache.current = new Map();
    asked.current = new Set();
    generation.current++;
    setTick((t) => t + 1);
  };
  if (lastKey.current !== key) {
    lastKey.current = key;
    cache.current = new Map();
    asked.current = new Set();
    generation.current++;
  }
  // A note a card shows, or one its links point to, may have changed.
  useEvent('vault.changed', reset);

  const wantedKey = wanted.join('\u0000');
  useEffect(() => {
    const missing = wanted.filter((id) => !asked.current.has(id));
    if (!missing.length) return;
    const timer = window.setTimeout(() => {
      const mine = generation.current;
      for (let i = 0; i < missing.length; i += BATCH) {
        const ids = missing.slice(i, i + BATCH).filter((id) => !asked.current.has(id));
        if (!ids.length) continue;
        ids.forEach((id) => asked.current.add(id));
        getApi()
          .call('canvas.renderCards', { path, ids })
          .then(
            (result) => {
              if (generation.current !== mine) return;
              for (const card of result.cards) cache.current.set(card.id, sanitizeNote(card.html));
              setTick((t) => t + 1);
            },
            () => {
              // Left without HTML: the card keeps showing its plain text; asked again after a change.
              if (generation.current === mine) ids.forEach((id) => asked.current.delete(id));
            },
          );
      }
    }, SETTLE_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `wantedKey` stands for `wanted`
  }, [path, wantedKey, key]);

  return cache.current;
}
