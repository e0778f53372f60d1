import { useState } from 'react';
import type { NetworkItem } from '@contract';
import { CloseIcon } from '../../ui/icons';
import { formatRelativeTime } from '../../ui/format-time';
import { onTabListKeyDown } from '../../ui/tab-keys';
import { EndpointsTable } from './endpoints-table';
import { driverLabel, STATE_LABEL, stateHint } from './network-labels';
import { NetworkStory } from './network-story';
import { ReachPanel } from './reach-panel';

type Tab = 'endpoints' | 'reach' | 'story' | 'settings';
const TAB_LABEL: Record<Tab, string> = {
  endpoints: 'Endpoints',
  reach: 'Who can reach whom',
  story: 'Story',
  settings: 'Settings',
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="net-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One network: what it is in plain words, its endpoints, who reaches whom, and its story. */
export function NetworkDetail({
  network,
  onClose,
  reachFor,
  onReach,
}: {
  network: NetworkItem;
  onClose: () => void;
  reachFor: string | undefined;
  onReach: (container: string) => void;
}) {
  const [tab, setTab] = useState<Tab>(network.state === 'removed' ? 'story' : 'endpoints');
  const shown: Tab = reachFor && tab === 'endpoints' ? 'reach' : tab;
  const gateway = network.subnets
    .map((s) => s.gateway)
    .filter(Boolean)
    .join(', ');
  return (
    <aside
      className="net-detail"
      aria-label={`Network ${network.name}`}
      data-testid="network-detail"
    >
      <header className="net-detail-head">
        <div>
          <h3>{network.name}</h3>
          <div className="net-detail-sub">
            <span className={`net-state state-${network.state}`} title={stateHint(network)}>
              {STATE_LABEL[network.state]}
            </span>
            <span>{driverLabel(network)}</span>
            <span className="mono faint" title={network.id}>
              {network.id.slice(0, 12)}
            </span>
            {network.createdAt && (
              <span className="faint">created {formatRelativeTime(network.createdAt)}</span>
            )}
          </div>
        </div>
        <button
          type="button"
          className="icon-btn"
          onClick={onClose}
          aria-label="Close network detail"
        >
          <CloseIcon />
        </button>
      </header>
      <p className="net-plain">{network.driverExplanation}</p>
      <div className={`net-dns ${network.dns.byName ? 'is-yes' : 'is-no'}`} data-testid="dns-line">
        <strong>Names resolve?</strong> {network.dns.explanation}
      </div>
      <dl className="net-facts">
        <Fact label="Subnet">{network.subnets.map((s) => s.subnet).join(', ') || '—'}</Fact>
        <Fact label="Gateway">{gateway || '—'}</Fact>
        <Fact label="IPv6">{network.ipv6 ? 'enabled' : 'off'}</Fact>
        <Fact label="Internal">{network.internal ? 'yes: no route out' : 'no'}</Fact>
      </dl>
      <nav
        className="net-tabs"
        role="tablist"
        aria-label="Network detail"
        onKeyDown={onTabListKeyDown}
      >
        {(['endpoints', 'reach', 'story', 'settings'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={shown === t}
            tabIndex={shown === t ? 0 : -1}
            className="net-tab"
            data-tab={t}
            onClick={() => {
              setTab(t);
              if (t !== 'reach' && reachFor) onReach('');
            }}
          >
            {TAB_LABEL[t]}
            {t === 'endpoints' && (
              <span className="net-group-count">{network.endpoints.length}</span>
            )}
          </button>
        ))}
      </nav>
      <div className="net-tab-body" role="tabpanel">
        {shown === 'endpoints' && (
          <EndpointsTable
            network={network}
            onReach={(c) => {
              onReach(c);
              setTab('reach');
            }}
          />
        )}
        {shown === 'reach' && (
          <ReachPanel network={network} container={reachFor || undefined} onPick={onReach} />
        )}
        {shown === 'story' && <NetworkStory name={network.name} currentId={network.id} />}
        {shown === 'settings' && (
          <dl className="net-facts net-facts-wide">
            <Fact label="Driver">{network.driver}</Fact>
            <Fact label="Scope">{network.scope}</Fact>
            <Fact label="Attachable">{network.attachable ? 'yes' : 'no'}</Fact>
            {Object.entries(network.labels).map(([k, v]) => (
              <Fact key={`l-${k}`} label={`label ${k}`}>
                <span className="mono">{v}</span>
              </Fact>
            ))}
            {Object.entries(network.options).map(([k, v]) => (
              <Fact key={`o-${k}`} label={k.replace('com.docker.network.', '')}>
                <span className="mono">{v}</span>
              </Fact>
            ))}
          </dl>
        )}
      </div>
    </aside>
  );
}
