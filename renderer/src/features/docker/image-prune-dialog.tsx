import { useState } from 'react';
import { useQuery } from '../../api';
import { getApi } from '../../api';
import { formatBytes } from '../../ui/format-bytes';
import { formatRelativeTime } from '../../ui/format-time';
import { showToast } from '../../ui/toasts';
import { ownerLabel } from './berth-filter';
import { ConfirmDialog } from './confirm-dialog';
import { imageTitle } from './images-list';

/** Prune with a preview: exactly which images go and the space freed, dangling only or all unused. */
export function ImagePruneDialog({ onClose }: { onClose: () => void }) {
  const [all, setAll] = useState(false);
  const preview = useQuery('images.prunePreview', { all }, { invalidateOn: ['images.changed'] });
  const data = preview.data?.all === all ? preview.data : undefined;
  return (
    <ConfirmDialog
      title="Prune images"
      cli={all ? 'docker image prune -a' : 'docker image prune'}
      confirmLabel={
        data ? `Remove ${data.images.length} image${data.images.length === 1 ? '' : 's'}` : 'Remove'
      }
      onClose={onClose}
      onConfirm={async () => {
        if (!data || data.images.length === 0) return;
        const result = await getApi().call('images.prune', {
          all,
          ids: data.images.map((i) => i.id),
        });
        showToast({
          tone: result.refused.length ? 'warn' : 'ok',
          title: `Pruned ${data.images.length - result.refused.length} image(s), ${formatBytes(result.reclaimedBytes)} freed`,
          ...(result.refused.length
            ? { body: `Kept: ${result.refused.map((r) => r.reason).join('; ')}` }
            : {}),
        });
      }}
    >
      <div className="rb-prune-mode" role="radiogroup" aria-label="What to prune">
        <label className="rb-check">
          <input type="radio" name="prune-mode" checked={!all} onChange={() => setAll(false)} />
          Dangling only: untagged images no container uses
        </label>
        <label className="rb-check">
          <input type="radio" name="prune-mode" checked={all} onChange={() => setAll(true)} />
          Every image no container uses (<code>-a</code>), tagged ones too
        </label>
      </div>
      {preview.error && <div className="inline-alert tone-danger">{preview.error.message}</div>}
      {!data && !preview.error && <div className="muted rb-pad">Working out what would go…</div>}
      {data && data.images.length === 0 && (
        <div className="empty-state rb-prune-empty">
          Nothing to prune: every image is tagged or in use.
        </div>
      )}
      {data && data.images.length > 0 && (
        <>
          <p>
            These <strong>{data.images.length}</strong> image{data.images.length === 1 ? '' : 's'}{' '}
            would be removed, freeing{' '}
            <strong data-testid="prune-reclaim">{formatBytes(data.reclaimBytes)}</strong>:
          </p>
          <ul className="rb-prune-list" aria-label="Images that would be removed">
            {data.images.map((image) => (
              <li key={image.id}>
                <span className="mono">{imageTitle(image)}</span>
                {image.berthOwner && (
                  <span className="badge badge-violet">{ownerLabel(image.berthOwner)}</span>
                )}
                <span className="faint">{formatRelativeTime(image.createdAt)}</span>
                <span className="rb-num">{formatBytes(image.uniqueSize)}</span>
              </li>
            ))}
          </ul>
          {data.images.some((i) => i.berthOwner === 'base') && (
            <p className="rb-warn-text">
              Berth&apos;s demo image is in the list: demos cannot run until it is built again.
            </p>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
