/** Named one-shot timers: each name has at most one pending; clear one or all (on stop). */
export class TimerSlots<K extends string> {
  private readonly timers = new Map<K, NodeJS.Timeout>();

  /** Runs `fn` after `ms`, replacing a pending timer of the same name. */
  set(name: K, ms: number, fn: () => void): void {
    this.clear(name);
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        fn();
      }, ms),
    );
  }

  /** Like `set`, but keeps a timer of that name that is already pending. */
  ensure(name: K, ms: number, fn: () => void): void {
    if (!this.has(name)) this.set(name, ms, fn);
  }

  has(name: K): boolean {
    return this.timers.has(name);
  }

  clear(name: K): void {
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
  }

  clearAll(): void {
    for (const name of [...this.timers.keys()]) this.clear(name);
  }
}
