import { randomUUID } from 'node:crypto';
import { RpcFailure } from '../../contract/errors';
import type { RenderedHeading } from './markdown/render-env';
import type { NoteLookup, RenderedNote, RenderUrls } from './render-note';
import type { RenderPool } from './render-pool';

/** The reader's first screen of a note, and where the rest of it is fetched (`page`) when it does not fit. */
export interface FirstScreen {
  rendered: RenderedNote;
  /** Chunks from `from` on follow through `page(stream, from)`; a chunk 0 replaces what the first screen showed. */
  rest?: { stream: string; from: number };
}

/** One chunk of a note's HTML (see `ChunkMark`). */
export interface NoteChunk {
  html: string;
  tableRows: boolean;
}

/** A page of chunks; the last one (`done`) carries the whole note's outline and problems. */
export interface NotePage {
  chunks: NoteChunk[];
  next: number;
  done: boolean;
  headings: RenderedHeading[];
  problems: string[];
}

interface Stream {
  id: string;
  path: string;
  source: string;
  full: Promise<RenderedNote>;
  first: Promise<{ preview: RenderedNote } | { full: RenderedNote }>;
  /** Stops the render while it is under way (see `RenderPool.render`). */
  abort: AbortController;
  rendered: boolean;
}

/** A reply holds whole notes up to this much HTML; longer ones send this much first and the rest in pages. */
const FIRST_SCREEN_CHARS = 64_000;
/** HTML per page of the rest (characters): a few milliseconds to serialise, and few steps for the reader to insert. */
export const PAGE_CHARS = 1_000_000;
/** Notes whose rest can still be fetched (the latest ones opened). */
const KEPT_STREAMS = 4;

/**
 * Long notes for the reader, progressively: the first screen as soon as the worker has it (a
 * quick render of the beginning, or the first chunks of the whole note), the rest in pages of
 * chunks, so no reply is one multi-megabyte JSON. The same note opened twice with the same text
 * (the reader and the demos pane) renders once.
 */
export class NoteStreams {
  private readonly streams = new Map<string, Stream>();

  constructor(private readonly pool: Pick<RenderPool, 'render'>) {}

  /** Renders a note (or joins the render of the same text under way) and answers its first screen. */
  async open(path: string, source: string, lookup: NoteLookup, urls: RenderUrls): Promise<FirstScreen> {
    const stream = this.find(path, source) ?? this.start(path, source, lookup, urls);
    const first = await stream.first;
    if ('preview' in first) return { rendered: first.preview, rest: { stream: stream.id, from: 0 } };
    const { full } = first;
    if (full.html.length <= FIRST_SCREEN_CHARS || full.chunks.length < 2) {
      this.streams.delete(stream.id);
      return { rendered: full };
    }
    const ends = full.chunks.map((chunk) => chunk.end);
    let from = 1;
    while (from < ends.length - 1 && (ends[from] ?? Infinity) <= FIRST_SCREEN_CHARS) from++;
    return {
      rendered: { ...full, html: full.html.slice(0, ends[from - 1]) },
      rest: { stream: stream.id, from },
    };
  }

  /**
   * The reader no longer shows this note: a render still under way stops (the worker is free for
   * the next note). A finished render stays, for the same note opened again.
   */
  close(id: string): void {
    const stream = this.streams.get(id);
    if (!stream || stream.rendered) return;
    this.streams.delete(id);
    stream.abort.abort();
  }

  /** Chunks from `from` on, about `PAGE_CHARS` of HTML, waiting for the whole note's render if need be. */
  async page(id: string, from: number): Promise<NotePage> {
    const stream = this.streams.get(id);
    if (!stream) throw new RpcFailure('not-found', 'This note was opened again or changed meanwhile; it is shown from its latest version.');
    const full = await stream.full;
    const chunks: NoteChunk[] = [];
    let next = from;
    let size = 0;
    for (const { end, tableRows } of full.chunks.slice(from)) {
      if (size >= PAGE_CHARS) break;
      const start = next === 0 ? 0 : (full.chunks[next - 1]?.end ?? 0);
      chunks.push({ html: full.html.slice(start, end), tableRows });
      size += end - start;
      next++;
    }
    const done = next >= full.chunks.length;
    return { chunks, next, done, headings: done ? full.headings : [], problems: done ? full.problems : [] };
  }

  private find(path: string, source: string): Stream | undefined {
    for (const stream of this.streams.values()) if (stream.path === path && stream.source === source) return stream;
    return undefined;
  }

  private start(path: string, source: string, lookup: NoteLookup, urls: RenderUrls): Stream {
    let showFirst: (first: { preview: RenderedNote } | { full: RenderedNote }) => void = () => undefined;
    const first = new Promise<{ preview: RenderedNote } | { full: RenderedNote }>((resolve) => (showFirst = resolve));
    const abort = new AbortController();
    const full = this.pool.render(path, source, lookup, urls, (preview) => showFirst({ preview }), abort.signal);
    // Whichever comes first shows first; a later call of `showFirst` changes nothing.
    const stream: Stream = { id: randomUUID(), path, source, full, first: Promise.race([first, full.then((note) => ({ full: note }))]), abort, rendered: false };
    full.then(
      () => (stream.rendered = true),
      () => this.streams.delete(stream.id),
    );
    this.streams.set(stream.id, stream);
    // The oldest streams go; one still rendering stops.
    while (this.streams.size > KEPT_STREAMS) {
      const oldest = this.streams.values().next().value as Stream;
      this.streams.delete(oldest.id);
      if (!oldest.rendered) oldest.abort.abort();
    }
    return stream;
  }
}
