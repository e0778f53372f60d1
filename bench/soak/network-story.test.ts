import { describe, expect, it } from 'vitest';
import type { NetworkLineageEntry } from '../../main/contract/networks';
import { unreconciledNetworkChanges } from './network-story';

let seq = 0;
const entry = (
  networkId: string,
  action: string,
  extra: Partial<NetworkLineageEntry> = {},
): NetworkLineageEntry => ({
  seq: ++seq,
  at: 1,
  networkId,
  networkName: `name-${networkId}`,
  type: 'state',
  action,
  ...extra,
});

const before = new Map([
  ['bridge', 'bridge'],
  ['old', 'soak-n-old'],
]);
const after = new Map([
  ['bridge', 'bridge'],
  ['new', 'soak-n-new'],
]);

describe('unreconciledNetworkChanges', () => {
  it('accepts a story where both the appeared and the removed network were found by reconcile', () => {
    const story = [
      entry('new', 'created', { to: 'created', reconciled: true }),
      entry('old', 'unused → removed', { from: 'unused', to: 'removed', reconciled: true }),
    ];
    expect(unreconciledNetworkChanges(before, after, story)).toEqual([]);
  });

  it('flags changes the story claims were seen live', () => {
    const story = [
      entry('new', 'created', { to: 'created' }),
      entry('old', 'unused → removed', { from: 'unused', to: 'removed' }),
    ];
    const problems = unreconciledNetworkChanges(before, after, story);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('soak-n-new created');
    expect(problems[0]).toContain('seen live');
    expect(problems[1]).toContain('soak-n-old removed');
  });

  it('flags a change with no entry at all, and ignores endpoint entries', () => {
    const story = [
      entry('new', 'connected', { type: 'endpoint', reconciled: true }),
      entry('old', 'unused → removed', { to: 'removed', reconciled: true }),
    ];
    expect(unreconciledNetworkChanges(before, after, story)).toEqual([
      "network story: soak-n-new created while Berth was away, no 'created' entry",
    ]);
  });

  it('has nothing to check when no network came or went', () => {
    expect(unreconciledNetworkChanges(after, after, [])).toEqual([]);
  });
});
