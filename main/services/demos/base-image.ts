import fs from 'node:fs';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { describeDockerError, isNotFound } from './docker-errors';
import { packTar } from './tar-pack';

/**
 * The one image demos run on, pinned by tag AND index digest (never `latest`). The digest is
 * Docker Hub's multi-arch index digest of `busybox:1.36.1`, as found in several public
 * repositories that pin it (e.g. Kubernetes tooling pinning
 * `busybox:1.36.1@sha256:73aaf090…`, "as Docker Hub's registry answered on 2026-10-03"). This
 * machine has no registry access, so it could not be re-checked here; to re-pin run
 * `docker buildx imagetools inspect busybox:1.36.1` and copy the top-level Digest.
 */
export const PINNED_IMAGE = 'busybox:1.36.1@sha256:73aaf090f3d85aa34ee199857f03fa3a95c8ede2ffd4cc2cdb5b94e566b11662';
/** The equivalent image Berth builds locally FROM scratch with a static busybox when the pull fails. */
export const FALLBACK_IMAGE = 'berth-busybox:1.36-local';
/** Where a static busybox usually lives. */
export const BUSYBOX_CANDIDATES = ['/bin/busybox', '/usr/bin/busybox', '/usr/local/bin/busybox', '/sbin/busybox'];

export type BaseImageSource = 'pinned-local' | 'pinned-pulled' | 'fallback-local' | 'fallback-built';

/** Which image the demos use and how Berth got it. */
export interface BaseImage {
  image: string;
  source: BaseImageSource;
  /** One sentence for the user, e.g. "Pull failed (offline); built berth-busybox:1.36-local from /bin/busybox". */
  message: string;
}

/** Progress of a pull or build, for a progress bar. */
export interface BaseImageProgress {
  phase: 'pull' | 'build';
  message: string;
  /** 0..1 when known. */
  fraction?: number;
}

/** The Dockerfile of the fallback image; the same recipe as scripts/build-demo-image.sh. */
export const FALLBACK_DOCKERFILE = [
  'FROM scratch',
  'COPY busybox /bin/busybox',
  'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
  'ENV PATH=/bin',
  'LABEL berth.owner=base org.opencontainers.image.title="Berth demo image (busybox, built locally)"',
  'CMD ["sh"]',
  '',
].join('\n');

/** Finds a busybox binary on this machine, or undefined. */
export function findBusybox(candidates = BUSYBOX_CANDIDATES, pathEnv = process.env.PATH ?? ''): string | undefined {
  const fromPath = pathEnv.split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'busybox'));
  for (const file of [...candidates, ...fromPath]) {
    try {
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

async function imageExists(docker: Dockerode, ref: string): Promise<boolean> {
  try {
    await docker.getImage(ref).inspect();
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** Reads a JSON-lines progress stream (pull or build) to its end; rejects on an `error` line. */
export function followJsonStream(
  stream: NodeJS.ReadableStream,
  onLine: (line: Record<string, unknown>) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let failed: Error | null = null;
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const text = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
        if (!text) continue;
        try {
          const line = JSON.parse(text) as Record<string, unknown>;
          if (typeof line.error === 'string' && !failed) failed = new Error(line.error);
          onLine(line);
        } catch {
          // a partial or non-JSON line; ignore
        }
      }
    });
    stream.on('end', () => (failed ? reject(failed) : resolve()));
    stream.on('error', (error: Error) => reject(error));
  });
}

/**
 * Resolves the demo base image once per process: the pinned image if present, else a pull
 * with progress, else the local fallback (built from busybox through the API when missing).
 */
export class BaseImageResolver {
  private resolved: BaseImage | null = null;
  private inFlight: Promise<BaseImage> | null = null;

  constructor(
    private readonly options: {
      pinned?: string;
      fallback?: string;
      findBusybox?: () => string | undefined;
      /** Skip the registry (tests, or a setting). */
      offline?: boolean;
    } = {},
  ) {}

  /** The image in use, once resolved. */
  get current(): BaseImage | null {
    return this.resolved;
  }

  /** Forgets the answer, e.g. after the daemon was reset. */
  reset(): void {
    this.resolved = null;
  }

