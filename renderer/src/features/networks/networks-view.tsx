import { useEffect, useMemo, useState } from 'react';
import { useDockerStatus } from '../../api/use-docker-status';
import { AlertIcon } from '../../ui/icons';
import { RefreshNotice } from '../../ui/refresh-notice';
import { onTabListKeyDown } from '../../ui/tab-keys';
import { HostSidePanel } from './host-side-panel';
import { NetworkDetail } from './network-detail';
import { NetworkGraph } from './network-graph';
import { NetworkList } from './network-list';
import { onReveal, takeReveal } from './reveal-store';
import { useNetworks } from './use-networks';
import './networks.css';

type Mode = 'networks' | 'graph' | 'host';

/**
 * The right pane's Networks view: every network by driver with its state, subnet and whether
 * names resolve; the selected one's endpoints, who can reach whom and its story; and the engine
 * host's bridges and veth pairs. Live from Docker's events; stale while Docker is away.
 */
export function NetworksView() {
  const query = useNetworks();
  const status = useDockerStatus();
  const [mode, setMode] = useState<Mode>('networks');
  const [selectedId, setSelectedId] = useState<string>();
  const [reachFor, setReachFor] = useState<string>();
  const [wanted, setWanted] = useState<string | undefined>(() => takeReveal());
  const [showRemoved, setShowRemoved] = useState(false);
  useEffect(() => onReveal((ref) => setWanted(takeReveal() ?? ref)), []);

  const snapshot = query.data;
  const networks = snapshot?.networks;
  useEffect(() => {
    if (!wanted || !networks) return;
    const found =
      networks.find((n) => n.id === wanted && n.state !== 'removed') ??
      networks.find((n) => n.name === wanted && n.state !== 'removed') ??
      networks.find((n) => n.id.startsWith(wanted) || n.name === wanted);
    if (found) {
      setMode((m) => (m === 'host' ? 'networks' : m));
      setSelectedId(found.id);
      setReachFor(undefined);
      if (found.state === 'removed') setShowRemoved(true);
    }
    setWanted(undefined);
  }, [wanted, networks]);

  const live = useMemo(() => (networks ?? []).filter((n) => n.state !== 'removed'), [networks]);
  const removedCount = (networks?.length ?? 0) - live.length;
  const listed = showRemoved ? (networks ?? []) : live;
  const selected = networks?.find((n) => n.id === selectedId);
  const connected = status?.state === 'connected';
  const stale = Boolean(snapshot?.stale) || (status !== undefined && !connected);
  const select = (id: string) => {
    setSelectedId(id === selectedId ? undefined : id);
    setReachFor(undefined);
  };

  return (
    <div className={`net-view${stale ? ' is-stale' : ''}`} aria-label="Networks">
      <div className="net-header">
        <div className="net-title">
          <h2>Networks</h2>
          <span className="badge" data-testid="network-count" title="Networks that exist now">
            {live.length}
          </span>
          {stale && (
            <span
              className="badge badge-warn"
              title="Docker is unreachable; this is the last known state"
            >
              stale
            </span>
          )}
        </div>
        <nav
          className="net-segmented"
          role="tablist"
          aria-label="Network views"
          onKeyDown={onTabListKeyDown}
        >
          {(['networks', 'graph', 'host'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              tabIndex={mode === m ? 0 : -1}
              className="net-segment"
              onClick={() => setMode(m)}
              data-mode={m}
            >
              {m === 'networks' ? 'Networks' : m === 'graph' ? 'Graph' : 'Host side'}
            </button>
          ))}
        </nav>
      </div>
      {!connected && status && (
        <div className="net-banner" role="status">
          <AlertIcon size={15} />
          <span>
            <strong>Docker is disconnected:</strong> {status.message} Showing the last known state
            {snapshot?.reconciledAt
              ? ` (matched Docker at ${new Date(snapshot.reconciledAt).toLocaleTimeString()})`
              : ''}
            .
          </span>
        </div>
      )}
      {connected && <RefreshNotice notice={snapshot?.refreshNotice} />}
      {query.error && !snapshot && (
        <div className="net-banner tone-danger" role="alert">
          {query.error.message}
        </div>
      )}
      {mode === 'host' ? (
        <HostSidePanel connected={connected} />
      ) : (
        <div className={`net-body${selected ? ' has-detail' : ''}`}>
          <div className={mode === 'graph' ? 'net-graph-wrap' : 'net-list-wrap'}>
            {mode === 'graph' ? (
              <NetworkGraph networks={listed} selectedId={selectedId} onSelect={select} />
            ) : (
              <NetworkList networks={listed} selectedId={selectedId} onSelect={select} />
            )}
            {removedCount > 0 && (
              <button
                type="button"
                className="btn btn-sm btn-ghost net-removed-toggle"
                onClick={() => setShowRemoved((v) => !v)}
              >
                {showRemoved ? 'Hide' : 'Show'} {removedCount} removed network
                {removedCount === 1 ? '' : 's'} and their stories
              </button>
            )}
          </div>
          {selected && (
            <NetworkDetail
              key={selected.id}
              network={selected}
              onClose={() => setSelectedId(undefined)}
              reachFor={reachFor}
              onReach={(c) => setReachFor(c || undefined)}
            />
          )}
        </div>
      )}
    </div>
  );
}
