import { useState, type ReactNode } from 'react';
import { CliLine } from '../../ui/cli-line';
import { Dialog } from '../../ui/dialog';

/**
 * Asks before a destructive action, shows the docker command that does the same, and stays open
 * with Docker's reason when the action fails (nothing is lost).
 */
export function ConfirmDialog({
  title,
  children,
  cli,
  confirmLabel,
  onConfirm,
  onClose,
  danger = true,
}: {
  title: string;
  children: ReactNode;
  cli: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  danger?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const confirm = () => {
    setBusy(true);
    setError(undefined);
    onConfirm().then(
      () => onClose(),
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      className="rb-confirm"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className={`btn ${danger ? 'btn-danger-solid' : 'btn-primary'}`}
            onClick={confirm}
            disabled={busy}
            data-testid="confirm-action"
          >
            {busy ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      <div className="rb-confirm-body">{children}</div>
      <CliLine command={cli} label="Same as" />
      {error && (
        <div className="inline-alert tone-danger rb-confirm-error" role="alert">
          {error}
        </div>
      )}
    </Dialog>
  );
}
