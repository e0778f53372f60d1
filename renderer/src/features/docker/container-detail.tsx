import { useState } from 'react';
import type { ContainerDetail, ContainerSummary } from '@contract';
import { useQuery } from '../../api';
import { CliLine } from '../../ui/cli-line';
import { formatRelativeTime } from '../../ui/format-time';
import { ContainerActions } from './container-actions';
import { ContainerLogsView } from './container-logs-view';
import { ContainerState } from './container-state';
import { portLabel } from './containers-list';
import { DetailPanel } from './detail-panel';
import { OwnerBadge } from './owner-badge';
import { revealVolume } from './reveal';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'logs', label: 'Logs' },
  { id: 'cli', label: 'CLI' },
] as const;
type Tab = (typeof TABS)[number]['id'];

function Mounts({ mounts }: { mounts: ContainerSummary['mounts'] }) {
  if (!mounts.length)
    return <span className="faint">none (everything it writes dies with it)</span>;
  return (
    <ul className="rb-plain-list">
      {mounts.map((m) => (
        <li key={m.destination}>
          <span className="badge">{m.type}</span>{' '}
          {m.type === 'volume' && m.name ? (
            <button
              type="button"
              className="rb-link mono"
              onClick={() => revealVolume(m.name ?? '')}
              title="Open in Storage"
            >
              {m.name.length > 20 ? `${m.name.slice(0, 12)}…` : m.name}
            </button>
          ) : (
            <span className="mono">{m.source || 'memory'}</span>
          )}{' '}
          → <span className="mono">{m.destination}</span>{' '}
          <span className="faint">{m.rw ? 'read-write' : 'read-only'}</span>
        </li>
      ))}
    </ul>
  );
}

function Overview({ c }: { c: ContainerDetail }) {
  const command = [...c.entrypoint, ...c.cmd].join(' ');
  return (
    <dl className="kv rb-kv">
      <dt>Status</dt>
      <dd>
        {c.status}
        {c.exitCode !== undefined && (
          <span className={c.exitCode === 0 ? 'faint' : 'rb-danger-text'}>
            {' '}
            · exit code {c.exitCode}
          </span>
        )}
      </dd>
      <dt>Image</dt>
      <dd className="mono">{c.image}</dd>
      <dt>Command</dt>
      <dd className="mono rb-wrap">{command || '—'}</dd>
      <dt>Created</dt>
      <dd>{formatRelativeTime(c.createdAt)}</dd>
      {c.startedAt && (
        <>
          <dt>Started</dt>
          <dd>{formatRelativeTime(c.startedAt)}</dd>
        </>
      )}
      {c.finishedAt && c.state !== 'running' && (
        <>
          <dt>Finished</dt>
          <dd>{formatRelativeTime(c.finishedAt)}</dd>
        </>
      )}
      <dt>Networks</dt>
      <dd>
        {c.networks.length
          ? c.networks.map((n) => (
              <span key={n} className="rb-net">
                <span className="mono">{n}</span>
                {c.addresses[n] && <span className="faint mono"> {c.addresses[n]}</span>}
              </span>
            ))
          : 'none'}
      </dd>
      <dt>Ports</dt>
      <dd className="mono">
        {c.ports.length ? (
          c.ports.map(portLabel).join(', ')
        ) : (
          <span className="faint">none published</span>
        )}
      </dd>
      <dt>Mounts</dt>
      <dd>
        <Mounts mounts={c.mounts} />
      </dd>
      <dt>Restart</dt>
      <dd>
        {c.restartPolicy}
        {c.restartCount > 0 && <span className="faint"> · restarted {c.restartCount}×</span>}
      </dd>
      {c.error && (
        <>
          <dt>Error</dt>
          <dd className="rb-danger-text">{c.error}</dd>
        </>
      )}
      {c.env.length > 0 && (
        <>
          <dt>Env</dt>
          <dd>
            <details>
              <summary>
                {c.env.length} variable{c.env.length === 1 ? '' : 's'}
              </summary>
              <ul className="rb-plain-list mono small">
                {c.env.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </details>
          </dd>
        </>
      )}
    </dl>
  );
}

/** One container in detail: overview, logs, the CLI lines, and its actions. */
export function ContainerDetailPanel({
  summary,
  onClose,
}: {
  summary: ContainerSummary;
  onClose: () => void;
}) {
  const [tab, setTab] = useState<Tab>('overview');
  const detail = useQuery(
    'containers.inspect',
    { id: summary.id },
    { invalidateOn: ['containers.changed'] },
  );
  const c = detail.data;
  const name = summary.name;
  return (
    <DetailPanel
      label="Container details"
      title={<span className="mono">{name}</span>}
      badges={
        <>
          <ContainerState state={summary.state} status={summary.status} />
          <OwnerBadge owner={summary.berthOwner} />
        </>
      }
      actions={<ContainerActions container={summary} onRemoved={onClose} />}
      tabs={TABS}
      tab={tab}
      onTab={setTab}
      onClose={onClose}
    >
      {tab === 'overview' &&
        (c ? (
          <Overview c={c} />
        ) : detail.error ? (
          <div className="inline-alert tone-danger">{detail.error.message}</div>
        ) : (
          <div className="muted rb-pad">Loading…</div>
        ))}
      {tab === 'logs' && <ContainerLogsView id={summary.id} name={name} />}
      {tab === 'cli' && (
        <div className="rb-cli-list">
          <CliLine label="Inspect" command={`docker inspect ${name}`} />
          <CliLine label="Logs" command={`docker logs --tail 200 ${name}`} />
          <CliLine label="Start" command={`docker start ${name}`} />
          <CliLine label="Stop" command={`docker stop ${name}`} />
          <CliLine label="Remove" command={`docker rm ${name}`} />
          <CliLine label="Shell" command={`docker exec -it ${name} sh`} />
          {summary.ports.length > 0 && <CliLine label="Ports" command={`docker port ${name}`} />}
        </div>
      )}
    </DetailPanel>
  );
}
