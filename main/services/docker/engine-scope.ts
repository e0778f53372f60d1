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

/** Something that follows one engine (a tracker): started once, stopped once. */
export interface EngineFollower {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Keeps one follower per engine: when the engine changes, the old follower stops and then a fresh
 * one (made by `create`, which gets the old one to carry its revision on) starts, so state never
 * mixes engines. Switches queue; a failed one is logged and does not block the next.
 */
export class PerEngine<T extends EngineFollower> {
  private value: T;
  private switching: Promise<void> = Promise.resolve();
  private disposeScope: Disposer | null = null;
  private stopped = false;
  private valueStopped = false;

  constructor(
    private readonly scope: EngineScope | undefined,
    private readonly create: (previous: T | undefined) => T,
    private readonly onError: (error: unknown) => void,
  ) {
    this.value = create(undefined);
  }

  /** The follower of the engine in use now. */
  get current(): T {
    return this.value;
  }

  start(): void {
    this.value.start();
    this.disposeScope = this.scope?.onChange(() => {
      this.switching = this.switching.then(() => this.replace()).catch(this.onError);
    }) ?? null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.disposeScope?.();
    await this.switching;
    if (!this.valueStopped) await this.value.stop();
    this.valueStopped = true;
  }

  private async replace(): Promise<void> {
    if (this.stopped) return;
    const old = this.value;
    if (!this.valueStopped) {
      this.valueStopped = true;
      await old.stop();
    }
    if (this.stopped) return;
    this.value = this.create(old);
    this.valueStopped = false;
    this.value.start();
  }
}
