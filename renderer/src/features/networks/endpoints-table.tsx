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
    <ul className="net-endpoints" aria-label={`Endpoints of ${network.name}`}>
      {network.endpoints.map((e) => (
        <li
          key={e.containerId}
          className={`net-endpoint${e.running ? '' : ' is-stopped'}`}
          data-endpoint={e.containerName}
        >
          <div className="net-endpoint-head">
            <button
              type="button"
              className="net-link"
              onClick={() => onReach(e.containerId)}
              title="Who can reach this container?"
            >
              {e.containerName}
            </button>
            <span className="faint small">{e.running ? 'running' : e.containerState}</span>
            <span className="net-endpoint-addr mono small">
              {e.ipv4 || (network.driver === 'host' ? 'uses the host’s addresses' : 'no address')}
              {e.ipv6 && ` · ${e.ipv6}`}
              {e.mac && <span className="faint"> · {e.mac}</span>}
            </span>
          </div>
          <div className="net-endpoint-line small">
            <span className="net-endpoint-label">names</span>
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
              <span className="faint">
                {e.running ? 'none: reach it by IP (no DNS on this network)' : 'not running'}
              </span>
            )}
          </div>
          {e.ports.length > 0 && (
            <div className="net-endpoint-line small">
              <span className="net-endpoint-label">published</span>
              <span className="mono">
                {e.ports.map((p) => (
                  <span key={`${p.hostIp}:${p.hostPort}/${p.proto}`} className="net-port">
                    {formatPort(p)}
                  </span>
                ))}
              </span>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
