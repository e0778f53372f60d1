import type { Worker } from 'node:worker_threads';
import {
  readerUrls,
  RenderCancelled,
  renderNote,
  type NoteLookup,
  type RenderedNote,
  type RenderUrls,
} from './render-note';
import type { LookupAnswers, LookupNeeds } from './render-worker-core';
import type { FromRenderWorker, ToRenderWorker } from './render-worker';
import { builtEntryFile, startWorker } from './worker-entry';
import { unpackRendered } from './rendered-transfer';
import { cancel, createCancelFlags } from './render-cancel';
import { tick } from './sliced-each';

/** How many lookups the main thread answers before letting other work run. */
const ANSWER_SLICE = 500;

interface Pending {
  lookup: NoteLookup;
  onPreview?: (preview: RenderedNote) => void;
  resolve(rendered: RenderedNote): void;
  reject(error: Error): void;
}

/** Answers a worker's lookups from the vault, a slice at a time so the main thread stays responsive. */
async function answer(lookup: NoteLookup, needs: LookupNeeds): Promise<LookupAnswers> {
  const answers: LookupAnswers = { links: [], scans: [], sources: [] };
  const scansWanted = new Set(needs.scans);
  let done = 0;
  const breathe = async () => {
    if (++done % ANSWER_SLICE === 0) await tick();
  };
  for (const [target, from] of needs.links) {
    const found = lookup.resolver.resolve(target, from);
    answers.links.push([`${from}\u0000${target}`, found]);
    if (found?.kind === 'note') scansWanted.add(found.path);
    await breathe();
  }
  for (const path of scansWanted) {
    const facts = lookup.scanOf(path);
    answers.scans.push([
      path,
      facts ? { headings: facts.headings, blockIds: facts.blockIds } : null,
    ]);
    await breathe();
  }
  for (const path of new Set(needs.sources)) {
    answers.sources.push([path, lookup.sourceOf(path)]);
    await tick();
  }
  return answers;
}

/** While the worker starts (about a second), notes up to this size render on the calling thread. */
const WARMING_INLINE_LIMIT = 100_000;

/**
 * Renders notes on a worker thread (markdown-it and the sanitiser off the main thread), asking
 * the vault for links and embeds over messages. Without a built worker file (tsx, vitest) or for
 * URL schemes the worker cannot rebuild, it renders in-process: `inProcess` tells which.
 */
export class RenderPool {
  private worker: Worker | null = null;
  /** The worker has loaded its modules; until then small notes render here, without waiting. */
  private workerReady = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Shared with the worker: renders cancelled (see `render-cancel.ts`). */
  private readonly cancelFlags = createCancelFlags();

  /** `workerFile`: the built worker (default), a `.ts` source (started through the tsx loader, for tests), or null. */
  constructor(private readonly workerFile: string | null = builtEntryFile('render-worker')) {}

  /** True when notes are rendered on the calling thread (no worker file). */
  get inProcess(): boolean {
    return this.workerFile === null;
  }

  /**
   * Renders one note; same result as `renderNote`. With `onPreview`, a long note rendered on the
   * worker first hands over a quick render of its beginning (see `render-preview.ts`). When
   * `signal` aborts, the render fails at once and the worker drops it at its next checkpoint
   * (between blocks), so a note no longer shown does not hold the worker.
   */
  render(
    path: string,
    source: string,
    lookup: NoteLookup,
    urls: RenderUrls = readerUrls,
    onPreview?: (preview: RenderedNote) => void,
    signal?: AbortSignal,
  ): Promise<RenderedNote> {
    if (signal?.aborted) return Promise.reject(new RenderCancelled());
    if (this.workerFile === null || urls.noteHref !== readerUrls.noteHref)
      return Promise.resolve(renderNote(path, source, lookup, urls));
    const worker = this.ensureWorker(this.workerFile);
    if (!this.workerReady && source.length <= WARMING_INLINE_LIMIT)
      return Promise.resolve(renderNote(path, source, lookup, urls));
    const id = this.nextId++;
    return new Promise<RenderedNote>((resolve, reject) => {
      this.pending.set(id, { lookup, onPreview, resolve, reject });
      signal?.addEventListener(
        'abort',
        () => {
          cancel(this.cancelFlags, id);
          this.settle(id, new RenderCancelled());
        },
        { once: true },
      );
      const message: ToRenderWorker = {
        type: 'render',
        id,
        request: { path, source, attachmentPrefix: urls.attachmentUrl(''), preview: Boolean(onPreview) },
      };
      worker.postMessage(message);
    });
  }

  /** Starts the worker ahead of the first note, so its start-up (markdown-it, the sanitiser) overlaps indexing. */
  warm(): void {
    if (this.workerFile !== null) this.ensureWorker(this.workerFile);
  }

  /** Stops the worker; renders still waiting fail. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('The note renderer was stopped.'));
    await worker?.terminate();
  }

  private ensureWorker(file: string): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(file);
    worker.unref();
    worker.postMessage({ type: 'cancel-flags', flags: this.cancelFlags.buffer as SharedArrayBuffer } satisfies ToRenderWorker);
    worker.on('message', (message: FromRenderWorker) => this.onMessage(worker, message));
    worker.on('error', (error) => this.onExit(worker, error));
    worker.on('exit', (code) =>
      this.onExit(worker, new Error(`The note renderer stopped (exit code ${code}).`)),
    );
    this.worker = worker;
    this.workerReady = false;
    return worker;
  }

  private onMessage(worker: Worker, message: FromRenderWorker): void {
    if (message.type === 'ready') {
      this.workerReady = true;
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) {
      // A cancelled render still asking: an empty answer lets it reach its next checkpoint and stop.
      if (message.type === 'need')
        worker.postMessage({ type: 'answer', id: message.id, answers: { links: [], scans: [], sources: [] } } satisfies ToRenderWorker);
      return;
    }
    if (message.type === 'need') {
      answer(pending.lookup, message.needs).then(
        (answers) =>
          worker.postMessage({ type: 'answer', id: message.id, answers } satisfies ToRenderWorker),
        (error: unknown) =>
          this.settle(message.id, error instanceof Error ? error : new Error(String(error))),
      );
      return;
    }
    if (message.type === 'failed') {
      this.settle(message.id, new Error(`The note could not be rendered: ${message.message}`));
      return;
    }
    const rendered = message.rendered;
    const take = (note: RenderedNote) =>
      message.type === 'preview' ? pending.onPreview?.(note) : this.settle(message.id, note);
    if (!rendered.packed) take(rendered);
    else
      unpackRendered(rendered).then(take, (error: unknown) =>
        this.settle(message.id, error instanceof Error ? error : new Error(String(error))),
      );
  }

  private settle(id: number, outcome: RenderedNote | Error): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
  }

  private onExit(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const id of [...this.pending.keys()]) this.settle(id, error);
  }
}
