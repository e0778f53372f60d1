import type Dockerode from 'dockerode';
import type { ContainerLogs, LogLine } from '../../contract/containers';
import { inspectContainerInfo } from './container-detail';

/** Splits output into lines, dropping the empty tail after the last newline. */
function linesOf(text: string, stream: LogLine['stream']): LogLine[] {
  const parts = text.split(/\r?\n/);
  if (parts.at(-1) === '') parts.pop();
  return parts.map((line) => ({ stream, text: line }));
}

/**
 * The last `tail` lines of a container's output. Without a TTY Docker multiplexes stdout and stderr
 * in 8-byte framed chunks; frames are kept in order so both streams interleave as they were written.
 */
export async function containerLogs(
  docker: Dockerode,
  id: string,
  tail: number,
): Promise<ContainerLogs> {
  const info = await inspectContainerInfo(docker, id);
  const raw = (await docker
    .getContainer(info.Id)
    .logs({ stdout: true, stderr: true, follow: false, tail })) as unknown;
  const buffer = Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw ?? ''));
  let lines: LogLine[];
  if (info.Config?.Tty) {
    lines = linesOf(buffer.toString('utf8'), 'stdout');
  } else {
    lines = [];
    let pending: { stream: LogLine['stream']; text: string } | null = null;
    for (const frame of framesOf(buffer)) {
      const stream = frame.stream;
      const text: string = (pending && pending.stream === stream ? pending.text : '') + frame.text;
      if (pending && pending.stream !== stream)
        lines.push(...linesOf(pending.text, pending.stream));
      const split: string[] = text.split(/\r?\n/);
      const rest: string = split.pop() ?? '';
      for (const line of split) lines.push({ stream, text: line });
      pending = rest ? { stream, text: rest } : null;
    }
    if (pending) lines.push({ stream: pending.stream, text: pending.text });
  }
  return { lines: lines.slice(-tail), tail, fetchedAt: Date.now() };
}

function* framesOf(buffer: Buffer): Generator<{ stream: LogLine['stream']; text: string }> {
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const size = buffer.readUInt32BE(offset + 4);
    const text = buffer.subarray(offset + 8, offset + 8 + size).toString('utf8');
    yield { stream: buffer[offset] === 2 ? 'stderr' : 'stdout', text };
    offset += 8 + size;
  }
}
