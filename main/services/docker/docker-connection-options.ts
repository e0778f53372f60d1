import type { EngineInfo } from '../../contract';
import type { Logger } from '../logging/logger';
import type { DockerEndpoint } from './resolve-endpoint';

/** How a `DockerConnection` finds its daemon, logs, and paces retries and health checks. */
export interface DockerConnectionOptions {
  resolveEndpoint: () => DockerEndpoint;
  log: Logger;
  /** Delays between reconnect attempts; the last one repeats. First retry is immediate. */
  backoffMs?: number[];
  /** How often a connected daemon is pinged to notice one that stopped answering. */
  healthIntervalMs?: number;
  /** A request that takes longer than this counts as "not answering". */
  requestTimeoutMs?: number;
  now?: () => number;
}

/** What listeners learn when the connection (re)opens. */
export interface ConnectedInfo {
  reconnect: boolean;
  engine: EngineInfo;
}
