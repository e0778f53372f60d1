import { randomBytes } from 'node:crypto';
import type Dockerode from 'dockerode';
import { RpcFailure } from '../../contract/errors';
import { isNotFound } from './docker-reader';

/** Image the helper runs; the demos engineer's image service may provide another later. */
export const HELPER_IMAGE = 'berth-busybox:1.36-local';

/** What a helper run printed and how it ended. */
export interface HelperResult {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
}

export interface HelperRunOptions {
  volume: string;
  /** Command run in the helper; the volume is mounted read-only at /volume. */
  cmd: string[];
  image?: string;
  /** Killed after this long. */
  timeoutMs?: number;
  /** Output beyond this is cut. */
  maxOutputBytes?: number;
}

/** Splits Docker's multiplexed log stream (8-byte frame headers) into stdout and stderr. */
export function demuxLogs(buffer: Buffer): { stdout: Buffer; stderr: Buffer } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const stream = buffer[offset];
    const size = buffer.readUInt32BE(offset + 4);
    const frame = buffer.subarray(offset + 8, offset + 8 + size);
    if (stream === 2) err.push(frame);
    else out.push(frame);
    offset += 8 + size;
  }
  return { stdout: Buffer.concat(out), stderr: Buffer.concat(err) };
}

/**
 * A name that says what the helper is, for `docker ps` and the events list:
 * `berth-helper-<volume>-<random>` (anonymous volumes by their first 12 digits).
 */
export function helperContainerName(volume: string): string {
  const short = /^[0-9a-f]{64}$/.test(volume)
    ? volume.slice(0, 12)
    : volume.replace(/[^a-zA-Z0-9_.-]/g, '-').slice(0, 40);
  return `berth-helper-${short}-${randomBytes(3).toString('hex')}`;
}

/**
 * Runs a short-lived helper container with a volume mounted read-only, labelled
 * `berth.owner=helper`, without network, and removes it afterwards whatever happens.
 */
export async function runHelper(
  docker: Dockerode,
  options: HelperRunOptions,
): Promise<HelperResult> {
  const image = options.image ?? HELPER_IMAGE;
  // Docker would silently create a missing volume for the bind; check first.
  try {
    await docker.getVolume(options.volume).inspect();
  } catch (error) {
    if (isNotFound(error))
      throw new RpcFailure('not-found', `There is no volume named ${options.volume}.`);
    throw error;
  }
  let container: Dockerode.Container;
  try {
    container = await docker.createContainer({
      name: helperContainerName(options.volume),
      Image: image,
      Cmd: options.cmd,
      Labels: { 'berth.owner': 'helper', 'berth.volume': options.volume },
      WorkingDir: '/volume',
      NetworkDisabled: true,
      HostConfig: {
        Binds: [`${options.volume}:/volume:ro`],
        NetworkMode: 'none',
        ReadonlyRootfs: true,
        Memory: 64 * 1024 * 1024,
      },
    });
  } catch (error) {
    if (isNotFound(error)) {
      const message = String((error as Error).message ?? '');
      if (/image/i.test(message)) {
        throw new RpcFailure(
          'unavailable',
          `The helper image ${image} is missing, so Berth cannot look inside volumes.`,
          'Build it with `bash scripts/build-demo-image.sh`.',
        );
      }
      throw new RpcFailure('not-found', `There is no volume named ${options.volume}.`);
    }
    throw error;
  }
  try {
    await container.start();
    const timeoutMs = options.timeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const waited = (await Promise.race([
      container.wait(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new RpcFailure(
                'failed',
                `Looking inside ${options.volume} took longer than ${timeoutMs / 1000} s and was stopped.`,
              ),
            ),
          timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer))) as { StatusCode: number };
    const logs = (await container.logs({
      stdout: true,
      stderr: true,
      follow: false,
    })) as unknown as Buffer;
    const { stdout, stderr } = demuxLogs(Buffer.isBuffer(logs) ? logs : Buffer.from(logs));
    const max = options.maxOutputBytes ?? 4 * 1024 * 1024;
    return {
      exitCode: waited.StatusCode,
      stdout: stdout.subarray(0, max),
      stderr: stderr.toString('utf8').slice(0, 2000),
    };
  } finally {
    await container.remove({ force: true, v: false }).catch(() => {});
  }
}
