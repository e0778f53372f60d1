import type { DockerScope } from '../../contract';

/**
 * Collects "this scope changed" notices and flushes them together, so a burst of Docker events
 * becomes one message to the renderer rather than one per event.
 */
export class ChangeBatcher {
  private pending = new Set<DockerScope>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flush: (scopes: DockerScope[]) => void,
    private readonly delayMs = 30,
  ) {}

  add(...scopes: DockerScope[]): void {
    for (const scope of scopes) this.pending.add(scope);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        const scopes = [...this.pending];
        this.pending.clear();
        if (scopes.length) this.flush(scopes);
      }, this.delayMs);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}

/** Which scopes a Docker event type touches. */
export function scopesForEvent(type: string): DockerScope[] {
  switch (type) {
    case 'volume':
      return ['volumes'];
    case 'container':
      return ['containers', 'volumes'];
    case 'image':
      return ['images'];
    case 'network':
      return ['networks', 'containers'];
    default:
      return [];
  }
}
