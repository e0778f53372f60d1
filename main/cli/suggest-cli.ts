import fs from 'node:fs/promises';
import path from 'node:path';
import { builtInCatalogue } from '../services/demos/catalogue';
import { suggestForVault } from '../services/suggestions/vault-suggestions';

const catalogue = builtInCatalogue();

/**
 * `npm run demo -- --suggest --vault DIR [--json]`: the demos Berth would suggest under each
 * heading of every note, and the sentences the claim check flags. With --json, one JSON object.
 */
export async function runSuggestCli(
  vaultDir: string | undefined,
  json: boolean,
  io: { out: (text: string) => void; err: (text: string) => void },
): Promise<number> {
  if (!vaultDir) {
    io.err('Usage: npm run demo -- --suggest --vault DIR [--json]\n');
    return 64;
  }
  const root = path.resolve(vaultDir);
  const stat = await fs.stat(root).catch(() => null);
  if (!stat?.isDirectory()) {
    io.err(`There is no folder at "${root}"; give the folder that holds your notes.\n`);
    return 66;
  }
  let report;
  try {
    report = await suggestForVault(root, catalogue);
  } catch (error) {
    io.err(
      `Cannot read the vault "${root}": ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 66;
  }
  if (json) {
    io.out(`${JSON.stringify({ suggestions: report.suggestions, flags: report.flags })}\n`);
    return 0;
  }
  let note = '';
  for (const entry of report.suggestions) {
    if (entry.note !== note) io.out(`${note ? '\n' : ''}${(note = entry.note)}\n`);
    io.out(`  ${String(entry.line).padStart(4)}  ${entry.heading}\n`);
    for (const demo of entry.demos)
      io.out(`          ${demo.score.toFixed(2)}  ${demo.id.padEnd(28)} ${demo.why}\n`);
  }
  if (report.flags.length) {
    io.out('\nClaims to check:\n');
    for (const flag of report.flags)
      io.out(
        `  ${flag.note}:${flag.line}  "${flag.text}"\n          -> ${flag.correction} (demo ${flag.demo})\n`,
      );
  }
  const covered = new Set(report.suggestions.map((entry) => `${entry.note}#${entry.line}`)).size;
  io.out(
    `\n${report.notes} notes, ${covered} of ${report.headings} headings with a suggestion, ${report.flags.length} claims flagged.\n`,
  );
  return 0;
}
