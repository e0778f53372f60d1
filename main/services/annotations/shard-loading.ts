import fs from 'node:fs';
import path from 'node:path';
import { annotationSchema, type Annotation } from '../../contract/annotations';
import {
  errorText,
  fileIdentity,
  SHARD_VERSION,
  shardShapeSchema,
  type Shard,
  type ShardDocument,
  type ShardStore,
  type ShardStoreFactory,
  type StoreNotice,
} from './shard-file';
import { backupDamagedFile, shardNameFor } from './store-files';

/** What loading a shard file needs from the store that keeps it. */
export interface ShardLoadContext {
  dir: string;
  openStore: ShardStoreFactory;
  now: () => Date;
  notify: (notice: StoreNotice) => void;
  /** True when a shard of this note is loaded already (a second file naming it is damage). */
  has(notePath: string): boolean;
}

/**
 * Loads `<dir>/<name>.json`: the annotations that validate are kept; a damaged file is backed up
 * and reported (and rewritten with what was kept). Null when nothing of it could be loaded.
 */
export function loadShardFile(name: string, ctx: ShardLoadContext): Shard | null {
  const file = path.join(ctx.dir, `${name}.json`);
  const placeholder: ShardDocument = { schemaVersion: SHARD_VERSION, notePath: '', annotations: [] };
  let store: ShardStore;
  try {
    // Parse it here first, so that a damaged file is handled (and reported) the same way
    // whatever the store factory does with files it cannot read.
    JSON.parse(fs.readFileSync(file, 'utf8'));
    store = ctx.openStore({ name, cwd: ctx.dir, defaults: placeholder });
  } catch (error) {
    // Not even JSON: keep the file aside, untouched, and go on without it.
    let backup: string | undefined;
    try {
      backup = fs.existsSync(file) ? backupDamagedFile(file, ctx.now(), true) : undefined;
    } catch (moveError) {
      ctx.notify({
        level: 'error',
        message: `An annotations file is damaged and could not be moved aside (${errorText(moveError)}): ${file}`,
      });
      return null;
    }
    ctx.notify({
      level: 'warning',
      message: `An annotations file could not be read (${errorText(error)}). It was kept as ${backup ?? file}; Berth continues without it.`,
      ...(backup ? { backup } : {}),
    });
    return null;
  }
  return salvage(store, file, ctx);
}

/** Loads what validates; backs up the file and rewrites it when anything did not. */
function salvage(store: ShardStore, file: string, ctx: ShardLoadContext): Shard | null {
  const shape = shardShapeSchema.safeParse(store.store);
  const rawItems = shape.success ? shape.data.annotations : [];
  const valid: Annotation[] = [];
  for (const item of rawItems) {
    const parsed = annotationSchema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
  }
  const notePath = shape.success ? shape.data.notePath : valid[0]?.notePath;
  const kept = valid.filter((a) => a.notePath === notePath);
  const lost = (shape.success ? rawItems.length : 1) - kept.length;
  if (!notePath || (!kept.length && !shape.success)) {
    reportDamage(file, true, `it does not look like an annotations file`, 0, ctx);
    return null;
  }
  if (shardNameFor(notePath) !== path.basename(file, '.json') || ctx.has(notePath)) {
    reportDamage(file, true, `it names the note ${notePath}, which belongs to another file`, 0, ctx);
    return null;
  }
  const shard: Shard = {
    store,
    notePath,
    annotations: new Map(kept.map((a) => [a.id, a])),
    seen: fileIdentity(file),
  };
  if (lost > 0 || !shape.success) {
    const backup = reportDamage(
      file,
      false,
      `${lost} annotation${lost === 1 ? '' : 's'} of ${notePath} failed validation`,
      kept.length,
      ctx,
    );
    if (backup) {
      store.replace({ schemaVersion: SHARD_VERSION, notePath, annotations: kept });
      shard.seen = fileIdentity(file);
    }
  }
  return shard;
}

function reportDamage(
  file: string,
  move: boolean,
  reason: string,
  kept: number,
  ctx: ShardLoadContext,
): string | undefined {
  let backup: string;
  try {
    backup = backupDamagedFile(file, ctx.now(), move);
  } catch (error) {
    ctx.notify({
      level: 'error',
      message: `An annotations file is damaged (${reason}) and could not be backed up (${errorText(error)}): ${file}. It was left as it is.`,
    });
    return undefined;
  }
  const rest = move
    ? 'Berth continues without it.'
    : `The other ${kept} ${kept === 1 ? 'is' : 'are'} loaded.`;
  ctx.notify({
    level: 'warning',
    message: `Annotations store damaged: ${reason}. The original file was kept as ${backup}. ${rest}`,
    backup,
  });
  return backup;
}
