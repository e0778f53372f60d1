/**
 * `npm run export -- --vault DIR NOTE [--out FILE]`: writes a note as one standalone HTML file,
 * rendered by the same pipeline as the reader. Exit code 0 on success, 1 with a readable message.
 * `npm run export -- --annotations [--vault DIR] [--note PATH] [--out FILE]`: annotations as markdown.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { RpcFailure } from '../contract/errors';
import { silentLogger } from '../services/logging/logger';
import { volatileVaultMemory } from '../services/vault/vault-memory';
import { VaultService } from '../services/vault/vault-service';
import { runAnnotationsCli } from '../services/annotations/annotations-cli';
import { EXPORT_USAGE, parseExportArgs } from './export-args';

async function main(): Promise<void> {
  if (process.argv.includes('--annotations')) {
    // `npm run export -- --annotations [...]`: the vault's annotations as Obsidian markdown.
    process.exitCode = runAnnotationsCli(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
    return;
  }
  const args = parseExportArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return;
  }
  const vault = new VaultService({
    bundledVaultDir: args.vault,
    publish: () => undefined,
    log: silentLogger,
    memory: volatileVaultMemory(),
  });
  try {
    await vault.open(args.vault);
    const notePath = vault.resolveLink(args.note.replace(/\\/g, '/'), '').path;
    if (!notePath || !notePath.toLowerCase().endsWith('.md')) {
      throw new RpcFailure('not-found', `No note "${args.note}" in ${path.resolve(args.vault)}.`);
    }
    const exported = await vault.exportHtml(notePath);
    const out = path.resolve(args.out ?? exported.fileName);
    await fs.mkdir(path.dirname(out), { recursive: true });
    await fs.writeFile(out, exported.html);
    process.stdout.write(`Exported "${notePath}" to ${out} (${Math.round(exported.html.length / 1024)} KB)\n`);
  } finally {
    await vault.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Export failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
