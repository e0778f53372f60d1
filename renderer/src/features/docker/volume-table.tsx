import type { VolumeSummary } from '@contract';
import { formatRelativeTime, isAnonymousVolumeName, shortName } from '../../ui/format-time';

/** The live list of volumes: name, driver, age and whether any container uses it. */
export function VolumeTable({ volumes, stale }: { volumes: VolumeSummary[]; stale: boolean }) {
  if (volumes.length === 0) {
    return (
      <div className="empty-state">
        <strong>No volumes yet</strong>
        <span>
          Create one with <code>docker volume create demo</code> and it appears here at once.
        </span>
      </div>
    );
  }
  return (
    <ul className={`volume-list${stale ? ' is-stale' : ''}`} aria-label="Volumes">
      {volumes.map((volume) => {
        const anonymous = isAnonymousVolumeName(volume.name);
        return (
          <li key={volume.name} className="volume-row" data-volume={volume.name}>
            <div className="volume-main">
              <span className="volume-name mono" title={volume.name}>
                {shortName(volume.name)}
              </span>
              <span className="volume-meta">
                {anonymous ? 'anonymous' : 'named'} · {volume.driver} · created {formatRelativeTime(volume.createdAt)}
              </span>
            </div>
            <div className="volume-state">
              {volume.inUse ? (
                <span className="badge badge-ok" title={`Used by ${volume.usedBy.join(', ')}`}>
                  in use · {volume.usedBy.length}
                </span>
              ) : (
                <span className="badge badge-warn" title="No container references this volume">
                  dangling
                </span>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
