import { useState } from 'react';
import type { ImageSummary } from '@contract';
import { useQuery } from '../../api';
import { CliLine } from '../../ui/cli-line';
import { formatBytes } from '../../ui/format-bytes';
import { formatRelativeTime } from '../../ui/format-time';
import { DetailPanel } from './detail-panel';
import { ImageRemoveDialog } from './image-remove-dialog';
import { imageTitle, shortId } from './images-list';
import { OwnerBadge } from './owner-badge';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'layers', label: 'Layers' },
  { id: 'cli', label: 'CLI' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/** A bar: the part of the image other images share, and the part only it holds. */
function SizeBar({ image }: { image: ImageSummary }) {
  const shared = Math.max(0, image.sharedSize);
  const total = Math.max(1, image.size);
  const sharedPct = Math.round((shared / total) * 100);
  return (
    <div
      className="rb-sizebar"
      role="img"
      aria-label={`${formatBytes(shared)} shared, ${formatBytes(image.uniqueSize)} unique`}
    >
      <span className="rb-sizebar-shared" style={{ width: `${sharedPct}%` }} />
      <span className="rb-sizebar-unique" style={{ width: `${100 - sharedPct}%` }} />
    </div>
  );
}

function Layers({ id }: { id: string }) {
  const layers = useQuery('images.history', { id }, { invalidateOn: ['images.changed'] });
  if (layers.error) return <div className="inline-alert tone-danger">{layers.error.message}</div>;
  if (!layers.data) return <div className="muted rb-pad">Loading…</div>;
  return (
    <ol className="rb-layers" aria-label="Layers, newest first">
      {layers.data.map((layer, i) => (
        <li key={`${layer.id}-${i}`} className={layer.size === 0 ? 'is-empty' : undefined}>
          <span className="rb-layer-size">{layer.size ? formatBytes(layer.size) : '0 B'}</span>
          <code className="rb-layer-cmd" title={layer.createdBy}>
            {layer.createdBy || '(no command recorded)'}
          </code>
        </li>
      ))}
    </ol>
  );
}

/** One image: tags, sizes with the shared part, layers, and how to remove it. */
export function ImageDetailPanel({ image, onClose }: { image: ImageSummary; onClose: () => void }) {
  const [tab, setTab] = useState<Tab>('overview');
  const [removing, setRemoving] = useState(false);
  const ref = image.tags[0] ?? shortId(image.id);
  return (
    <DetailPanel
      label="Image details"
      title={<span className="mono">{imageTitle(image)}</span>}
      badges={
        <>
          {image.dangling && <span className="badge badge-warn">dangling</span>}
          <OwnerBadge owner={image.berthOwner} />
        </>
      }
      actions={
        <div className="rb-actions">
          <button type="button" className="btn btn-sm btn-danger" onClick={() => setRemoving(true)}>
            Remove…
          </button>
        </div>
      }
      tabs={TABS}
      tab={tab}
      onTab={setTab}
      onClose={onClose}
    >
      {tab === 'overview' && (
        <dl className="kv rb-kv">
          <dt>Tags</dt>
          <dd>
            {image.tags.length ? (
              image.tags.map((t) => (
                <code key={t} className="rb-tag">
                  {t}
                </code>
              ))
            ) : (
              <span className="faint">
                none: a dangling image, usually an older build whose tag moved to a newer one
              </span>
            )}
          </dd>
          <dt>ID</dt>
          <dd className="mono">{shortId(image.id)}</dd>
          <dt>Created</dt>
          <dd>{formatRelativeTime(image.createdAt)}</dd>
          <dt>Size</dt>
          <dd>
            {formatBytes(image.size)}
            <SizeBar image={image} />
            <span className="faint small">
              {image.sharedSize > 0
                ? `${formatBytes(image.sharedSize)} in layers shared with other images · `
                : ''}
              {formatBytes(image.uniqueSize)} only this image holds
            </span>
          </dd>
          <dt>Used by</dt>
          <dd>
            {image.containers ? (
              `${image.containers} container${image.containers > 1 ? 's' : ''}`
            ) : (
              <span className="faint">no container</span>
            )}
          </dd>
          {Object.keys(image.labels).length > 0 && (
            <>
              <dt>Labels</dt>
              <dd>
                <ul className="rb-plain-list mono small">
                  {Object.entries(image.labels).map(([k, v]) => (
                    <li key={k}>
                      {k}={v}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}
      {tab === 'layers' && <Layers id={image.id} />}
      {tab === 'cli' && (
        <div className="rb-cli-list">
          <CliLine label="Inspect" command={`docker image inspect ${ref}`} />
          <CliLine label="Layers" command={`docker image history ${ref}`} />
          <CliLine label="Sizes" command="docker system df -v" />
          <CliLine label="Run" command={`docker run --rm -it ${ref} sh`} />
          <CliLine label="Remove" command={`docker rmi ${ref}`} />
        </div>
      )}
      {removing && (
        <ImageRemoveDialog image={image} onClose={() => setRemoving(false)} onRemoved={onClose} />
      )}
    </DetailPanel>
  );
}