  async resolve(docker: Dockerode, onProgress: (progress: BaseImageProgress) => void = () => {}): Promise<BaseImage> {
    if (this.resolved && (await imageExists(docker, this.resolved.image))) return this.resolved;
    this.resolved = null;
    this.inFlight ??= this.find(docker, onProgress).finally(() => {
      this.inFlight = null;
    });
    this.resolved = await this.inFlight;
    return this.resolved;
  }

  private async find(docker: Dockerode, onProgress: (progress: BaseImageProgress) => void): Promise<BaseImage> {
    const pinned = this.options.pinned ?? PINNED_IMAGE;
    const fallback = this.options.fallback ?? FALLBACK_IMAGE;
    if (await imageExists(docker, pinned)) {
      return { image: pinned, source: 'pinned-local', message: `Using ${pinned}.` };
    }
    let pullError = 'skipped (offline mode)';
    if (!this.options.offline) {
      try {
        await this.pull(docker, pinned, onProgress);
        return { image: pinned, source: 'pinned-pulled', message: `Pulled ${pinned}.` };
      } catch (error) {
        pullError = describeDockerError(error);
      }
    }
    if (await imageExists(docker, fallback)) {
      return {
        image: fallback,
        source: 'fallback-local',
        message: `Could not pull ${pinned} (${pullError}); using the local equivalent ${fallback}.`,
      };
    }
    const busybox = (this.options.findBusybox ?? findBusybox)();
    if (!busybox) {
      throw new Error(
        `No demo image: pulling ${pinned} failed (${pullError}) and no busybox binary was found to build ${fallback}. ` +
          'Connect to a registry and retry, or install a static busybox (apt-get install busybox-static) and run scripts/build-demo-image.sh.',
      );
    }
    await this.buildFallback(docker, fallback, busybox, onProgress);
    return {
      image: fallback,
      source: 'fallback-built',
      message: `Could not pull ${pinned} (${pullError}); built the equivalent ${fallback} from ${busybox}.`,
    };
  }

  private async pull(docker: Dockerode, ref: string, onProgress: (p: BaseImageProgress) => void): Promise<void> {
    onProgress({ phase: 'pull', message: `Pulling ${ref}…`, fraction: 0 });
    const stream = (await docker.pull(ref)) as NodeJS.ReadableStream;
    const layers = new Map<string, { current: number; total: number }>();
    await followJsonStream(stream, (line) => {
      const id = typeof line.id === 'string' ? line.id : '';
      const detail = line.progressDetail as { current?: number; total?: number } | undefined;
      if (id && detail?.total) layers.set(id, { current: detail.current ?? 0, total: detail.total });
      let current = 0;
      let total = 0;
      for (const layer of layers.values()) {
        current += layer.current;
        total += layer.total;
      }
      onProgress({ phase: 'pull', message: String(line.status ?? 'Pulling'), ...(total ? { fraction: current / total } : {}) });
    });
    onProgress({ phase: 'pull', message: `Pulled ${ref}`, fraction: 1 });
  }

  private async buildFallback(docker: Dockerode, tag: string, busybox: string, onProgress: (p: BaseImageProgress) => void): Promise<void> {
    onProgress({ phase: 'build', message: `Building ${tag} from ${busybox}…`, fraction: 0 });
    const tar = packTar([
      { path: 'Dockerfile', content: Buffer.from(FALLBACK_DOCKERFILE) },
      { path: 'busybox', content: fs.readFileSync(busybox), mode: 0o755 },
    ]);
    const stream = (await docker.buildImage(tar as unknown as NodeJS.ReadableStream, { t: tag, rm: true, forcerm: true, version: '1' })) as NodeJS.ReadableStream;
    let steps = 0;
    await followJsonStream(stream, (line) => {
      if (typeof line.stream === 'string' && line.stream.startsWith('Step ')) {
        steps++;
        onProgress({ phase: 'build', message: line.stream.trim(), fraction: Math.min(steps / 6, 1) });
      }
    });
    onProgress({ phase: 'build', message: `Built ${tag}`, fraction: 1 });
  }
}
