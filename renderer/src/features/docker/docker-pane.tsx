import { useQuery } from '../../api';
import { AlertIcon, DatabaseIcon } from '../../ui/icons';
import { useDockerStatus } from '../../api/use-docker-status';
import { VolumeTable } from './volume-table';

/** The right-hand pane's Docker view: the live list of volumes, marked stale while disconnected. */
export function DockerPane() {
  const status = useDockerStatus();
  const volumes = useQuery('docker.listVolumes', {}, { invalidateOn: ['docker.changed', 'docker.status'] });
  const connected = status?.state === 'connected';
  const list = volumes.data;
  return (
    <div className="dock-view" aria-label="Docker volumes">
      <div className="dock-view-header">
        <DatabaseIcon />
        <h2>Volumes</h2>
        {list && <span className="badge">{list.volumes.length}</span>}
        {list?.stale && (
          <span className="badge badge-warn" title="Docker is unreachable; this is the last known list">
            stale
          </span>
        )}
      </div>
      {!connected && status && (
        <div className="inline-alert tone-danger" role="status">
          <AlertIcon size={15} />
          <div>
            <strong>{status.message}</strong>
            {list ? <div className="muted">Showing the last known state.</div> : status.hint && <div className="muted">{status.hint}</div>}
          </div>
        </div>
      )}
      {list ? (
        <VolumeTable volumes={list.volumes} stale={list.stale} />
      ) : volumes.error && connected ? (
        <div className="empty-state">
          <strong>Could not list volumes</strong>
          <span>{volumes.error.message}</span>
        </div>
      ) : null}
    </div>
  );
}
