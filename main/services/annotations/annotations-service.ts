import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { RpcFailure } from '../../contract/errors';
import {
  annotationSchema,
  type Annotation,
  type AnnotationEvidence,
  type HighlightColor,
  type ImportReport,
  type Placement,
  type RenderedText,
} from '../../contract/annotations';
import type { Logger } from '../logging/logger';
import { AnnotationStore, type ShardStoreFactory, type StoreNotice } from './annotation-store';
import { exportAnnotationsMarkdown, exportFileName } from './markdown-export';
import { parseAnnotationsMarkdown } from './markdown-import';
import { anchorTarget, describeRange, retarget, SelectionError } from './text-anchor';

export interface AnnotationsServiceOptions {
  /** Folder under which each vault gets its own store folder. */
  baseDir: string;
  vaultPath: string;
  openStore: ShardStoreFactory;
  log: Logger;
  /** Told which notes' annotations changed. */
  onChanged?: (notePaths: string[]) => void;
  /** Told about damaged store files (publish as `system.notice`). */
  onNotice?: (notice: StoreNotice) => void;
  now?: () => number;
  newId?: () => string;
}

export interface CreateAnnotationInput {
  notePath: string;
  rendered: RenderedText;
  start: number;
  end: number;
  color: HighlightColor;
  comment: string;
  tags: string[];
  evidence: AnnotationEvidence | null;
}

export interface UpdateAnnotationInput {
  id: string;
  color?: HighlightColor;
  comment?: string;
  tags?: string[];
  evidence?: AnnotationEvidence | null;
}

function byPlace(a: Annotation, b: Annotation): number {
  return a.notePath.localeCompare(b.notePath) || a.target.position.start - b.target.position.start || a.createdAt - b.createdAt;
}

/**
 * Highlights and comments on notes: created from a selection of the rendered text, kept in a
 * per-vault store, re-anchored when a note changes, exported to and imported from markdown.
 */
