import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { RpcFailure } from '../../contract/errors';
import { resolveVaultFile } from './resolve-vault-file';
import { fileKindOf } from './vault-paths';

const TASK_LINE = /^([ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[)([ xX])(\])/;

/**
 * The line with its task box set to `[x]` (done) or `[ ]`, and nothing else changed; null when
 * the line is not a task. Only the one character inside the brackets changes.
 */
export function setTaskMarkInLine(line: string, done: boolean): string | null {
  const match = TASK_LINE.exec(line);
  if (!match?.[1]) return null;
  const at = match[1].length;
  return `${line.slice(0, at)}${done ? 'x' : ' '}${line.slice(at + 1)}`;
}

/**
 * Ticks or unticks the task on 1-based `line` of a note, in place and atomically (a temporary file
 * in the same folder renamed over the note). Refuses when the file changed on disk since the
 * reader showed it (`expectedMtimeMs`), or when that line is no longer a task.
 */
export async function writeTaskMark(
  vaultRoot: string,
  notePath: string,
  line: number,
  done: boolean,
  expectedMtimeMs: number,
): Promise<{ mtimeMs: number; done: boolean }> {
  if (fileKindOf(notePath) !== 'note')
    throw new RpcFailure('invalid-params', `"${notePath}" is not a markdown note.`);
  const file = await resolveVaultFile(vaultRoot, notePath);
  const stat = await fsp.stat(file.filePath);
  if (Math.abs(stat.mtimeMs - expectedMtimeMs) > 1) {
    throw new RpcFailure(
      'conflict',
      `“${path.posix.basename(notePath)}” changed on disk since it was shown, so the task was not ticked. The note has been reloaded: try again.`,
    );
  }
  const text = await fsp.readFile(file.filePath, 'utf8');
  const lines = text.split('\n');
  const current = lines[line - 1];
  const changed = current === undefined ? null : setTaskMarkInLine(current, done);
  if (changed === null)
    throw new RpcFailure(
      'conflict',
      `Line ${line} of “${path.posix.basename(notePath)}” is no longer a task; the note has been reloaded.`,
    );
  if (changed === current) return { mtimeMs: stat.mtimeMs, done };
  lines[line - 1] = changed;
  const temporary = path.join(
    path.dirname(file.filePath),
    `.${path.basename(file.filePath)}.${randomBytes(4).toString('hex')}.berth-tmp`,
  );
  try {
    await fsp.writeFile(temporary, lines.join('\n'), { mode: stat.mode });
    await fsp.rename(temporary, file.filePath);
  } catch (error) {
    await fsp.rm(temporary, { force: true });
    throw new RpcFailure(
      'failed',
      `Could not save “${path.posix.basename(notePath)}”: ${(error as Error).message}`,
    );
  }
  return { mtimeMs: (await fsp.stat(file.filePath)).mtimeMs, done };
}
