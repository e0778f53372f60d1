import type { DockerConnectionState } from '../../contract';
import { classifyRemoteError, type RemoteErrorContext } from './classify-remote-error';

/** A connection failure as a state, a headline and what to do about it. */
export interface ClassifiedError {
  state: Exclude<DockerConnectionState, 'connected' | 'connecting'>;
  message: string;
  hint?: string;
  detail: string;
}

const START_HINT =
  'Start Docker (Docker Desktop, or `sudo systemctl start docker` / `sudo dockerd &` on Linux), or point Berth at another daemon with DOCKER_HOST or `docker context use`.';

/** Maps an error from connecting to Docker to a distinct, actionable state. */
export function classifyDockerError(
  error: unknown,
  endpointUrl: string,
  socketPath?: string,
  remote?: Omit<RemoteErrorContext, 'endpointUrl'>,
): ClassifiedError {
  const remoteError = classifyRemoteError(error, { endpointUrl, ...remote });
  if (remoteError) return remoteError;
  const err = error as NodeJS.ErrnoException & { statusCode?: number; reason?: string; json?: unknown };
  const code = err?.code ?? '';
  const detail = err instanceof Error ? err.message : String(error);
  const where = socketPath ?? endpointUrl;
  switch (code) {
    case 'ENOENT':
      return {
        state: 'socket-missing',
        message: `Docker is not running: there is no socket at ${where}`,
        hint: START_HINT,
        detail,
      };
    case 'ECONNREFUSED':
      return { state: 'not-running', message: `Docker is not running (nothing answers at ${where})`, hint: START_HINT, detail };
    case 'EACCES':
    case 'EPERM':
      return {
        state: 'permission-denied',
        message: `Permission denied on ${where}`,
        hint: 'Your user may not use the Docker socket. On Linux: `sudo usermod -aG docker $USER`, then log out and back in (or run Docker rootless).',
        detail,
      };
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
    case 'ECONNRESET':
    case 'EPIPE':
      return {
        state: 'unreachable',
        message: `Docker is not answering at ${where}`,
        hint: 'The daemon may be paused, overloaded or restarting. Berth keeps trying.',
        detail,
      };
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { state: 'unreachable', message: `Cannot reach the Docker host ${endpointUrl}`, hint: 'Check DOCKER_HOST or the current docker context.', detail };
    default:
      break;
  }
  if (/timeout|timed out/i.test(detail)) {
    return { state: 'unreachable', message: `Docker is not answering at ${where}`, hint: 'The daemon may be paused, overloaded or restarting. Berth keeps trying.', detail };
  }
  if (err?.statusCode === 400 && /client version .* too (new|old)/i.test(detail)) {
    return { state: 'incompatible-api', message: 'This Docker Engine speaks an API version Berth cannot use', hint: 'Update Docker Engine to 20.10 or newer.', detail };
  }
  return { state: 'unreachable', message: `Cannot talk to Docker at ${where}`, hint: START_HINT, detail };
}

/** The oldest Engine API Berth supports (Docker Engine 20.10). */
export const MIN_API_VERSION = '1.41';

/** Compares two dotted API versions. */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
