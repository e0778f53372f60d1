import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { getApi, useQuery } from '../../api';
import { runCommand } from '../commands';
import { AlertIcon } from '../../ui/icons';
import { RefreshNotice } from '../../ui/refresh-notice';
import { useDockerStatus } from '../../api/use-docker-status';
import { EventsPanel } from './events-panel';
import { PruneDialog } from './prune-dialog';
import { StorageDetail } from './storage-detail';
import { FilterBar } from './filter-bar';
import { StorageLanes } from './storage-lanes';
import {
  defaultFilter,
  matchesFilter,
  matchesNetworkFilter,
  type StorageFilter,
} from './storage-filters';
import { useDemoHighlight } from './use-demo-highlight';
import { useStorageModel } from './use-storage-model';
import { onVolumeReveal, takeVolumeReveal } from './reveal-store';
import { useClearedRemoved } from './use-cleared-removed';
import './volumes.css';

// React Flow loads with the first graph shown, not with the Storage tab.
const StorageGraph = lazy(() => import('./storage-graph').then((m) => ({ default: m.StorageGraph })));

type ViewMode = 'lanes' | 'graph' | 'events';

/**
 * The right pane's Storage view: every volume, bind and tmpfs mount with its lifecycle state,
 * live; lanes per kind or a graph of containers, volumes and host paths; the raw events; the
 * detail of the selected item. While Docker is away the last state stays, marked stale.
 */
