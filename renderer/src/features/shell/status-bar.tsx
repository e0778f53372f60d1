import { useState } from 'react';
import { useLinkState } from '../../api';
import { DockerStatusDetails } from '../docker/docker-status-details';
import { EngineSwitcher } from '../engines/engine-switcher';
import { describeState, useDockerStatus } from '../../api/use-docker-status';

/** The bottom bar: the engine switcher, the Docker connection (click for details) and where the UI is running. */
export function StatusBar({ mode }: { mode: string | undefined }) {
  const status = useDockerStatus();
  const link = useLinkState();
  const [open, setOpen] = useState(false);
  const { tone, label } = describeState(status);
  return (
    <footer className="status-bar" role="contentinfo">
      <EngineSwitcher />
      <button
        className={`status-item docker-status tone-${tone}`}
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        aria-haspopup="dialog"
        data-state={status?.state ?? 'connecting'}
        title={status?.message}
      >
        <span className={`status-dot dot-${tone}`} aria-hidden />
        <span className="docker-status-label">{label}</span>
        {status?.state === 'connected' && status.engine && (
          <span className="faint">· API {status.engine.apiVersion} · {status.engine.storageDriver}</span>
        )}
      </button>
      {open && <DockerStatusDetails status={status} onClose={() => setOpen(false)} />}
      <span className="status-spacer" />
      {link !== 'open' && (
        <span className="status-item tone-danger" role="status">
          {link === 'lost' ? 'Lost connection to Berth — reconnecting…' : 'Connecting to Berth…'}
        </span>
      )}
      {mode && <span className="status-item faint">{mode === 'web' ? 'Web mode' : 'Desktop'}</span>}
    </footer>
  );
}
