import path from 'node:path';
import type Dockerode from 'dockerode';
import { RpcFailure } from '../../contract/errors';
import type { VolumeFile } from '../../contract/volumes';
import { runHelper } from './helper-container';

/** Most entries listed per directory. */
export const MAX_LISTED = 2000;
/** Most bytes of a file shown. */
export const MAX_TEXT_BYTES = 64 * 1024;

/** Normalises a path inside a volume; refuses anything that would leave it. */
export function safeVolumePath(input: string): string {
  const trimmed = input.replace(/\\/g, '/').replace(/^\/+/, '');
  const normalised = path.posix.normalize(trimmed || '.');
  if (normalised === '.') return '';
  if (normalised === '..' || normalised.startsWith('../') || normalised.includes('\0')) {
    throw new RpcFailure(
      'invalid-params',
      `"${input}" points outside the volume; use a path inside it.`,
    );
  }
  return normalised.replace(/\/$/, '');
}

const LIST_SCRIPT = [
  'cd -- "/volume/$1" 2>/dev/null || { if [ -e "/volume/$1" ]; then echo "not a directory" >&2; exit 4; fi; echo "no such path" >&2; exit 3; }',
  `find . -mindepth 1 -maxdepth 1 | head -n ${MAX_LISTED + 1} | while IFS= read -r f; do stat -c '%f|%s|%Y|%n' -- "$f"; done`,
].join('\n');

function typeFromMode(hexMode: string): VolumeFile['type'] {
  const mode = parseInt(hexMode, 16) & 0o170000;
  if (mode === 0o040000) return 'directory';
  if (mode === 0o100000) return 'file';
  if (mode === 0o120000) return 'symlink';
  return 'other';
}

/** Parses `stat -c '%f|%s|%Y|%n'` lines into entries under `dir`. */
export function parseListing(
  output: string,
  dir: string,
): { files: VolumeFile[]; truncated: boolean } {
  const files: VolumeFile[] = [];
  for (const line of output.split('\n')) {
    const match = /^([0-9a-f]+)\|(\d+)\|(\d+)\|\.\/(.*)$/.exec(line);
    if (!match) continue;
    const name = match[4]!;
    files.push({
      name,
      path: dir ? `${dir}/${name}` : name,
      type: typeFromMode(match[1]!),
      size: Number(match[2]),
      modifiedAt: Number(match[3]) * 1000,
    });
  }
  const truncated = files.length > MAX_LISTED;
  files.splice(MAX_LISTED);
  files.sort(
    (a, b) =>
      Number(b.type === 'directory') - Number(a.type === 'directory') ||
      a.name.localeCompare(b.name),
  );
  return { files, truncated };
}

function failFromHelper(volume: string, target: string, exitCode: number, stderr: string): never {
  if (exitCode === 3)
    throw new RpcFailure('not-found', `There is no "${target || '/'}" in volume ${volume}.`);
  if (exitCode === 4)
    throw new RpcFailure('invalid-params', `"${target}" in volume ${volume} is not a directory.`);
  if (exitCode === 5)
    throw new RpcFailure(
      'invalid-params',
      `"${target}" in volume ${volume} is not a regular file.`,
    );
  throw new RpcFailure(
    'failed',
    `Looking inside volume ${volume} failed (exit ${exitCode}).`,
    stderr.trim() || undefined,
  );
}

/** Lists one directory of a volume through a short-lived read-only helper container. */
export async function listVolumeFiles(
  docker: Dockerode,
  volume: string,
  dirPath: string,
  image?: string,
): Promise<{ path: string; files: VolumeFile[]; truncated: boolean }> {
  const dir = safeVolumePath(dirPath);
  const result = await runHelper(docker, {
    volume,
    cmd: ['sh', '-c', LIST_SCRIPT, 'sh', dir || '.'],
    ...(image ? { image } : {}),
  });
  if (result.exitCode !== 0) failFromHelper(volume, dir, result.exitCode, result.stderr);
  return { path: dir, ...parseListing(result.stdout.toString('utf8'), dir) };
}

const READ_SCRIPT = [
  'f="/volume/$1"',
  '[ -e "$f" ] || exit 3',
  '[ -f "$f" ] || exit 5',
  'stat -c %s -- "$f"',
  `head -c ${MAX_TEXT_BYTES} -- "$f"`,
].join('\n');

/** True when the bytes look like text (no NUL, mostly printable UTF-8). */
export function looksBinary(bytes: Buffer): boolean {
  if (bytes.includes(0)) return true;
  const text = bytes.toString('utf8');
  const replacement = text.split('\uFFFD').length - 1;
  return replacement > Math.max(2, text.length / 100);
}

/** Reads the start of a small text file in a volume through a read-only helper container. */
export async function readVolumeFile(
  docker: Dockerode,
  volume: string,
  filePath: string,
  image?: string,
): Promise<{ path: string; text: string; size: number; truncated: boolean; binary: boolean }> {
  const target = safeVolumePath(filePath);
  if (!target)
    throw new RpcFailure(
      'invalid-params',
      'Choose a file inside the volume, not the volume itself.',
    );
  const result = await runHelper(docker, {
    volume,
    cmd: ['sh', '-c', READ_SCRIPT, 'sh', target],
    ...(image ? { image } : {}),
  });
  if (result.exitCode !== 0) failFromHelper(volume, target, result.exitCode, result.stderr);
  const newline = result.stdout.indexOf(0x0a);
  const size = Number(result.stdout.subarray(0, newline).toString('utf8'));
  const bytes = result.stdout.subarray(newline + 1);
  const binary = looksBinary(bytes);
  return {
    path: target,
    text: binary ? '' : bytes.toString('utf8'),
    size,
    truncated: size > bytes.length,
    binary,
  };
}
