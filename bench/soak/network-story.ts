import type { NetworkLineageEntry } from '../../main/contract/networks';

/**
 * Checks the networks' story across a blackout. Networks that appeared or went while Berth was
 * cut off (the daemon restarted, so no event of theirs was ever delivered) can only be known
 * through the reconcile Berth runs when it reconnects, so their `created` / `… → removed` entries
 * must be marked `reconciled`. A story that says Berth saw them change live (an unmarked entry
 * written when some unrelated later event made it re-list) means the reconcile did not run.
 * `knownBefore`: live networks (id → name) in Berth's view while it was cut off, before the
 * daemon restarted; `dockerAfter`: networks (id → name) `docker` has after the reconnect;
 * `story`: network lineage entries written since `knownBefore` was taken. Returns what is wrong.
 */
export function unreconciledNetworkChanges(
  knownBefore: ReadonlyMap<string, string>,
  dockerAfter: ReadonlyMap<string, string>,
  story: readonly NetworkLineageEntry[],
): string[] {
  const problems: string[] = [];
  const check = (id: string, name: string, change: 'created' | 'removed') => {
    const entry = story.find(
      (e) =>
        e.networkId === id &&
        e.type === 'state' &&
        (change === 'created' ? e.action === 'created' : e.to === 'removed'),
    );
    if (!entry)
      problems.push(`network story: ${name} ${change} while Berth was away, no '${change}' entry`);
    else if (!entry.reconciled)
      problems.push(
        `network story: ${name} ${change} while Berth was away, but its '${entry.action}' entry says it was seen live, not found by the reconnect's reconcile`,
      );
  };
  for (const [id, name] of dockerAfter) if (!knownBefore.has(id)) check(id, name, 'created');
  for (const [id, name] of knownBefore) if (!dockerAfter.has(id)) check(id, name, 'removed');
  return problems;
}
