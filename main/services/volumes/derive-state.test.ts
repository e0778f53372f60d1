import { describe, expect, it } from 'vitest';
import type { StorageUse } from '../../contract/volumes';
import { deriveState } from './derive-state';

const use = (containerState: string): StorageUse => ({
  containerId: 'c1',
  containerName: 'web',
  running: containerState === 'running',
  containerState,
  destination: '/data',
  mode: 'z',
  rw: true,
  propagation: '',
});

describe('deriveState', () => {
  it('a brand-new anonymous volume starts as created, not dangling', () => {
    expect(
      deriveState({ kind: 'anonymous', exists: true, uses: [], everUsed: false, fresh: true }),
    ).toBe('created');
    expect(
      deriveState({
        kind: 'anonymous',
        exists: true,
        uses: [use('created')],
        everUsed: true,
        fresh: true,
      }),
    ).toBe('attached');
    expect(
      deriveState({ kind: 'anonymous', exists: true, uses: [use('running')], everUsed: true }),
    ).toBe('mounted');
  });

  it('an anonymous volume found without containers, or left by one, is dangling', () => {
    expect(
      deriveState({ kind: 'anonymous', exists: true, uses: [], everUsed: false, fresh: false }),
    ).toBe('dangling');
    expect(
      deriveState({ kind: 'anonymous', exists: true, uses: [], everUsed: true, fresh: true }),
    ).toBe('dangling');
  });

  it('named volumes: created until used, dangling after, removed when gone', () => {
    expect(deriveState({ kind: 'named', exists: true, uses: [], everUsed: false })).toBe('created');
    expect(
      deriveState({ kind: 'named', exists: true, uses: [use('exited')], everUsed: true }),
    ).toBe('unmounted');
    expect(deriveState({ kind: 'named', exists: true, uses: [], everUsed: true })).toBe('dangling');
    expect(deriveState({ kind: 'named', exists: false, uses: [], everUsed: true })).toBe('removed');
  });
});
