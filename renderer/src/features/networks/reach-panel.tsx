import type { NetworkItem } from '@contract';
import { useQuery } from '../../api';

/**
 * Who can reach whom: for the chosen container, the containers sharing a network with it and
 * the names they can use (name and aliases on user-defined networks; only the IP on the
 * default bridge).
 */
export function ReachPanel({
  network,
  container,
  onPick,
}: {
  network: NetworkItem;
  container: string | undefined;
  onPick: (container: string) => void;
}) {
  const running = network.endpoints.filter((e) => e.running);
  const chosen = container ?? running[0]?.containerId;
  const query = useQuery(
    'networks.reach',
    chosen ? { container: chosen } : null,
    { invalidateOn: ['networks.changed'] },
  );
  if (!running.length)
    return (
      <div className="net-empty">
        Nobody is running on {network.name}, so nobody reaches anybody here.
      </div>
    );
  const result = query.data;
  return (
    <div className="net-reach">
      <label className="net-reach-pick">
        Who can reach
        <select
          className="input"
          value={chosen}
          onChange={(e) => onPick(e.target.value)}
          aria-label="Container"
        >
          {running.map((e) => (
            <option key={e.containerId} value={e.containerId}>
              {e.containerName}
            </option>
          ))}
        </select>
        ?
      </label>
      {query.error && <div className="net-empty">{query.error.message}</div>}
      {result && (
        <>
          {result.routes.length === 0 && (
            <div className="net-empty">
              Nobody: no other running container shares a network with {result.containerName}.
            </div>
          )}
          <ul className="net-routes">
            {result.routes.map((r) => (
              <li key={`${r.networkId}:${r.peerId}`} className="net-route" data-peer={r.peerName}>
                <div className="net-route-line">
                  <strong>{r.peerName}</strong>
                  <span className="net-route-arrow" aria-hidden>
                    ──{r.networkName}──▶
                  </span>
                  <strong>{result.containerName}</strong>
                </div>
                <div className="net-route-names">
                  {r.names.length ? (
                    r.names.map((n) => <code key={n}>{n}</code>)
                  ) : r.ip ? (
                    <code className="is-ip">{r.ip}</code>
                  ) : (
                    <code>localhost</code>
                  )}
                </div>
                <div className="muted small">{r.explanation}</div>
              </li>
            ))}
          </ul>
          {result.notes.map((n) => (
            <p key={n} className="muted small net-reach-note">
              {n}
            </p>
          ))}
        </>
      )}
    </div>
  );
}
