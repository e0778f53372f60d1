import { describe, expect, it } from 'vitest';
import { engineScopedFile, PerEngine, type EngineScope } from './engine-scope';

function scope(initial: string, defaultKey: string) {
  let key = initial;
  const listeners = new Set<(key: string) => void>();
  const value: EngineScope = {
    key: () => key,
    isDefault: (k = key) => k === defaultKey,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { value, switchTo: (next: string) => ((key = next), listeners.forEach((l) => l(next))) };
}

describe('state kept per engine', () => {
  it('keeps the old file name for the default engine and a key-hashed one for others', () => {
    const s = scope('unix:///var/run/docker.sock', 'unix:///var/run/docker.sock');
    expect(engineScopedFile('/data', 'volume-lineage', '.json', s.value)).toBe('/data/volume-lineage.json');
    s.switchTo('unix:///run/podman/podman.sock');
    expect(engineScopedFile('/data', 'volume-lineage', '.json', s.value)).toMatch(/^\/data\/volume-lineage\.[0-9a-f]{12}\.json$/);
    expect(engineScopedFile('/data', 'volume-lineage', '.json', undefined)).toBe('/data/volume-lineage.json');
  });

  it('stops the old follower before the new one starts, queues switches, and survives a failed one', async () => {
    const s = scope('a', 'a');
    const log: string[] = [];
    const errors: unknown[] = [];
    let made = 0;
    const per = new PerEngine(
      s.value,
      (previous) => {
        const name = `${s.value.key()}#${made++}`;
        log.push(`create ${name}${previous ? ' after stopped' : ''}`);
        return {
          start: () => log.push(`start ${name}`),
          stop: async () => {
            await new Promise((r) => setTimeout(r, 5));
            log.push(`stop ${name}`);
          },
        };
      },
      (error) => errors.push(error),
    );
    per.start();
    s.switchTo('b');
    s.switchTo('c');
    await new Promise((r) => setTimeout(r, 60));
    await per.stop();
    expect(log).toEqual(['create a#0', 'start a#0', 'stop a#0', 'create c#1 after stopped', 'start c#1', 'stop c#1', 'create c#2 after stopped', 'start c#2', 'stop c#2']);
    expect(errors).toEqual([]);

    // Stopped right after a switch: the old follower stops once, no new one is made.
    log.length = 0;
    const quick = new PerEngine(s.value, () => ({ start: () => log.push('start'), stop: async () => void log.push('stop') }), (error) => errors.push(error));
    quick.start();
    s.switchTo('e');
    await quick.stop();
    expect(log).toEqual(['start', 'stop']);

    // A switch whose new follower cannot be made is reported; the next switch still works.
    log.length = 0;
    let fail = false;
    const failing = new PerEngine(
      s.value,
      () => {
        if (fail) throw new Error('cannot make it');
        return { start: () => log.push(`start ${s.value.key()}`), stop: async () => void log.push(`stop ${s.value.key()}`) };
      },
      (error) => errors.push(error),
    );
    failing.start();
    fail = true;
    s.switchTo('f');
    await new Promise((r) => setTimeout(r, 20));
    fail = false;
    s.switchTo('g');
    await new Promise((r) => setTimeout(r, 20));
    await failing.stop();
    expect(log).toEqual(['start e', 'stop f', 'start g', 'stop g']);
    expect(errors.map(String)).toEqual(['Error: cannot make it']);
  });
});
