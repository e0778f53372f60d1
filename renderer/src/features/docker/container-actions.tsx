import { useState } from 'react';
import type { ContainerSummary } from '@contract';
import { getApi } from '../../api';
import { showToast } from '../../ui/toasts';
import { ConfirmDialog } from './confirm-dialog';

type Pending = 'stop' | 'remove' | null;

/** Start, Stop and Remove for one container; Stop and Remove ask first and show the CLI line. */
export function ContainerActions({
  container,
  onRemoved,
}: {
  container: ContainerSummary;
  onRemoved: () => void;
}) {
  const [pending, setPending] = useState<Pending>(null);
  const [withVolumes, setWithVolumes] = useState(false);
  const [starting, setStarting] = useState(false);
  const running =
    container.state === 'running' ||
    container.state === 'restarting' ||
    container.state === 'paused';
  const anonymous = container.mounts.filter(
    (m) => m.type === 'volume' && m.name && /^[0-9a-f]{64}$/.test(m.name),
  ).length;
  const start = () => {
    setStarting(true);
    getApi()
      .call('containers.start', { id: container.id })
      .then(
        (r) =>
          showToast({
            tone: 'ok',
            title: `Started ${r.name}`,
            body: r.cli,
            key: `container-${container.id}`,
          }),
        (err: unknown) =>
          showToast({
            tone: 'danger',
            title: `Could not start ${container.name}`,
            body: err instanceof Error ? err.message : String(err),
          }),
      )
      .finally(() => setStarting(false));
  };
  const removeCli = `docker rm${running || withVolumes ? ` -${running ? 'f' : ''}${withVolumes ? 'v' : ''}` : ''} ${container.name}`;
  return (
    <div className="rb-actions">
      {running ? (
        <button type="button" className="btn btn-sm" onClick={() => setPending('stop')}>
          Stop
        </button>
      ) : (
        <button type="button" className="btn btn-sm" onClick={start} disabled={starting}>
          {starting ? 'Starting…' : 'Start'}
        </button>
      )}
      <button type="button" className="btn btn-sm btn-danger" onClick={() => setPending('remove')}>
        Remove…
      </button>
      {pending === 'stop' && (
        <ConfirmDialog
          title={`Stop ${container.name}?`}
          cli={`docker stop -t 5 ${container.name}`}
          confirmLabel="Stop"
          danger={false}
          onClose={() => setPending(null)}
          onConfirm={() =>
            getApi().call('containers.stop', { id: container.id, timeoutSeconds: 5 })
          }
        >
          <p>
            Docker sends <code>SIGTERM</code> to its main process and, if it is still running after
            5 seconds, <code>SIGKILL</code>. Its filesystem, volumes and logs stay;{' '}
            <strong>Start</strong> runs it again.
          </p>
        </ConfirmDialog>
      )}
      {pending === 'remove' && (
        <ConfirmDialog
          title={`Remove ${container.name}?`}
          cli={removeCli}
          confirmLabel={running ? 'Kill and remove' : 'Remove'}
          onClose={() => setPending(null)}
          onConfirm={() =>
            getApi()
              .call('containers.remove', { id: container.id, force: running, volumes: withVolumes })
              .then(() => onRemoved())
          }
        >
          <p>
            The container and its writable layer are deleted: files it wrote outside volumes are
            gone. Named volumes stay.
            {running && (
              <>
                {' '}
                <strong>It is running</strong>, so Docker kills it first (<code>-f</code>).
              </>
            )}
          </p>
          <label className="rb-check">
            <input
              type="checkbox"
              checked={withVolumes}
              onChange={(e) => setWithVolumes(e.target.checked)}
            />
            Also remove its anonymous volumes (<code>-v</code>)
            {anonymous ? ` — ${anonymous} here` : ' — it has none'}
          </label>
        </ConfirmDialog>
      )}
    </div>
  );
}
