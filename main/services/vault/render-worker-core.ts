import type { LinkTarget } from './link-resolver';
import {
  readerUrls,
  RENDER_LIMIT,
  renderNote,
  type NoteLookup,
  type RenderedNote,
  type RenderUrls,
} from './render-note';
import { scanNote, type ScannedNote } from './note-scan';
import { noteNameOf } from './vault-paths';

/** Facts of another note a render needs (as `NoteLookup.scanOf`). */
export type NoteFacts = Pick<ScannedNote, 'headings' | 'blockIds'>;

/** What the vault answers for links, other notes' facts and embedded sources; null = none. */
export interface LookupAnswers {
  links: [string, LinkTarget | null][];
  scans: [string, NoteFacts | null][];
  sources: [string, string | null][];
}

/** What a render still needs from the vault: links as `[target, from]`, note paths to scan and to read. */
export interface LookupNeeds {
  links: [string, string][];
  scans: string[];
  sources: string[];
}

/** One note to render off the main thread; `attachmentPrefix` replaces `/vault-file/` (Electron's protocol). */
export interface RenderRequest {
  path: string;
  source: string;
  attachmentPrefix: string;
  /** Send a quick render of the note's beginning first (see `render-preview.ts`). */
  preview?: boolean;
}

const MAX_PASSES = 8;
const linkKey = (target: string, from: string) => `${from}\u0000${target}`;

/** The reader's URLs with another attachment prefix. */
export function urlsWithPrefix(attachmentPrefix: string): RenderUrls {
  if (attachmentPrefix === readerUrls.attachmentUrl('')) return readerUrls;
  return {
    ...readerUrls,
    attachmentUrl: (path) =>
      attachmentPrefix + readerUrls.attachmentUrl(path).slice(readerUrls.attachmentUrl('').length),
  };
}

/**
 * Renders a note with a lookup that only knows what the vault already answered: first asks
 * for every link the note's scan shows, then renders; whatever the render missed (links inside
 * embeds, nested embeds) is asked for and the note rendered again, until nothing is missing.
 * `checkpoint` runs before each pass and between blocks (it throws to stop).
 */
export async function renderWithAnswers(
  request: RenderRequest,
  ask: (needs: LookupNeeds) => Promise<LookupAnswers>,
  checkpoint: () => void = () => undefined,
): Promise<RenderedNote> {
  const links = new Map<string, LinkTarget | null>();
  const scans = new Map<string, NoteFacts | null>();
  const sources = new Map<string, string | null>();
  const learn = (answers: LookupAnswers) => {
    for (const [key, value] of answers.links) links.set(key, value);
    for (const [key, value] of answers.scans) scans.set(key, value);
    for (const [key, value] of answers.sources) sources.set(key, value);
  };
  const whole = request.source.length <= RENDER_LIMIT;
  const first = scanNote(whole ? request.source : request.source.slice(0, RENDER_LIMIT), noteNameOf(request.path));
  const firstLinks = new Map<string, [string, string]>();
  for (const link of first.links) {
    if (link.target)
      firstLinks.set(linkKey(link.target, request.path), [link.target, request.path]);
  }
  if (firstLinks.size)
    learn(await ask({ links: [...firstLinks.values()], scans: [], sources: [] }));
  const urls = urlsWithPrefix(request.attachmentPrefix);
  for (let pass = 0; ; pass++) {
    const needs: LookupNeeds = { links: [], scans: [], sources: [] };
    const lookup: NoteLookup = {
      resolver: {
        resolve(target, from) {
          const key = linkKey(target, from);
          if (!links.has(key)) needs.links.push([target, from]);
          return links.get(key) ?? null;
        },
      },
      scanOf(path) {
        if (!scans.has(path)) needs.scans.push(path);
        return scans.get(path) ?? undefined;
      },
      sourceOf(path) {
        if (!sources.has(path)) needs.sources.push(path);
        return sources.get(path) ?? null;
      },
    };
    checkpoint();
    // The scan above is the render's own when the note is not cut (no second scan of a long note).
    const rendered = renderNote(request.path, request.source, lookup, urls, checkpoint, whole ? first : undefined);
    const missing = needs.links.length + needs.scans.length + needs.sources.length;
    if (!missing || pass >= MAX_PASSES) return rendered;
    learn(await ask(needs));
  }
}
