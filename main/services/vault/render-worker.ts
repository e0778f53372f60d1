/**
 * Worker-thread entry (built as `out/main/render-worker.js`): renders notes with markdown-it and
 * the sanitiser off the main thread. Messages: `render` in, `need` out (what the vault must
 * answer), `answer` in, `done`/`failed` out. See `render-pool.ts`.
 */
import { parentPort } from 'node:worker_threads';
import {
  renderWithAnswers,
  type LookupAnswers,
  type LookupNeeds,
  type RenderRequest,
} from './render-worker-core';
import { RenderCancelled, type RenderedNote } from './render-note';
import { isCancelled } from './render-cancel';
import { previewSource } from './render-preview';
import { packRendered, type PostedRendered } from './rendered-transfer';

/** Messages the pool sends to the worker. */
export type ToRenderWorker =
  | { type: 'render'; id: number; request: RenderRequest }
  | { type: 'answer'; id: number; answers: LookupAnswers }
  | { type: 'cancel-flags'; flags: SharedArrayBuffer };
/** Messages the worker sends to the pool. */
export type FromRenderWorker =
  | { type: 'ready'; id: 0 }
  | { type: 'need'; id: number; needs: LookupNeeds }
  | { type: 'preview'; id: number; rendered: PostedRendered }
  | { type: 'done'; id: number; rendered: PostedRendered }
  | { type: 'failed'; id: number; message: string };

const WARM_UP_NOTE = [
  '---\ntags: [docker]\naliases: [Warm]\n---',
  '# Volumes **persist** data',
  'A *named* volume, `docker volume ls`, [[Bind Mounts#Why|a link]], ![[diagram.png]], #storage and https://docs.docker.com.',
  '> [!tip] Callout\n> - [ ] a task\n> - [x] done',
  '1. one\n2. two\n   - nested',
  '| Command | Effect |\n| --- | --- |\n| `docker rm -v` | removes ~~it~~ |',
  '```bash\ndocker run -v data:/data busybox\n```',
  '---\n$x$ and a footnote[^1]\n\n[^1]: note ^block',
].join('\n\n');

const port = parentPort;
if (port) {
  const waiting = new Map<number, (answers: LookupAnswers) => void>();
  const send = (message: FromRenderWorker) => port.postMessage(message);
  const sendRendered = (type: 'preview' | 'done', id: number, rendered: RenderedNote) => {
    const { posted, transfer } = packRendered(rendered);
    port.postMessage({ type, id, rendered: posted } satisfies FromRenderWorker, transfer);
  };
  // Set by the pool, read between blocks: a render no longer wanted stops mid-way.
  let flags: Int32Array | null = null;
  port.on('message', (message: ToRenderWorker) => {
    if (message.type === 'cancel-flags') {
      flags = new Int32Array(message.flags);
      return;
    }
    if (message.type === 'answer') {
      waiting.get(message.id)?.(message.answers);
      waiting.delete(message.id);
      return;
    }
    const { id, request } = message;
    const checkpoint = () => {
      if (flags && isCancelled(flags, id)) throw new RenderCancelled();
    };
    const ask = (needs: LookupNeeds) =>
      new Promise<LookupAnswers>((resolve) => {
        waiting.set(id, resolve);
        send({ type: 'need', id, needs });
      });
    // The scan's links and headings are not sent back: copying 20,000 link objects into the main thread took ~0.4 s there.
    const lean = (rendered: RenderedNote): RenderedNote => ({
      ...rendered,
      scan: { ...rendered.scan, links: [], headings: [], blockIds: [] },
    });
    const preview = request.preview ? previewSource(request.source) : null;
    // A long note: a quick render of its beginning first (the first screen), then the whole note.
    const previewed = preview
      ? renderWithAnswers({ ...request, source: preview }, ask, checkpoint).then((rendered) =>
          sendRendered('preview', id, lean(rendered)),
        )
      : Promise.resolve();
    previewed.then(() => renderWithAnswers(request, ask, checkpoint)).then(
      (rendered) => sendRendered('done', id, lean(rendered)),
      (error: unknown) =>
        send({
          type: 'failed',
          id,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  // One small note of every common kind of block, rendered while the app starts: V8 compiles the
  // renderer's functions on first use, which the note on screen at start-up used to pay for.
  // (No raw HTML: the DOM sanitiser and its jsdom load only for notes that need them.)
  const none = async (): Promise<LookupAnswers> => ({ links: [], scans: [], sources: [] });
  void renderWithAnswers({ path: 'warm-up.md', source: WARM_UP_NOTE, attachmentPrefix: '/vault-file/' }, none)
    .catch(() => undefined)
    // Its modules are loaded and warm: the pool may hand it notes from now on.
    .then(() => send({ type: 'ready', id: 0 }));
}
