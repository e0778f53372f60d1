import type { Disposer } from '../../contract';
import type { EngineInfo } from '../../contract/docker';
import { engineCapabilities, type TrackedArea } from './engine-capabilities';

/** The parts of the Docker connection the reconciler watches. */
export interface EngineGapConnection {
  readonly status: { state: string; engine?: Pick<EngineInfo, 'product'> };
  onStatus(listener: (status: { state: string; engine?: Pick<EngineInfo, 'product'> }) => void): Disposer;
}

/**
 * Where the connected engine does not send the events a tracker relies on (Podman: no network
 * events, no volume mounts), re-reads that area on a timer instead of staying stale, and says so
 * in plain words (`notice`). Does nothing on Docker Engine. Follows engine switches.
 */
export class EngineGapReconciler {
  private timer: NodeJS.Timeout | null = null;
  private current: string | undefined;

  constructor(
    private readonly connection: EngineGapConnection,
    private readonly area: TrackedArea,
    /** Re-reads the area (a reconcile: the tracker lists and compares). */
    private readonly reconcile: () => void,
    /** Told when the notice appears or goes (the view shows it). */
    private readonly onNoticeChanged: () => void = () => {},
  ) {}

  /** Why this area is refreshed on a timer, for the view; undefined when events cover it. */
  get notice(): string | undefined {
    return this.current;
  }

  start(): Disposer {
    const dispose = this.connection.onStatus((status) => this.follow(status));
    this.follow(this.connection.status);
    return () => {
      dispose();
      this.setTimer(undefined, 0);
    };
  }

  private follow(status: EngineGapConnection['status']): void {
    const capabilities = engineCapabilities(status.engine);
    const notice = status.state === 'connected' ? capabilities.reconcile[this.area] : undefined;
    this.setTimer(notice, capabilities.reconcileEveryMs);
  }

  private setTimer(notice: string | undefined, everyMs: number): void {
    if (notice === this.current) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.current = notice;
    if (notice) {
      this.timer = setInterval(() => this.reconcile(), everyMs);
      this.timer.unref?.();
    }
    this.onNoticeChanged();
  }
}
