import crypto from 'node:crypto';
import type { ClaimFlag, Publish, SectionSuggestion } from '../../contract';
import { RpcFailure } from '../../contract/errors';
import type { Demo } from '../demos/demo-schema';
import { readNoteSource } from '../vault/note-reading';
import { DemoBlockEdits } from './demo-block-edits';
import type { Dismissals } from './dismissals';
import { runSteps, runStepsSliced, type Steps } from './sliced-steps';
import { NoteSuggester, type NoteSuggestions } from './suggest-note';

export interface SuggestionsServiceOptions {
  /**
   * The demos to suggest, as steps whose final value is the catalogue: `warmUp` runs them in
   * slices, the first note looked at before that runs them at once. A ready catalogue is steps
   * that return at once.
   */
  catalogueSteps: () => Steps<readonly Demo[]>;
  /** Root of the vault open now, or null. */
  vaultRoot: () => string | null;
  /** True when the setting `demoSuggestions` is on. */
  enabled: () => boolean;
  /** True for vaults Berth must not write to (the bundled study vault). */
  isReadOnly?: (root: string) => boolean;
  dismissals: Dismissals;
  publish: Publish;
}

/** Notes larger than this are looked at up to this size. */
const READ_LIMIT = 2_000_000;
const CACHE_SIZE = 200;

/** Demo suggestions and the claim check for the notes of the open vault (issue 11). */
export class SuggestionsService {
  private model: { suggester: NoteSuggester; edits: DemoBlockEdits } | undefined;
  /** Per "vault root\0note path": the content hash and what was found for it. */
  private readonly cache = new Map<string, { hash: string; found: NoteSuggestions }>();
  /** Per "vault root\0note path": the read and analysis under way, shared by the calls that come meanwhile. */
  private readonly looking = new Map<string, Promise<NoteSuggestions>>();

  constructor(private readonly options: SuggestionsServiceOptions) {}

  /** The suggester and the block editor, built by `warmUp` or else at first use. */
  private get built(): { suggester: NoteSuggester; edits: DemoBlockEdits } {
    this.model ??= this.build(runSteps(this.options.catalogueSteps()));
    return this.model;
  }

  private build(
    catalogue: readonly Demo[],
    suggester = new NoteSuggester(catalogue),
  ): { suggester: NoteSuggester; edits: DemoBlockEdits } {
    const byId = new Map(catalogue.map((demo) => [demo.id, demo]));
    return { suggester, edits: new DemoBlockEdits((id) => byId.get(id)) };
  }

  /**
   * Validates the catalogue in slices and builds the suggester, ahead of the first note looked at:
   * done at once there, they held the main process ~70 ms (and at start-up, they delayed it).
   */
  async warmUp(): Promise<void> {
    if (this.model) return;
    const catalogue = await runStepsSliced(this.options.catalogueSteps());
    const suggester = await runStepsSliced(NoteSuggester.building(catalogue));
    this.model ??= this.build(catalogue, suggester);
  }

  /** Suggestions and flags for a note of the open vault, without the dismissed demos. */
  async forNote(
    notePath: string,
  ): Promise<{ enabled: boolean; sections: SectionSuggestion[]; flags: ClaimFlag[] }> {
    if (!this.options.enabled()) return { enabled: false, sections: [], flags: [] };
    const root = this.requireRoot();
    const found = await this.lookAt(root, notePath);
    const sections = found.sections
      .map((section) => {
        const hidden = this.options.dismissals.hidden(root, notePath, section.heading);
        return hidden.size
          ? { ...section, demos: section.demos.filter((demo) => !hidden.has(demo.id)) }
          : section;
      })
      .filter((section) => section.demos.length > 0);
    return { enabled: true, sections, flags: found.flags };
  }

  /**
   * Reads and analyzes a note; calls for the same note while that is under way share it. A long
   * note with many suggested demo cards is asked about once per card as they appear (30 calls
   * while the 1 MB prose note of bench:bignote opened, each reading, decoding and hashing 1 MB on
   * the main thread).
   */
  private lookAt(root: string, notePath: string): Promise<NoteSuggestions> {
    const key = `${root}\0${notePath}`;
    const under = this.looking.get(key);
    if (under) return under;
    const looking = this.readNote(root, notePath)
      .then((source) => this.analyze(root, notePath, source))
      .finally(() => this.looking.delete(key));
    this.looking.set(key, looking);
    return looking;
  }

  /** Hides a demo under a heading of a note (or shows it again) and tells every window. */
  dismiss(notePath: string, heading: string, demoId: string, restore = false): { ok: true } {
    const root = this.requireRoot();
    if (this.options.dismissals.set(root, notePath, heading, demoId, restore)) this.changed();
    return { ok: true };
  }

  /** Adds a `berth-demo` block at the end of the heading's section (atomic write); returns an undo token. */
  async addToNote(
    notePath: string,
    heading: string,
    line: number,
    demoId: string,
  ): Promise<{ path: string; undoToken: string }> {
    const root = this.requireRoot();
    if (this.options.isReadOnly?.(root)) {
      throw new RpcFailure(
        'forbidden',
        'This is Berth’s bundled study vault, which Berth does not change; open your own vault to add demos to your notes.',
      );
    }
    return this.built.edits.add(root, notePath, heading, line, demoId);
  }

  /** Restores the note as it was before `addToNote`, when it has not changed since. */
  undoAdd(undoToken: string): Promise<{ path: string }> {
    return this.built.edits.undoAdd(undoToken);
  }

  /** Tells every window to ask again (setting toggled, catalogue changed). */
  changed(): void {
    this.options.publish('suggestions.changed', { at: Date.now() });
  }

  /** What the matcher and claim check find in a note's text (in slices: a long note is looked at while the main process goes on), cached by content hash. */
  async analyze(root: string, notePath: string, source: string): Promise<NoteSuggestions> {
    const key = `${root}\0${notePath}`;
    const hash = crypto.createHash('sha1').update(source).digest('hex');
    const cached = this.cache.get(key);
    if (cached?.hash === hash) return cached.found;
    const found = await this.built.suggester.suggestSliced(source);
    this.cache.delete(key);
    this.cache.set(key, { hash, found });
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return found;
  }

  protected requireRoot(): string {
    const root = this.options.vaultRoot();
    if (!root) throw new RpcFailure('unavailable', 'No vault is open yet.');
    return root;
  }

  protected async readNote(root: string, notePath: string): Promise<string> {
    const note = await readNoteSource(root, notePath, READ_LIMIT);
    if (note.binary) throw new RpcFailure('invalid-params', `"${notePath}" is not a text note.`);
    return note.text;
  }
}
