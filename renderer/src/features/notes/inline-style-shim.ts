// Loaded only with mermaid (a dynamic import): the page's CSP allows no inline <style> and no style attributes.

/** What `withInlineStylesAsCssom` kept aside while mermaid drew. */
export interface CapturedDrawing {
  /** The CSS text mermaid gave its `<style>` element, in order. */
  css: string[];
  /** A copy of the drawn `<svg>`, taken when mermaid serialised it. */
  svg?: SVGSVGElement;
}

/**
 * Runs `work` (mermaid drawing into `#<serialiseId>` in the page) so that the page's strict CSP
 * (`style-src 'self'`) neither blocks nor reports its styling, without loosening it. Chromium
 * reports every style attribute and `<style>` element it parses or inserts, even empty or in an
 * inert document, so while `work` runs:
 * - `setAttribute('style', …)` becomes `element.style.cssText = …` (CSSOM, which the CSP allows);
 * - `document.createElement('style')` answers a comment whose text setters keep the CSS aside
 *   and apply it as a constructable stylesheet adopted by the document for the duration (labels
 *   are measured with the diagram's fonts); nothing is parsed;
 * - reading `innerHTML` of the element `serialiseId` copies its `<svg>` into `captured.svg` and
 *   answers '' (mermaid then sanitises an empty string: its parse of an SVG full of style
 *   attributes would be reported for each). The copy is turned into an image by the caller.
 * The prototypes are restored when `work` settles or `restore` is called (a timeout).
 */
export function withInlineStylesAsCssom<T>(serialiseId: string, work: (captured: CapturedDrawing) => Promise<T>): { result: Promise<T>; restore: () => void } {
  const captured: CapturedDrawing = { css: [] };
  const sheets: CSSStyleSheet[] = [];
  const setAttribute = Element.prototype.setAttribute;
  const setAttributeNS = Element.prototype.setAttributeNS;
  const createElement = Document.prototype.createElement as (this: Document, tag: string, options?: ElementCreationOptions) => HTMLElement;
  const innerHtml = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
  const asCssom = (element: Element, value: string): boolean => {
    const style = (element as HTMLElement | SVGElement).style as CSSStyleDeclaration | undefined;
    if (!style) return false;
    style.cssText = value;
    return true;
  };
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style' && asCssom(this, String(value))) return;
    setAttribute.call(this, name, value);
  };
  Element.prototype.setAttributeNS = function (this: Element, ns: string | null, name: string, value: string) {
    if (!ns && name.toLowerCase() === 'style' && asCssom(this, String(value))) return;
    setAttributeNS.call(this, ns, name, value);
  };
  const adopt = (css: string) => {
    captured.css.push(css);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.push(sheet);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  };
  Document.prototype.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    if (String(tag).toLowerCase() !== 'style') return createElement.call(this, tag, options);
    const stand = this.createComment('');
    for (const property of ['innerHTML', 'textContent', 'innerText']) {
      Object.defineProperty(stand, property, { configurable: true, get: () => '', set: (css: unknown) => adopt(String(css)) });
    }
    return stand as unknown as HTMLElement;
  } as typeof Document.prototype.createElement;
  if (innerHtml?.get) {
    Object.defineProperty(Element.prototype, 'innerHTML', {
      ...innerHtml,
      get(this: Element) {
        if (this.id !== serialiseId) return innerHtml.get!.call(this) as string;
        const svg = this.querySelector('svg');
        if (svg) captured.svg = svg.cloneNode(true) as SVGSVGElement;
        return '';
      },
    });
  }
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    Element.prototype.setAttribute = setAttribute;
    Element.prototype.setAttributeNS = setAttributeNS;
    Document.prototype.createElement = createElement as typeof Document.prototype.createElement;
    if (innerHtml) Object.defineProperty(Element.prototype, 'innerHTML', innerHtml);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => !sheets.includes(sheet));
  };
  const result = (async () => {
    try {
      return await work(captured);
    } finally {
      restore();
    }
  })();
  return { result, restore };
}
