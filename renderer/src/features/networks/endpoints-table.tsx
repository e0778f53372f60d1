import type { NetworkItem } from '@contract';
import { formatPort } from './network-labels';

/** Every container on the network: IP, MAC, aliases and DNS names, published ports. */
export function EndpointsTable({
  network,
  onReach,
}: {
  network: NetworkItem;
  onReach: (container: string) => void;
}) {
  if (!network.endpoints.length)
    return (
      <div className="net-empty">
        No container is connected.{' '}
        {network.state !== 'removed' && network.driver !== 'null' && network.driver !== 'host' && (
          <>
            Try{' '}
            <code>docker run -d --network {network.name} berth-busybox:1.36-local sleep 300</code>.
          </>
        )}
      </div>
    );
  return (
    <table className="net-table" aria-label={`Endpoints of ${network.name}`}>
      <thead>
        <tr>
          <th>Container</th>
          <th>Address</th>
          <th>Names on this network</th>
          <th>Published</th>
        </tr>
      </thead>
      <tbody>
        {network.endpoints.map((e) => (
          <tr
            key={e.containerId}
            className={e.running ? '' : 'is-stopped'}
            data-endpoint={e.containerName}
          >
            <td>
              <button
                type="button"
                className="net-link"
                onClick={() => onReach(e.containerId)}
                title="Who can reach this container?"
              >
                {e.containerName}
              </button>
              <div className="faint small">{e.running ? 'running' : e.containerState}</div>
            </td>
            <td className="mono small">
              {e.ipv4 || (network.driver === 'host' ? 'host’s own' : '—')}
              {e.ipv6 && <div>{e.ipv6}</div>}
              {e.mac && <div className="faint">{e.mac}</div>}
            </td>
            <td className="small">
              {e.dnsNames.length ? (
                <span className="net-names">
                  {e.dnsNames.map((n) => (
                    <code
                      key={n}
                      className={e.aliases.includes(n) ? 'is-alias' : ''}
                      title={e.aliases.includes(n) ? 'network alias' : undefined}
                    >
                      {n}
                    </code>
                  ))}
                </span>
              ) : (
                <span className="faint">{e.running ? 'IP only (no DNS here)' : 'not running'}</span>
              )}
            </td>
            <td className="mono small">
              {e.ports.length ? (
                e.ports.map((p) => (
                  <div key={`${p.hostIp}:${p.hostPort}/${p.proto}`}>{formatPort(p)}</div>
                ))
              ) : (
                <span className="faint">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