export function StorageView() {
  const model = useStorageModel();
  const demo = useDemoHighlight();
  const status = useDockerStatus();
  const [filter, setFilter] = useState<StorageFilter>(defaultFilter);
  const [mode, setMode] = useState<ViewMode>('lanes');
  const [selectedId, setSelectedId] = useState<string | undefined>(() => {
    const revealed = takeVolumeReveal();
    return revealed ? `volume:${revealed}` : undefined;
  });
  // `volumes.reveal` (e.g. from the Docker tab) selects a volume and shows its detail.
  useEffect(
    () =>
      onVolumeReveal((name) => {
        takeVolumeReveal();
        setSelectedId(`volume:${name}`);
        setMode((m) => (m === 'events' ? 'lanes' : m));
      }),
    [],
  );
  const [pruning, setPruning] = useState(false);
  const [sizing, setSizing] = useState(false);
  const [sizeError, setSizeError] = useState<string>();

  const cleared = useClearedRemoved();
  const listed = useMemo(
    () => model.items.filter((i) => !cleared.isCleared(i)),
    [model.items, cleared],
  );
  const visible = useMemo(() => listed.filter((i) => matchesFilter(i, filter)), [listed, filter]);
  // The graph draws networks too: the networks contract is their truth, its event invalidates.
  const networkQuery = useQuery(
    'networks.snapshot',
    {},
    { invalidateOn: ['networks.changed'], enabled: mode === 'graph' && filter.networks },
  );
  const networks = useMemo(
    () => (networkQuery.data?.networks ?? []).filter((n) => matchesNetworkFilter(n, filter)),
    [networkQuery.data, filter],
  );
  const selected = model.items.find((i) => i.id === selectedId);
  const connected = status?.state === 'connected';
  const stale = model.stale || (status !== undefined && !connected);
  const counts = useMemo(() => {
    let live = 0;
    let dangling = 0;
    let removed = 0;
    for (const i of listed) {
      if (i.state !== 'removed') live++;
      else removed++;
      if ((i.state === 'dangling' || i.state === 'created') && i.volume) dangling++;
    }
    return { live, dangling, removed };
  }, [listed]);

  const loadSizes = () => {
    setSizing(true);
    setSizeError(undefined);
    getApi()
      .call('volumes.sizes', {})
      .catch((error: unknown) =>
        setSizeError(error instanceof Error ? error.message : String(error)),
      )
      .finally(() => setSizing(false));
  };

  return (
    <div className={`storage-view${stale ? ' is-stale' : ''}`} aria-label="Storage">
      <div className="storage-header">
        <div className="storage-title">
          <h2>Storage</h2>
          <span
            className="badge"
            data-testid="live-count"
            title="Volumes and mounts that exist now"
          >
            {counts.live}
          </span>
          {stale && (
            <span
              className="badge badge-warn"
              data-testid="stale-badge"
              title="Docker is unreachable; this is the last known state"
            >
              stale
            </span>
          )}
        </div>
        <div className="storage-actions">
          {counts.removed > 0 && (
            <button
              className="btn btn-sm btn-ghost"
              onClick={cleared.clear}
              title="Hide what is gone from the lists; its history stays"
              data-testid="clear-removed"
            >
              Clear removed<span className="count-pill">{counts.removed}</span>
            </button>
          )}
          <button
            className="btn btn-sm btn-ghost"
            onClick={loadSizes}
            disabled={!connected || sizing}
            title="Ask Docker for the disk usage of every volume"
          >
            {sizing ? 'Measuring…' : 'Sizes'}
          </button>
          <button
            className="btn btn-sm"
            onClick={() => setPruning(true)}
            disabled={!connected}
            data-testid="open-prune"
          >
            Prune…{counts.dangling > 0 && <span className="count-pill">{counts.dangling}</span>}
          </button>
        </div>
      </div>
      {!connected && status && (
        <div
          className="inline-alert tone-danger storage-banner"
          role="status"
          data-testid="disconnected-banner"
        >
          <AlertIcon size={15} />
          <div>
            <strong>Docker is disconnected: {status.message}</strong>
            <div className="muted">
              Showing the last known state.
              {model.reconciledAt
                ? ` Last matched Docker at ${new Date(model.reconciledAt).toLocaleTimeString()}.`
                : ''}{' '}
              Berth reconnects by itself.
            </div>
          </div>
        </div>
      )}
      {connected && <RefreshNotice notice={model.refreshNotice} />}
      {sizeError && (
        <div className="inline-alert tone-danger storage-banner" role="alert">
          {sizeError}
        </div>
      )}
      {model.error && !model.loaded && (
        <div className="inline-alert tone-danger storage-banner" role="alert">
          {model.error}
        </div>
      )}
      <nav className="segmented" role="tablist" aria-label="Storage views">
        {(['lanes', 'graph', 'events'] as const).map((m) => (
          <button
            key={m}
            role="tab"
            aria-selected={mode === m}
            className="segment"
            onClick={() => setMode(m)}
            data-mode={m}
          >
            {m === 'lanes' ? 'Lanes' : m === 'graph' ? 'Graph' : 'Events'}
            {m === 'events' && model.missedWhileDisconnected > 0 && (
              <span
                className="count-pill warn"
                title="Events that happened while Berth was disconnected"
              >
                {model.missedWhileDisconnected} missed
              </span>
            )}
          </button>
        ))}
      </nav>
      {mode !== 'events' && (
        <FilterBar
          filter={filter}
          onChange={setFilter}
          shown={visible.length}
          total={listed.length}
          withNetworks={mode === 'graph'}
        />
      )}
      <div className={`storage-body${selected && mode !== 'events' ? ' has-detail' : ''}`}>
        <div className="storage-main">
          {demo.highlight && (
            <div className="demo-highlight-banner" role="status" data-run={demo.highlight.runId}>
              <span className="storage-demo-chip">demo</span>
              {demo.highlight.running ? 'Running' : 'Ran'} “{demo.highlight.title}”: its volumes and
              mounts are marked below.
            </div>
          )}
          {mode === 'lanes' &&
            (visible.length === 0 && model.loaded ? (
              <div className="empty-state">
                <strong>
                  {listed.length ? 'Nothing matches these filters' : 'No volumes or mounts yet'}
                </strong>
                <span>
                  Try <code>docker volume create demo</code> or <code>docker run -v /data …</code> —
                  it appears here at once.
                </span>
              </div>
            ) : (
              <StorageLanes
                items={visible}
                history={model.history}
                selectedId={selectedId}
                onSelect={setSelectedId}
                isDemoItem={demo.touches}
              />
            ))}
          {mode === 'graph' && (
            <Suspense fallback={<p className="pane-loading" role="status">Loading the graph…</p>}>
              <StorageGraph
                items={visible}
                networks={filter.networks ? networks : []}
                selectedId={selectedId}
                onSelect={setSelectedId}
                onOpenNetwork={(id) => void runCommand('networks.reveal', id)}
              />
            </Suspense>
          )}
          {mode === 'events' && (
            <EventsPanel events={model.events} missed={model.missedWhileDisconnected} />
          )}
        </div>
        {selected && mode !== 'events' && (
          <StorageDetail
            item={selected}
            lineageTick={model.lineageTick}
            connected={connected}
            onClose={() => setSelectedId(undefined)}
          />
        )}
      </div>
      {pruning && <PruneDialog onClose={() => setPruning(false)} />}
    </div>
  );
}
