import type { NetworkSummary } from '@contract';
import { CliLine } from '../../ui/cli-line';
import { formatRelativeTime } from '../../ui/format-time';
import { DetailPanel } from './detail-panel';
import { OwnerBadge } from './owner-badge';

const DRIVER_NOTE: Record<string, string> = {
  bridge:
    'a private virtual switch on this host; containers on it reach each other, the host NATs them out',
  host: "containers share the host's network stack: no isolation, no port mapping",
  null: 'no network at all except loopback',
  overlay: 'spans several Docker hosts (swarm)',
  macvlan: 'containers appear as their own devices on the physical network',
};

/** A network in brief, shown when the networking view is not there to open it. */
export function NetworkDetailPanel({
  network,
  onClose,
}: {
  network: NetworkSummary;
  onClose: () => void;
}) {
  return (
    <DetailPanel
      label="Network details"
      title={<span className="mono">{network.name}</span>}
      badges={
        <>
          {network.builtIn && <span className="badge">built-in</span>}
          <OwnerBadge owner={network.berthOwner} />
        </>
      }
      onClose={onClose}
    >
      <dl className="kv rb-kv">
        <dt>Driver</dt>
        <dd>
          {network.driver}
          {DRIVER_NOTE[network.driver] && (
            <div className="faint small">{DRIVER_NOTE[network.driver]}</div>
          )}
        </dd>
        <dt>Scope</dt>
        <dd>{network.scope}</dd>
        <dt>Subnets</dt>
        <dd className="mono">{network.subnets.join(', ') || '—'}</dd>
        {network.createdAt && (
          <>
            <dt>Created</dt>
            <dd>{formatRelativeTime(network.createdAt)}</dd>
          </>
        )}
        <dt>Containers</dt>
        <dd>
          {network.containers.length ? (
            <ul className="rb-plain-list">
              {network.containers.map((c) => (
                <li key={c.id}>
                  <span className="mono">{c.name}</span>{' '}
                  <span className="faint mono">{c.ipv4}</span>
                </li>
              ))}
            </ul>
          ) : (
            <span className="faint">none attached</span>
          )}
        </dd>
      </dl>
      <div className="rb-cli-list">
        <CliLine label="Inspect" command={`docker network inspect ${network.name}`} />
        {!network.builtIn && (
          <CliLine label="Remove" command={`docker network rm ${network.name}`} />
        )}
      </div>
    </DetailPanel>
  );
}
