import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Disposer } from '../../contract';

/**
 * Which engine Berth talks to now, for the parts that keep state per engine (storage and
 * network history, the demo run history). The key is the engine's endpoint URL.
 */
export interface EngineScope {
  /** Key of the engine in use now. */
  key(): string;
  /** True for the engine Berth uses when nothing is picked (history from before engines were told apart belongs here). */
  isDefault(key?: string): boolean;
  /** Told (synchronously, before the connection moves) when Berth switches to another engine. */
  onChange(listener: (key: string) => void): Disposer;
}

/**
 * The file for one engine's data: the default engine keeps `<base><ext>` (so history written
 * before engines were told apart stays with it), others get `<base>.<hash of key><ext>`.
 */
export function engineScopedFile(dir: string, base: string, ext: string, scope: EngineScope | undefined): string {
  const key = scope?.key();
  if (!scope || key === undefined || scope.isDefault(key)) return path.join(dir, `${base}${ext}`);
  return path.join(dir, `${base}.${createHash('sha256').update(key).digest('hex').slice(0, 12)}${ext}`);
}
