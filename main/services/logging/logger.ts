import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A small structured logger. Lines are JSON; secrets are redacted before they are written. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

export interface LoggerOptions {
  /** Log file; rotated to `.1`, `.2`, `.3` when it passes `maxBytes`. */
  file?: string;
  maxBytes?: number;
  keep?: number;
  /** Also print to stderr (warn and error only unless `verbose`). */
  console?: boolean;
  verbose?: boolean;
  scope?: string;
}

const SECRET_PATTERNS: RegExp[] = [
  /(token=)[A-Za-z0-9_-]+/gi,
  /("?(?:token|password|secret|authorization)"?\s*[:=]\s*"?)[^",\s]+/gi,
];

/** Replaces tokens and passwords in a log line with a short, safe prefix. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (_m, prefix: string) => `${prefix}<redacted>`);
  }
  return out;
}

function rotate(file: string, keep: number): void {
  for (let i = keep - 1; i >= 1; i--) {
    const from = `${file}.${i}`;
    if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
  }
  if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
}

/** Creates a logger that writes JSON lines to a rotated file and, optionally, to stderr. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  let size = 0;
  if (options.file) {
    fs.mkdirSync(path.dirname(options.file), { recursive: true });
    size = fs.existsSync(options.file) ? fs.statSync(options.file).size : 0;
  }

  const write = (scope: string | undefined, level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    const line = redactSecrets(
      JSON.stringify({ time: new Date().toISOString(), level, scope, message, ...fields }),
    );
    if (options.file) {
      try {
        if (size + line.length + 1 > maxBytes) {
          rotate(options.file, keep);
          size = 0;
        }
        fs.appendFileSync(options.file, `${line}\n`);
        size += line.length + 1;
      } catch {
        // Logging must never take the app down; the console copy below still gets it.
      }
    }
    if (options.console && (options.verbose || level === 'warn' || level === 'error')) {
      process.stderr.write(`${redactSecrets(`[${level}]${scope ? ` ${scope}:` : ''} ${message}`)}${fields ? ` ${redactSecrets(JSON.stringify(fields))}` : ''}\n`);
    }
  };

  const make = (scope: string | undefined): Logger => ({
    debug: (m, f) => write(scope, 'debug', m, f),
    info: (m, f) => write(scope, 'info', m, f),
    warn: (m, f) => write(scope, 'warn', m, f),
    error: (m, f) => write(scope, 'error', m, f),
    child: (s) => make(scope ? `${scope}.${s}` : s),
  });
  return make(options.scope);
}

/** A logger that drops everything; for unit tests. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
