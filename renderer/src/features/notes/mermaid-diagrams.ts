import { mermaidSizeProblem } from './mermaid-limits';
import type { MermaidDrawing } from './mermaid-render';

/** The code blocks the main process marked as mermaid diagrams (`diagram-fence.ts`). */
const MERMAID_BLOCK = 'pre[data-diagram="mermaid"]';
/** What the reader adds before a block: the picture, or a notice above the code. */
const ADDED = 'mermaid-added';
const CACHE_LIMIT = 64;

type Outcome = { drawing: MermaidDrawing } | { notice: string };

/** Drawings and errors by theme and code: a note re-read after an edit on disk draws at once. */
const cache = new Map<string, Outcome>();
let watchingTheme = false;

function isDark(): boolean {
  const set = document.documentElement.dataset.theme;
  return set ? set === 'dark' : Boolean(window.matchMedia?.('(prefers-color-scheme: dark)').matches);
}

function remember(key: string, outcome: Outcome): void {
  cache.delete(key);
  cache.set(key, outcome);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
}

function removeAdded(pre: HTMLElement): void {
  const previous = pre.previousElementSibling;
  if (previous?.classList.contains(ADDED)) previous.remove();
}

/** The picture before its code block, which is hidden; a "Code" button shows the code again. */
function showDrawing(pre: HTMLElement, drawing: MermaidDrawing): void {
  removeAdded(pre);
  const figure = document.createElement('figure');
  figure.className = `mermaid-diagram ${ADDED}`;
  // Our own UI: annotations and find read the code block's text, not this.
  figure.dataset.annotationUi = '';
  const image = document.createElement('img');
  image.className = 'mermaid-image';
  image.src = drawing.src;
  image.alt = drawing.alt;
  image.width = drawing.width;
  image.height = drawing.height;
  image.draggable = false;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'mermaid-code-toggle';
  toggle.textContent = 'Code';
  toggle.title = 'Show the mermaid code';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.addEventListener('click', () => {
    pre.hidden = !pre.hidden;
    toggle.setAttribute('aria-expanded', String(!pre.hidden));
    toggle.title = pre.hidden ? 'Show the mermaid code' : 'Hide the mermaid code';
  });
  figure.append(image, toggle);
  pre.before(figure);
  pre.hidden = true;
}

/** The code stays as it is, with a short notice above it (an error, too large, too slow). */
function showNotice(pre: HTMLElement, notice: string): void {
  removeAdded(pre);
  const note = document.createElement('p');
  note.className = `mermaid-notice ${ADDED}`;
  note.dataset.annotationUi = '';
  note.setAttribute('role', 'note');
  note.textContent = notice;
  pre.before(note);
  pre.hidden = false;
}

function show(pre: HTMLElement, outcome: Outcome): void {
  if ('drawing' in outcome) showDrawing(pre, outcome.drawing);
  else showNotice(pre, outcome.notice);
}

async function draw(pre: HTMLElement, source: string, dark: boolean, key: string): Promise<void> {
  let outcome: Outcome;
  try {
    const { renderMermaid, MermaidTimeout, mermaidErrorMessage } = await import('./mermaid-render');
    try {
      outcome = { drawing: await renderMermaid(source, dark) };
    } catch (error) {
      outcome = { notice: error instanceof MermaidTimeout ? error.message : mermaidErrorMessage(error, source) };
    }
  } catch {
    // The chunk did not load (an app updated under an open window): the code stays, as before.
    return;
  }
  remember(key, outcome);
  if (pre.isConnected) show(pre, outcome);
}

/** Draws every marked block again in the theme now in force (the app's setting or the system's). */
function redrawAll(): void {
  for (const pre of document.querySelectorAll<HTMLElement>(`.note-body ${MERMAID_BLOCK}`)) drawBlock(pre);
}

function watchTheme(): void {
  if (watchingTheme) return;
  watchingTheme = true;
  new MutationObserver(redrawAll).observe(document.documentElement, { attributeFilter: ['data-theme'] });
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', redrawAll);
}

function drawBlock(pre: HTMLElement): void {
  const source = pre.textContent ?? '';
  const dark = isDark();
  if (pre.dataset.drawnAs === `${dark}`) return;
  pre.dataset.drawnAs = `${dark}`;
  const tooLarge = mermaidSizeProblem(source);
  if (tooLarge) return showNotice(pre, tooLarge);
  const key = `${dark ? 'dark' : 'light'}\n${source}`;
  const known = cache.get(key);
  if (known) return show(pre, known);
  void draw(pre, source, dark, key);
}

/**
 * Turns the mermaid code blocks in (or among) `elements` into diagrams, the way Obsidian shows
 * them. Mermaid itself is loaded on the first such block only (a dynamic import), drawn as an SVG
 * image, and drawn again when the theme changes. A block mermaid cannot draw keeps its code with
 * a notice. Nothing happens, and nothing loads, for notes without one.
 */
export function drawMermaidBlocks(elements: Iterable<Element>): void {
  // Collected first: drawing from the cache inserts pictures, and `elements` may be live.
  const blocks: HTMLElement[] = [];
  for (const element of elements) {
    if (element.matches(MERMAID_BLOCK)) blocks.push(element as HTMLElement);
    else blocks.push(...element.querySelectorAll<HTMLElement>(MERMAID_BLOCK));
  }
  if (!blocks.length) return;
  watchTheme();
  for (const pre of blocks) drawBlock(pre);
}

/** Shows the code of the diagram `node` is in, if it is hidden (find marked a match there). */
export function revealMermaidCode(node: Element): void {
  const pre = node.closest<HTMLElement>(MERMAID_BLOCK);
  if (!pre?.hidden) return;
  pre.hidden = false;
  pre.previousElementSibling?.querySelector('.mermaid-code-toggle')?.setAttribute('aria-expanded', 'true');
}
