// The part of the mermaid diagrams that loads mermaid: only ever reached by a dynamic import.
import type { Mermaid } from 'mermaid';
import { withInlineStylesAsCssom } from './inline-style-shim';
import { MERMAID_MAX_CHARS, MERMAID_TIMEOUT_MS } from './mermaid-limits';
import { MERMAID_TIMEOUT_MESSAGE, diagramAlt, mermaidErrorMessage } from './mermaid-text';

export { mermaidErrorMessage };

/** A drawn diagram: a standalone SVG image and what to say about it. */
export interface MermaidDrawing {
  /** `data:image/svg+xml;base64,…`: an image runs no script and keeps its styles to itself. */
  src: string;
  width: number;
  height: number;
  alt: string;
}

/** Thrown when mermaid took longer than `MERMAID_TIMEOUT_MS`. */
export class MermaidTimeout extends Error {
  constructor() {
    super(MERMAID_TIMEOUT_MESSAGE);
  }
}

/** The UI's font: mermaid measures its labels with it and the image draws them with it. */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
/** Settings a note's `%%{init: …}%%` directive or front matter may never change. */
const SECURE = ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'suppressErrorRendering', 'htmlLabels', 'dompurifyConfig', 'logLevel', 'deterministicIds', 'fontFamily', 'altFontFamily'];
let sequence = 0;

let loading: Promise<Mermaid> | undefined;
/** Mermaid itself, imported here (its chunk list stays out of the reader's first chunk). */
const loadMermaid = () => (loading ??= import('mermaid').then((module) => module.default));

function configure(mermaid: Mermaid, dark: boolean): void {
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    // Labels as SVG text, not HTML in a foreignObject: measured and drawn the same everywhere.
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    theme: dark ? 'dark' : 'default',
    darkMode: dark,
    fontFamily: FONT,
    themeVariables: { fontFamily: FONT },
    // Sequence diagrams measure with fonts of their own: the same font, or notes overflow their boxes.
    sequence: { actorFontFamily: FONT, noteFontFamily: FONT, messageFontFamily: FONT },
    suppressErrorRendering: true,
    maxTextSize: MERMAID_MAX_CHARS,
    maxEdges: 500,
    logLevel: 'fatal',
    secure: SECURE,
  });
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

const escapeXmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The drawn SVG (a detached copy) as a standalone image: no script or event handler (an image
 * runs none anyway), an absolute size from its viewBox, its CSS (kept aside while it drew) in
 * one `<style>`, serialised as XML. Nothing here is parsed, so the page's CSP reports nothing.
 */
function standalone(svg: SVGSVGElement, css: string[], type: string): MermaidDrawing {
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    if (element.localName === 'script') element.remove();
    else for (const name of element.getAttributeNames()) if (/^on/i.test(name)) element.removeAttribute(name);
  }
  // A label's lines and words are separate tspans: joined with spaces.
  const labels = [...svg.querySelectorAll('text')].map((text) => {
    const words: string[] = [];
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) words.push(node.nodeValue ?? '');
    return words.join(' ');
  });
  const title = svg.querySelector(':scope > title')?.textContent ?? '';
  const box = svg.viewBox.baseVal;
  const width = Math.max(1, Math.ceil(box?.width || Number.parseFloat(svg.getAttribute('width') ?? '') || 300));
  const height = Math.max(1, Math.ceil(box?.height || Number.parseFloat(svg.getAttribute('height') ?? '') || 150));
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.removeAttribute('style');
  const xml = new XMLSerializer().serializeToString(svg);
  const open = xml.indexOf('>') + 1;
  const styled = `${xml.slice(0, open)}<style>${escapeXmlText(css.join('\n'))}</style>${xml.slice(open)}`;
  return { src: `data:image/svg+xml;base64,${toBase64(styled)}`, width, height, alt: diagramAlt(type, labels, title) };
}

async function draw(source: string, dark: boolean): Promise<MermaidDrawing> {
  const mermaid = await loadMermaid();
  configure(mermaid, dark);
  // Parse first: a syntax error throws here, before anything is drawn (never mermaid's error picture).
  await mermaid.parse(source);
  const id = `berth-mermaid-${++sequence}`;
  // Drawn off screen in a host of our own (mermaid measures its text there), removed afterwards.
  const host = document.createElement('div');
  host.className = 'mermaid-render-host';
  host.setAttribute('aria-hidden', 'true');
  document.body.append(host);
  const drawing = withInlineStylesAsCssom(`d${id}`, async (captured) => {
    const { diagramType } = await mermaid.render(id, source, host);
    if (!captured.svg) throw new Error('mermaid drew nothing');
    return standalone(captured.svg, captured.css, diagramType);
  });
  let timer = 0;
  try {
    return await Promise.race([
      drawing.result,
      new Promise<never>((_, reject) => {
        timer = window.setTimeout(() => reject(new MermaidTimeout()), MERMAID_TIMEOUT_MS);
      }),
    ]);
  } finally {
    window.clearTimeout(timer);
    drawing.restore();
    host.remove();
    // Whatever mermaid may have left in the page under this diagram's ids.
    for (const stray of [id, `d${id}`, `i${id}`]) document.getElementById(stray)?.remove();
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Draws mermaid `source` in the light or dark theme as an SVG image. Drawings run one at a time
 * (mermaid's configuration is global). Rejects with mermaid's parse error, or `MermaidTimeout`.
 */
export function renderMermaid(source: string, dark: boolean): Promise<MermaidDrawing> {
  const next = queue.then(() => draw(source, dark));
  queue = next.catch(() => undefined);
  return next;
}
