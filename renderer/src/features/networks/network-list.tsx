import type { NetworkItem } from '@contract';
import { groupByDriver, STATE_LABEL, stateHint } from './network-labels';

function NetworkRow({
  network,
  selected,
  onSelect,
}: {
  network: NetworkItem;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const running = network.endpoints.filter((e) => e.running).length;
  const subnet = network.subnets.map((s) => s.subnet).join(', ');
  return (
    <li>
      <button
        type="button"
        className={`net-row state-${network.state}${selected ? ' is-selected' : ''}`}
        data-state={network.state}
        aria-pressed={selected}
        data-network={network.name}
        data-endpoints={network.endpoints.length}
        onClick={() => onSelect(network.id)}
      >
        <span className="net-row-main">
          <span className="net-row-name">
            {network.name}
            {network.berthOwner && (
              <span className="net-chip" title={`Created by Berth (${network.berthOwner})`}>
                berth
              </span>
            )}
            {network.internal && (
              <span className="net-chip tone-warn" title="Internal: no route out of the network">
                internal
              </span>
            )}
          </span>
          <span className="net-row-meta mono">
            {subnet ||
              (network.driver === 'host'
                ? 'engine host interfaces'
                : network.driver === 'null'
                  ? 'loopback only'
                  : 'no subnet')}
            {network.ipv6 && ' · IPv6'}
          </span>
        </span>
        <span className="net-row-side">
          <span className={`net-state state-${network.state}`} title={stateHint(network)}>
            {STATE_LABEL[network.state]}
          </span>
          <span className="net-row-counts" title={`${running} running container(s) connected`}>
            {running} ⇄ · {network.dns.byName ? 'DNS' : 'no DNS'}
          </span>
        </span>
      </button>
    </li>
  );
}

/** Networks grouped by driver: default bridge, user-defined bridges, host, none, macvlan… */
export function NetworkList({
  networks,
  selectedId,
  onSelect,
}: {
  networks: NetworkItem[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  return (
    <div className="net-list" aria-label="Networks by driver">
      {groupByDriver(networks).map((group) => (
        <section key={group.label} className="net-group" data-group={group.label}>
          <h3 className="net-group-title">
            {group.label}
            <span className="net-group-count">{group.networks.length}</span>
          </h3>
          <ul className="net-rows">
            {group.networks.map((n) => (
              <NetworkRow
                key={n.id}
                network={n}
                selected={n.id === selectedId}
                onSelect={onSelect}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
