import { useEffect, useRef, useState } from 'react';
import type { DockerStatus } from '@contract';
import { getApi } from '../../api';
import { CloseIcon, RefreshIcon } from '../../ui/icons';
import { describeState } from '../../api/use-docker-status';

const SOURCE_LABEL: Record<DockerStatus['source'], string> = {
  settings: 'Berth settings',
  DOCKER_HOST: 'DOCKER_HOST',
  context: 'docker context',
  default: 'platform default',
};

function Countdown({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((at - now) / 1000));
  return <>{seconds > 0 ? `retrying in ${seconds} s` : 'retrying now…'}</>;
}

/** The details behind the status bar's Docker item: endpoint, engine, what to do. */
export function DockerStatusDetails({
  status,
  onClose,
}: {
  status: DockerStatus | undefined;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const { tone, label } = describeState(status);
  const engine = status?.engine;
  return (
    <div
      ref={ref}
      className="popover docker-details"
      role="dialog"
      aria-label="Docker connection"
      tabIndex={-1}
    >
      <header className="popover-header">
        <span className={`status-dot dot-${tone}`} aria-hidden />
        <strong>{status?.state === 'connected' ? 'Connected to Docker' : label}</strong>
        <button className="icon-btn" onClick={onClose} aria-label="Close">
          <CloseIcon />
        </button>
      </header>
      {status && status.state !== 'connected' && (
        <div className={`callout-inline tone-${tone}`}>
          <div>{status.message}</div>
          {status.hint && <div className="muted">{status.hint}</div>}
          {status.retry && (
            <div className="faint">
              Attempt {status.retry.attempt}, <Countdown at={status.retry.nextAt} />
            </div>
          )}
        </div>
      )}
      <dl className="kv">
        <dt>Endpoint</dt>
        <dd className="mono">{status?.host || '—'}</dd>
        <dt>From</dt>
        <dd>
          {status ? SOURCE_LABEL[status.source] : '—'}
          {status?.context ? ` “${status.context}”` : ''}
        </dd>
        {engine && (
          <>
            <dt>Engine</dt>
            <dd>
              {engine.version} <span className="faint">(API {engine.apiVersion})</span>
            </dd>
            <dt>OS</dt>
            <dd>
              {engine.operatingSystem || engine.os} · {engine.arch}
            </dd>
            <dt>Kernel</dt>
            <dd className="mono">{engine.kernelVersion}</dd>
            <dt>Storage</dt>
            <dd>{engine.storageDriver}</dd>
          </>
        )}
        {status?.detail && status.state !== 'connected' && (
          <>
            <dt>Error</dt>
            <dd className="mono small">{status.detail}</dd>
          </>
        )}
      </dl>
      <footer className="popover-footer">
        <button className="btn btn-sm" onClick={() => void getApi().call('docker.reconnect', {})}>
          <RefreshIcon size={14} /> Reconnect
        </button>
      </footer>
    </div>
  );
}