export class AnnotationsService {
  private opened: AnnotationStore | null = null;
  private vaultPath: string;
  private readonly notices: StoreNotice[] = [];
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly options: AnnotationsServiceOptions) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => randomUUID());
    this.vaultPath = path.resolve(options.vaultPath);
  }

  /** The vault's store, opened on first use so that damage found while loading reaches a listener. */
  private get store(): AnnotationStore {
    this.opened ??= this.openStore(this.vaultPath);
    return this.opened;
  }

  /** Where the vault's annotations live, and what was wrong with them when they were loaded. */
  storeStatus(): { storeDir: string; notices: StoreNotice[] } {
    return { storeDir: this.store.dir, notices: [...this.notices] };
  }

  /** Folder of the current vault's store files. */
  get storeDir(): string {
    return this.store.dir;
  }

  /** Switches to another vault's annotations. */
  setVault(vaultPath: string): void {
    const resolved = path.resolve(vaultPath);
    if (resolved === this.vaultPath) return;
    this.vaultPath = resolved;
    this.notices.length = 0;
    this.opened = this.openStore(resolved);
    this.options.onChanged?.(this.store.notePaths());
  }

  private openStore(vaultPath: string): AnnotationStore {
    return new AnnotationStore({
      baseDir: this.options.baseDir,
      vaultPath,
      openStore: this.options.openStore,
      onNotice: (notice) => {
        this.options.log.warn('annotations store damaged', { message: notice.message, backup: notice.backup });
        this.notices.push(notice);
        this.options.onNotice?.(notice);
      },
      now: () => new Date(this.now()),
    });
  }

  /** One note's annotations in reading order, or the whole vault's grouped by note. */
  list(notePath?: string): Annotation[] {
    return (notePath === undefined ? this.store.all() : this.store.forNote(notePath)).sort(byPlace);
  }

  create(input: CreateAnnotationInput): Annotation {
    let target;
    try {
      target = describeRange(input.rendered, input.start, input.end);
    } catch (error) {
      if (error instanceof SelectionError) throw new RpcFailure('invalid-params', error.message);
      throw error;
    }
    const at = this.now();
    const annotation: Annotation = {
      id: this.newId(),
      notePath: input.notePath,
      color: input.color,
      comment: input.comment,
      tags: [...new Set(input.tags)],
      target,
      anchor: { status: 'anchored', method: 'created', checkedAt: at },
      evidence: input.evidence,
      createdAt: at,
      updatedAt: at,
    };
    this.save(annotation.notePath, [annotation]);
    return annotation;
  }

  update(input: UpdateAnnotationInput): Annotation {
    const current = this.require(input.id);
    const next: Annotation = {
      ...current,
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
      ...(input.tags !== undefined ? { tags: [...new Set(input.tags)] } : {}),
      ...(input.evidence !== undefined ? { evidence: input.evidence } : {}),
      updatedAt: this.now(),
    };
    this.save(next.notePath, [next]);
    return next;
  }

  /** Deletes an annotation and hands it back, so that it can be restored (undo). */
  remove(id: string): Annotation {
    const current = this.require(id);
    this.store.remove(current.notePath, [id]);
    this.options.onChanged?.([current.notePath]);
    return current;
  }

  /** Puts back an annotation that was removed, with its id and dates. */
  restore(annotation: Annotation): Annotation {
    const checked = annotationSchema.parse(annotation);
    this.save(checked.notePath, [checked]);
    return checked;
  }

  /**
   * Places every annotation of a note on its current rendered text and saves the new positions
   * (with fresh context) of those that moved. Annotations that cannot be placed become orphaned
   * and keep their old selectors, so they can still be found if the text comes back.
   */
  anchor(notePath: string, rendered: RenderedText): { placements: Placement[]; annotations: Annotation[] } {
    const at = this.now();
    const placements: Placement[] = [];
    const changed: Annotation[] = [];
    const annotations = this.list(notePath).map((annotation) => {
      const result = anchorTarget(rendered.text, annotation.target);
      placements.push({ id: annotation.id, ...result });
      const target = retarget(rendered, annotation.target, result);
      const status = result.status;
      const moved = JSON.stringify(target) !== JSON.stringify(annotation.target);
      if (!moved && annotation.anchor.status === status && annotation.anchor.method !== 'created') return annotation;
      const next: Annotation = { ...annotation, target, anchor: { status, method: result.method, checkedAt: at } };
      changed.push(next);
      return next;
    });
    if (changed.length) this.save(notePath, changed);
    return { placements, annotations };
  }

  exportMarkdown(notePath?: string): { markdown: string; count: number; fileName: string } {
    const vaultName = path.basename(this.vaultPath);
    const annotations = this.list(notePath);
    return {
      markdown: exportAnnotationsMarkdown(annotations, { vaultName, ...(notePath ? { notePath } : {}), now: new Date(this.now()) }),
      count: annotations.length,
      fileName: exportFileName(vaultName, notePath),
    };
  }

  /** Restores annotations from an export: new ids are added, known ones updated, none deleted. */
  importMarkdown(markdown: string): ImportReport {
    const parsed = parseAnnotationsMarkdown(markdown, { newId: this.newId, now: this.now });
    const report: ImportReport = { added: 0, updated: 0, unchanged: 0, problems: parsed.problems };
    const byNote = new Map<string, Annotation[]>();
    for (const annotation of parsed.annotations) {
      const existing = this.store.get(annotation.id);
      if (existing && existing.notePath !== annotation.notePath) {
        report.problems.push(`Annotation ${annotation.id} already exists on ${existing.notePath}; the copy for ${annotation.notePath} was skipped.`);
        continue;
      }
      if (existing && JSON.stringify(existing) === JSON.stringify(annotation)) {
        report.unchanged++;
        continue;
      }
      if (existing) report.updated++;
      else report.added++;
      byNote.set(annotation.notePath, [...(byNote.get(annotation.notePath) ?? []), annotation]);
    }
    for (const [notePath, annotations] of byNote) this.store.put(notePath, annotations);
    if (byNote.size) this.options.onChanged?.([...byNote.keys()]);
    return report;
  }

  private require(id: string): Annotation {
    const found = this.store.get(id);
    if (!found) throw new RpcFailure('not-found', 'That annotation no longer exists; it may have been deleted in another window.');
    return found;
  }

  private save(notePath: string, annotations: Annotation[]): void {
    try {
      this.store.put(notePath, annotations);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.log.error('could not save annotations', { notePath, error: message });
      throw new RpcFailure('failed', `Could not save the annotation: ${message}`);
    }
    this.options.onChanged?.([notePath]);
  }
}
