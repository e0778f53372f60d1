import { CancelledError } from './action-env';
import { describeDockerError, isDaemonGone } from './docker-errors';
import type { RunRecord } from './run-types';

/**
 * Sets the verdict of a run whose steps all ran or stopped at a failed step: `passed` means
 * every check of the demo held (not that the note is right).
 */
export function settleStatus(record: RunRecord, daemonGone: boolean): void {
  const failed = record.steps.find((s) => s.status === 'failed');
  for (const step of record.steps) if (step.status === 'pending') step.status = 'skipped';
  if (!failed) {
    record.status = 'passed';
    return;
  }
  record.status = daemonGone ? 'interrupted' : 'failed';
  record.reason = failed.error ?? `${failed.title} failed`;
}

/** Marks a run that stopped on an error or a cancel; returns whether Docker went away. */
export function failRecord(
  record: RunRecord,
  error: unknown,
  daemonGone: boolean,
  cancelReason = 'Cancelled by the user.',
): boolean {
  const cancelled = error instanceof CancelledError;
  for (const step of record.steps)
    if (step.status === 'pending' || step.status === 'running')
      step.status = cancelled ? 'cancelled' : 'skipped';
  if (cancelled) {
    record.status = 'cancelled';
    record.reason = cancelReason;
    return daemonGone;
  }
  const gone = daemonGone || isDaemonGone(error);
  record.status = gone ? 'interrupted' : 'failed';
  record.reason =
    error instanceof Error && !('statusCode' in error) && !gone
      ? error.message
      : describeDockerError(error);
  return gone;
}
