import type Dockerode from 'dockerode';
import type { Demo } from './demo-schema';
import { dummyLinkAvailable } from './dummy-link';
import { composeAvailable } from './misc-actions';
import type { RunRecord } from './run-types';

/** Why a demo cannot run here (a tool it requires is missing), or null when it can. */
export async function missingToolReason(
  demo: Demo,
  docker: () => Dockerode,
  checkCompose: () => Promise<{ available: boolean; reason: string }> = composeAvailable,
): Promise<string | null> {
  if (!demo.requires) return null;
  const check = demo.requires === 'compose' ? await checkCompose() : await dummyLinkAvailable(docker());
  return check.available ? null : check.reason;
}

/** The Docker client, or null when Docker is away. */
export function dockerOrNull(docker: () => Dockerode): Dockerode | null {
  try {
    return docker();
  } catch {
    return null;
  }
}

/** Marks a run and all its steps skipped, with the reason; true. */
export function markSkipped(record: RunRecord, reason: string): true {
  Object.assign(record, { status: 'skipped', reason });
  for (const step of record.steps) step.status = 'skipped';
  return true;
}
