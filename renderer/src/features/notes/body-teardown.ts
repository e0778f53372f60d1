/** Time for removing nodes before the browser gets back to the page (ms). */
const SLICE_MS = 6;
/** A busy page still gets a slice this often (ms). */
const IDLE_WAIT_MS = 1000;

const holdsContainers = (node: Element) =>
  (node.firstElementChild?.childElementCount ?? 0) > 0 || (node.lastElementChild?.childElementCount ?? 0) > 0;

/**
 * The node to remove next from `root`: its last child, or inside it while that holds containers
 * of elements (a table's wrapper and body, a list of lists), so one removal takes at most about
 * a row's cells.
 */
function nextToRemove(root: Element): ChildNode | null {
  let node = root.lastChild;
  while (node instanceof Element && holdsContainers(node)) node = node.lastChild;
  return node;
}

/** A long note's old body on its way out of the page (see `tearDownInSlices`). */
export interface OldBody {
  start(): void;
  stop(): void;
}

/**
 * Removes a long note's old body from the page a slice at a time (issue 13): taking 400,000
 * cells of a wide table out in one step kept the browser busy for 0.2-0.7 s inside the key press
 * that opened the next note. The element is hidden at once without styling its content again
 * (`content-visibility: hidden`, out of the flow), loses its `note-body` class so nothing finds
 * it as the open note, and is emptied in slices of a few milliseconds between the page's tasks.
 * The slices begin at `start` (once the next note is complete: they would slow it down), in idle
 * time; `onGone` runs once the element is out of the page; `stop` ends the slices (the element is
 * then left to its parent's fate).
 */
export function tearDownInSlices(element: HTMLElement, onGone: () => void = () => undefined): OldBody {
  element.className = 'note-body-leaving';
  element.removeAttribute('data-note-path');
  element.setAttribute('aria-hidden', 'true');
  element.inert = true;
  element.style.cssText = 'content-visibility: hidden; position: absolute; inset: 0 auto auto 0; width: 0; height: 0; overflow: hidden; pointer-events: none';
  let cancel = () => undefined as void;
  let stopped = false;
  // In the page's idle time: the next note's first screen and the rest of its work come first.
  const later = (run: () => void) => {
    if ('requestIdleCallback' in window) {
      const handle = window.requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
      cancel = () => window.cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, 0);
      cancel = () => clearTimeout(handle);
    }
  };
  const slice = () => {
    if (stopped) return;
    const deadline = performance.now() + SLICE_MS;
    do {
      const node = nextToRemove(element);
      if (!node) {
        element.remove();
        onGone();
        return;
      }
      node.remove();
    } while (performance.now() < deadline);
    later(slice);
  };
  let started = false;
  return {
    start: () => {
      if (started || stopped) return;
      started = true;
      later(slice);
    },
    stop: () => {
      stopped = true;
      cancel();
    },
  };
}
