import type { NetworkLineageEntry } from '@contract';
import { useQuery } from '../../api';
import { STATE_LABEL } from './network-labels';

/**
 * The story of a network name: created, in use, connected/disconnected, unused, removed — for
 * every network that had this name, so a recreated network shows both lives.
 */
export function NetworkStory({ name, currentId }: { name: string; currentId: string }) {
  const query = useQuery(
    'networks.lineage',
    { network: name, limit: 500 },
    { invalidateOn: ['networks.changed'] },
  );
  const entries = query.data?.entries;
  if (!entries)
    return (
      <div className="net-empty">{query.error ? query.error.message : 'Loading the story…'}</div>
    );
  if (!entries.length)
    return <div className="net-empty">No story yet: Berth records what happens from now on.</div>;
  const ids = [...new Set(entries.map((e) => e.networkId))];
  return (
    <ol className="net-story" aria-label={`Story of ${name}`}>
      {[...entries].reverse().map((e: NetworkLineageEntry) => (
        <li
          key={e.seq}
          className={`net-story-entry type-${e.type}${e.to ? ` to-${e.to}` : ''}`}
          data-action={e.action}
        >
          <span className="net-story-dot" />
          <div>
            <div className="net-story-action">
              {e.type === 'state' ? (
                e.from ? (
                  <>
                    {STATE_LABEL[e.from]} → <strong>{e.to ? STATE_LABEL[e.to] : ''}</strong>
                  </>
                ) : (
                  <strong>network created</strong>
                )
              ) : (
                <>
                  <strong>{e.containerName}</strong> {e.action}
                  {e.ipv4 && <span className="mono faint"> · {e.ipv4}</span>}
                </>
              )}
              {e.reconciled && (
                <span
                  className="faint small"
                  title="Found by listing after (re)connecting, not from a live event"
                >
                  {' '}
                  · found on reconnect
                </span>
              )}
            </div>
            <div className="faint small">
              {new Date(e.at).toLocaleTimeString()}
              {ids.length > 1 && (
                <span className="mono" title={e.networkId}>
                  {' '}
                  · id {e.networkId.slice(0, 12)}
                  {e.networkId === currentId ? ' (this one)' : ' (an earlier network of this name)'}
                </span>
              )}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
