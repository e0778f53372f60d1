const GONE_CODES = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ETIMEDOUT']);

function errorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function statusCode(error: unknown): number | undefined {
  if (error && typeof error === 'object' && 'statusCode' in error) {
    const code = (error as { statusCode?: unknown }).statusCode;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}

/** True when the error means the daemon is gone (stopped, killed, socket missing), not a refusal. */
export function isDaemonGone(error: unknown): boolean {
  const code = errorCode(error);
  if (code && GONE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /socket hang up|ECONNREFUSED|ECONNRESET|connect ENOENT|aborted|Docker stopped answering/i.test(message);
}

/** True for Docker's 404 ("no such container/volume/network/image"). */
export function isNotFound(error: unknown): boolean {
  return statusCode(error) === 404;
}

/** True for Docker's 409 (in use, already in progress). */
export function isConflict(error: unknown): boolean {
  return statusCode(error) === 409;
}

/** One line a person can read for a Docker API error, without the HTTP noise. */
export function describeDockerError(error: unknown): string {
  if (isDaemonGone(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return `Docker stopped answering (${detail.replace(/^Error: /, '').slice(0, 160)}). Is the daemon running?`;
  }
  const raw = error instanceof Error ? error.message : String(error);
  if (/could not find bridge docker0/.test(raw)) {
    return "Docker's default bridge (docker0) is missing on this host, so containers on the default network cannot start. A second dockerd started with --bridge=none removes it; restarting the daemon recreates it.";
  }
  if (error && typeof error === 'object' && 'json' in error) {
    const json = (error as { json?: unknown }).json;
    if (json && typeof json === 'object' && 'message' in json) return String((json as { message: unknown }).message);
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^\(HTTP code \d+\)\s*[a-z ]*-\s*/i, '').trim();
}
