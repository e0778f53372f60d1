/** Frames to keep correcting the scroll position while blocks near the target are laid out. */
const SETTLE_FRAMES = 8;

/**
 * Scrolls `scroller` so `target` sits `offset` px
 * below its top, and keeps it there for a few frames: blocks the browser had not laid out yet
 * (`content-visibility: auto`, long tables) take their real height once near the screen and
 * would otherwise push the target out of view.
 */
export function scrollIntoPlace(scroller: HTMLElement, target: Element, offset: number): void {
  const place = () => {
    const delta = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top - offset;
    if (Math.abs(delta) > 1) scroller.scrollTop += delta;
  };
  place();
  let frames = 0;
  const settle = () => {
    if (!target.isConnected || ++frames > SETTLE_FRAMES) return;
    place();
    requestAnimationFrame(settle);
  };
  requestAnimationFrame(settle);
}
