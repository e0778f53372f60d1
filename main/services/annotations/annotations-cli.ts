import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger } from '../logging/logger';
import { AnnotationsService } from './annotations-service';
import { confShardFactory } from './conf-shard-factory';

/** Where Berth keeps its data when no `--user-data` is given (the same place the app uses). */
export function defaultUserDataDir(): string {
  if (process.env.BERTH_USER_DATA) return process.env.BERTH_USER_DATA;
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Berth');
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Berth');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Berth');
}

export const ANNOTATIONS_CLI_USAGE = `Usage: export --annotations [--vault DIR] [--note PATH] [--out FILE] [--user-data DIR]
       export --annotations --import FILE [--vault DIR] [--user-data DIR]

Writes the annotations of a vault (or of one note) as Obsidian-compatible markdown, to FILE or
to standard output; with --import, restores annotations from such a file.`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The `--annotations` mode of the export CLI. Returns the process exit code. */
export function runAnnotationsCli(argv: string[], io: CliIo): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        annotations: { type: 'boolean' },
        vault: { type: 'string' },
        note: { type: 'string' },
        out: { type: 'string' },
        import: { type: 'string' },
        'user-data': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${ANNOTATIONS_CLI_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${ANNOTATIONS_CLI_USAGE}\n`);
    return 0;
  }
  const vault = path.resolve(values.vault ?? 'notes');
  if (!fs.existsSync(vault) || !fs.statSync(vault).isDirectory()) {
    io.err(`There is no vault folder at ${vault}. Pass the folder of your notes with --vault DIR.\n`);
    return 1;
  }
  const service = new AnnotationsService({
    baseDir: path.join(path.resolve(values['user-data'] ?? defaultUserDataDir()), 'annotations'),
    vaultPath: vault,
    openStore: confShardFactory,
    log: silentLogger,
    onNotice: (notice) => io.err(`${notice.message}\n`),
  });
  if (values.import) {
    let markdown: string;
    try {
      markdown = fs.readFileSync(values.import, 'utf8');
    } catch (error) {
      io.err(`Could not read ${values.import}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    const report = service.importMarkdown(markdown);
    for (const problem of report.problems) io.err(`${problem}\n`);
    io.out(`Imported ${report.added} new, ${report.updated} updated, ${report.unchanged} unchanged annotation(s) into ${vault}.\n`);
    return report.added + report.updated + report.unchanged > 0 || !report.problems.length ? 0 : 1;
  }
  const result = service.exportMarkdown(values.note);
  if (values.out) {
    fs.writeFileSync(values.out, result.markdown);
    io.err(`Wrote ${result.count} annotation(s) to ${path.resolve(values.out)}.\n`);
  } else {
    io.out(result.markdown);
  }
  return 0;
}
