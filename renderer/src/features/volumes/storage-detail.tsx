import { useEffect, useState } from 'react';
import type { StorageItem } from '@contract';
import { getApi } from '../../api';
import { formatRelativeTime } from '../../ui/format-time';
import { ContentBrowser } from './content-browser';
import { displayName, formatBytes } from './storage-filters';
import { KIND_LABEL, KindIcon, StateBadge } from './state-badge';
import { StorageHistory } from './storage-history';

type Tab = 'overview' | 'history' | 'files' | 'cli';

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      className="btn btn-sm btn-ghost"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        );
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

function Commands({ name }: { name: string }) {
  const [commands, setCommands] = useState<{ recreate: string; remove: string; inspect: string }>();
  useEffect(() => {
    getApi()
      .call('volumes.commands', { name })
      .then(setCommands, () => setCommands(undefined));
  }, [name]);
  if (!commands) return null;
  return (
    <div className="cli-list">
      {(['recreate', 'inspect', 'remove'] as const).map((k) => (
        <div key={k} className="cli-item">
          <div className="cli-label">
            {k === 'recreate' ? 'Recreate' : k === 'remove' ? 'Remove' : 'Inspect'}
          </div>
          <pre className="cli-code" data-cli={k}>
            {commands[k]}
          </pre>
          <CopyButton text={commands[k]} />
        </div>
      ))}
    </div>
  );
}

/** Everything about one storage item: data, users, history, files, CLI commands and actions. */
export function StorageDetail({
  item,
  lineageTick,
  connected,
  onClose,
}: {
  item: StorageItem;
  lineageTick: number;
  connected: boolean;
  onClose: () => void;
}) {
  const isVolume = item.kind === 'named' || item.kind === 'anonymous';
  const [tab, setTab] = useState<Tab>('overview');
  const [message, setMessage] = useState<{ tone: 'ok' | 'danger'; text: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setMessage(undefined), [item.id]);
  const tabs: Tab[] = isVolume ? ['overview', 'history', 'files', 'cli'] : ['overview', 'history'];
  const current = tabs.includes(tab) ? tab : 'overview';

  const remove = () => {
    setBusy(true);
    getApi()
      .call('volumes.remove', { name: item.name })
      .then(() => setMessage({ tone: 'ok', text: `Removed ${displayName(item)}.` }))
      .catch((error: unknown) =>
        setMessage({
          tone: 'danger',
          text: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => setBusy(false));
  };

  const v = item.volume;
  return (
    <section
      className="storage-detail"
      aria-label={`Details of ${item.name}`}
      data-detail={item.id}
    >
      <header className="detail-header">
        <KindIcon kind={item.kind} size={18} />
        <div className="detail-title">
          <strong className="mono" title={item.name}>
            {displayName(item)}
          </strong>
          <span className="faint small">{KIND_LABEL[item.kind].replace(/s$/, '')}</span>
        </div>
        <StateBadge state={item.state} />
        <button className="icon-btn" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </header>
      <nav className="detail-tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t}
            role="tab"
            aria-selected={current === t}
            className="detail-tab"
            onClick={() => setTab(t)}
            data-detail-tab={t}
          >
            {t === 'cli' ? 'CLI' : t[0]!.toUpperCase() + t.slice(1)}
          </button>
        ))}
      </nav>
      <div className="detail-body">
        {message && (
          <div className={`inline-alert tone-${message.tone} detail-message`} role="alert">
            {message.text}
          </div>
        )}
        {current === 'overview' && (
          <>
            <dl className="kv detail-kv">
              {item.kind === 'bind' && (
                <>
                  <dt>Host path</dt>
                  <dd className="mono">
                    {item.name}{' '}
                    {item.hostPathExists ? (
                      <span className="badge badge-ok">exists</span>
                    ) : (
                      <span className="badge badge-danger">missing</span>
                    )}
                  </dd>
                </>
              )}
              {item.kind === 'tmpfs' && (
                <>
                  <dt>In memory</dt>
                  <dd>
                    {item.tmpfsOptions || 'default size'} · lives only while{' '}
                    {item.createdBy?.containerName} runs
                  </dd>
                </>
              )}
              {item.createdBy && item.kind === 'anonymous' && (
                <>
                  <dt>Created by</dt>
                  <dd className="mono" data-testid="created-by">
                    {item.createdBy.containerName}
                  </dd>
                </>
              )}
              {v && (
                <>
                  <dt>Driver</dt>
                  <dd>
                    {v.driver}
                    {v.scope !== 'local' && <span className="faint"> · {v.scope} scope</span>}
                  </dd>
                  <dt>Mountpoint</dt>
                  <dd className="mono small">{v.mountpoint}</dd>
                  <dt>Created</dt>
                  <dd>
                    {v.createdAt
                      ? `${new Date(v.createdAt).toLocaleString()} (${formatRelativeTime(v.createdAt)})`
                      : '—'}
                  </dd>
                  <dt>Size</dt>
                  <dd>{formatBytes(v.sizeBytes)}</dd>
                </>
              )}
              {v && Object.keys(v.options).length > 0 && (
                <>
                  <dt>Options</dt>
                  <dd className="mono small">
                    {Object.entries(v.options)
                      .map(([k, val]) => `${k}=${val}`)
                      .join(', ')}
                  </dd>
                </>
              )}
              <dt>Changed</dt>
              <dd>{formatRelativeTime(item.changedAt)}</dd>
            </dl>
            {v && Object.keys(v.labels).length > 0 && (
              <div className="label-list">
                {Object.entries(v.labels).map(([k, val]) => (
                  <span key={k} className="label-chip mono">
                    {k}
                    {val ? `=${val}` : ''}
                  </span>
                ))}
              </div>
            )}
            <h3 className="detail-h3">Containers now</h3>
            {item.uses.length === 0 ? (
              <div className="muted small">
                No container references it
                {item.kind === 'anonymous' || item.state === 'dangling' ? ' — it is dangling' : ''}.
              </div>
            ) : (
              <ul className="use-list">
                {item.uses.map((u) => (
                  <li key={`${u.containerId}:${u.destination}`}>
                    <span className={`status-dot dot-${u.running ? 'ok' : 'warn'}`} />
                    <span className="mono">{u.containerName}</span>
                    <span className="faint">{u.containerState}</span>
                    <span className="mono small">→ {u.destination}</span>
                    <span className="badge">{u.rw ? 'rw' : 'ro'}</span>
                    {u.propagation && <span className="faint small">{u.propagation}</span>}
                  </li>
                ))}
              </ul>
            )}
            {isVolume && item.state !== 'removed' && (
              <div className="detail-actions">
                <button
                  className="btn btn-sm btn-danger"
                  onClick={remove}
                  disabled={busy || !connected}
                  data-testid="remove-volume"
                >
                  Remove volume
                </button>
              </div>
            )}
          </>
        )}
        {current === 'history' && <StorageHistory item={item} tick={lineageTick} />}
        {current === 'files' &&
          isVolume &&
          (item.state === 'removed' ? (
            <div className="muted pad">The volume is gone; nothing to browse.</div>
          ) : (
            <ContentBrowser volume={item.name} />
          ))}
        {current === 'cli' && isVolume && <Commands name={item.name} />}
      </div>
    </section>
  );
}
