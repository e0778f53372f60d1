/**
 * Exports (or with --import, restores) a vault's annotations as Obsidian markdown.
 *   npm run export:annotations -- [--vault DIR] [--note PATH] [--out FILE] [--user-data DIR]
 */
import { runAnnotationsCli } from '../services/annotations/annotations-cli';

process.exitCode = runAnnotationsCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
