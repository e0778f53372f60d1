import { RefreshIcon } from './icons';
import './refresh-notice.css';

/**
 * Says in plain words that a view is re-read on a timer because the engine does not report
 * these changes as events (e.g. "Podman does not report volume mounts; refreshed every 2 s").
 */
export function RefreshNotice({ notice }: { notice: string | undefined }) {
  if (!notice) return null;
  return (
    <div className="refresh-notice" role="note" data-testid="refresh-notice">
      <RefreshIcon size={14} aria-hidden="true" />
      <span>{notice}</span>
    </div>
  );
}
