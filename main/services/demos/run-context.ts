import { randomBytes } from 'node:crypto';

/** Label keys every Docker object of a demo run carries. */
export const LABEL_OWNER = 'berth.owner';
export const LABEL_DEMO = 'berth.demo';
export const LABEL_RUN = 'berth.run';
/** Process id and host of the Berth that started the run, so sweeps leave live runs alone. */
export const LABEL_PID = 'berth.pid';
export const LABEL_HOST = 'berth.host';
/** Marks an anonymous volume so a demo can find it again. */
export const LABEL_ANONYMOUS = 'berth.anonymous';

/** Kinds of Docker objects a run creates, in the order cleanup removes them. */
export type ResourceKind = 'container' | 'network' | 'volume' | 'image';

/** A new run id: sortable by time, short enough to sit inside Docker names. */
export function newRunId(now = Date.now()): string {
  return `${now.toString(36)}${randomBytes(3).toString('hex')}`;
}

/**
 * Per-run naming and bookkeeping: turns the logical keys of a demo into run-unique Docker
 * names, keeps captured values, and remembers what the run created.
 */
export class RunContext {
  readonly vars = new Map<string, string>();
  readonly created: Record<ResourceKind, Set<string>> = {
    container: new Set(),
    network: new Set(),
    volume: new Set(),
    image: new Set(),
  };

  constructor(
    readonly runId: string,
    readonly demoId: string,
    readonly workDir: string,
    readonly baseImage: string,
    readonly hostName: string,
    /** Network for containers whose step names none. */
    readonly defaultNetwork?: string,
  ) {}

  /** On a remote engine: where this run's bind-mounted folders are on the engine's machine. */
  engineFolder: string | undefined;

  /** The path a bind mount of run-folder `source` uses: in the run folder, or its copy on a remote engine's machine. */
  bindSource(source: string): string {
    return this.engineFolder ? `${this.engineFolder}/${source}` : `${this.workDir}/${source}`;
  }

  /** The labels the shown commands set (`--label`), so a pasted command makes the same objects. */
  get publicLabels(): Record<string, string> {
    return { [LABEL_OWNER]: 'demo', [LABEL_DEMO]: this.demoId, [LABEL_RUN]: this.runId };
  }

  /** Labels for everything this run creates: the public ones plus Berth's bookkeeping (pid, host) for sweeps. */
  get labels(): Record<string, string> {
    return { ...this.publicLabels, [LABEL_PID]: String(process.pid), [LABEL_HOST]: this.hostName };
  }

  containerName(key: string): string {
    return `berth-${this.runId}-${key}`;
  }

  volumeName(key: string): string {
    return `berth-${this.runId}-${key}`;
  }

  networkName(key: string): string {
    if (key === 'none' || key === 'bridge' || key === 'host') return key;
    return `berth-${this.runId}-${key}`;
  }

  /** `app:v1` becomes `berth-demo-<run>-app:v1`. */
  imageName(key: string): string {
    const [name, tag] = key.split(':');
    return `berth-demo-${this.runId}-${name}:${tag ?? 'latest'}`;
  }

  /** Replaces placeholders; unknown variables are left visible so the mistake shows. */
  expand(text: string): string {
    return text.replace(/\{\{(container|volume|network|image|var|run|base)(?::([^}]+))?\}\}/g, (whole, kind: string, arg?: string) => {
      switch (kind) {
        case 'run':
          return this.runId;
        case 'base':
          return this.baseImage;
        case 'container':
          return arg ? this.containerName(arg) : whole;
        case 'volume':
          return arg ? this.volumeName(arg) : whole;
        case 'network':
          return arg ? this.networkName(arg) : whole;
        case 'image':
          return arg ? this.imageName(arg) : whole;
        case 'var':
          return arg !== undefined && this.vars.has(arg) ? (this.vars.get(arg) ?? '') : whole;
        default:
          return whole;
      }
    });
  }

  record(kind: ResourceKind, name: string): void {
    this.created[kind].add(name);
  }

  /** What the run created so far, for the lifecycle view. */
  resources(): Record<ResourceKind, string[]> {
    return {
      container: [...this.created.container],
      network: [...this.created.network],
      volume: [...this.created.volume],
      image: [...this.created.image],
    };
  }
}
