import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Options of `npm run export`. Other features add theirs to `EXPORT_OPTIONS` (e.g. `--annotations`). */
export interface ExportArgs {
  vault: string;
  note: string;
  out?: string;
  /** Every parsed option, including ones added by other features. */
  values: Record<string, string | boolean | undefined>;
}

/** The CLI's options, as `node:util` parseArgs describes them. Extend by adding an entry. */
export const EXPORT_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  vault: { type: 'string', short: 'v' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
};

export const EXPORT_USAGE = `Usage: npm run export -- --vault DIR NOTE [--out FILE]

Writes NOTE (a path inside the vault like "Storage/Named Volumes.md", or a note name like
"Named Volumes") as one standalone, sanitized HTML file. Without --out, the file is
"<note name>.html" in the current folder.`;

/** Parses argv (without node and the script); throws an Error with a readable message. */
export function parseExportArgs(argv: string[]): ExportArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: EXPORT_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\n${EXPORT_USAGE}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return 'help';
  const vault = typeof values.vault === 'string' ? values.vault : undefined;
  if (!vault) throw new Error(`Missing --vault DIR.\n\n${EXPORT_USAGE}`);
  if (parsed.positionals.length !== 1) throw new Error(`Name exactly one note to export (got ${parsed.positionals.length}).\n\n${EXPORT_USAGE}`);
  const args: ExportArgs = { vault, note: parsed.positionals[0] ?? '', values };
  if (typeof values.out === 'string') args.out = values.out;
  return args;
}
