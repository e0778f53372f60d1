import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { defaultUserDataDir } from '../services/annotations/annotations-cli';
import type { BaseImageResolver } from '../services/demos/base-image';
import { DemoRun } from '../services/demos/demo-runner';
import type { RunRecord } from '../services/demos/run-types';
import { guardedDocker } from '../services/demos/vault/guarded-docker';
import { noteDemoBlocks, type NoteDemoBlock } from '../services/demos/vault/note-demo-blocks';
import { previewSteps, readVaultNote } from '../services/demos/vault/vault-demo-service';
import { VaultTrustStore } from '../services/demos/vault/vault-trust-store';
import { noteNameOf } from '../services/vault/vault-paths';
import { walkVault } from '../services/vault/vault-walk';
import { renderRunEvent } from './demo-terminal';

/** Where the CLI writes. */
export interface CliOut {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
}

/** Exit codes: all passed / something failed or is invalid / usage / not trusted / Docker away. */
export const EXIT = { ok: 0, failed: 1, usage: 64, notTrusted: 77, noDocker: 69 } as const;

function problemLines(file: string, block: NoteDemoBlock): string[] {
  return [
    ...block.refusals.map((r) => `${file}:${r.line}: ${r.reason}`),
    ...block.problems.map((p) => `${file}:${p.line}: ${p.message}`),
  ].sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1]));
}

/** `--check FILE.md`: validates every inline demo of a note without running anything. */
export function checkNoteFile(file: string, io: CliOut, json: boolean): number {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    io.err(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}\n`,
    );
    return EXIT.usage;
  }
  const blocks = noteDemoBlocks(path.basename(file), text);
  if (json) {
    io.out(
      `${JSON.stringify(
        blocks.map((b) => ({
          index: b.index,
          line: b.line,
          demoId: b.demoId,
          title: b.demo?.title ?? null,
          ok: Boolean(b.runnable),
          problems: b.problems,
          refusals: b.refusals,
        })),
        null,
        2,
      )}\n`,
    );
  } else if (!blocks.length) {
    io.err(
      `${file}: no berth-demo blocks with YAML (write \`\`\`berth-demo, then title: and steps:).\n`,
    );
  } else {
    for (const block of blocks) {
      const lines = problemLines(file, block);
      if (!lines.length)
        io.out(
          `${file}:${block.line}: ok — “${block.demo?.title ?? ''}” (${block.demo?.steps.length ?? 0} steps)\n`,
        );
      else for (const line of lines) io.err(`${line}\n`);
    }
  }
  return blocks.length && blocks.every((b) => b.runnable) ? EXIT.ok : EXIT.failed;
}

/** Finds a note by vault path ("Storage/Volumes.md") or by name ("Volumes"), case-insensitively. */
export async function findNote(vaultDir: string, name: string): Promise<string | null> {
  const { notes } = await walkVault(vaultDir);
  const wanted = name.replace(/\\/g, '/').replace(/^\.\//, '');
  const lower = wanted.toLowerCase();
  return (
    notes.find((n) => n === wanted) ??
    notes.find((n) => n.toLowerCase() === lower || n.toLowerCase() === `${lower}.md`) ??
    notes.find((n) => noteNameOf(n).toLowerCase() === lower.replace(/\.md$/, '')) ??
    null
  );
}

export interface VaultRunOptions {
  vaultDir: string;
  note: string;
  yes: boolean;
  json: boolean;
  userDataDir?: string;
  docker: () => Promise<Dockerode>;
  baseImage: BaseImageResolver;
}

/** `--vault DIR --note NAME [--yes]`: runs the note's own demos; 0 only when every one passed. */
export async function runVaultNote(options: VaultRunOptions, io: CliOut): Promise<number> {
  if (!fs.existsSync(options.vaultDir) || !fs.statSync(options.vaultDir).isDirectory()) {
    io.err(`The vault folder ${options.vaultDir} does not exist.\n`);
    return EXIT.usage;
  }
  const notePath = await findNote(options.vaultDir, options.note);
  if (!notePath) {
    io.err(`There is no note “${options.note}” in ${options.vaultDir}.\n`);
    return EXIT.usage;
  }
  const blocks = noteDemoBlocks(notePath, await readVaultNote(options.vaultDir, notePath));
  if (!blocks.length) {
    io.err(`“${notePath}” has no berth-demo blocks with YAML.\n`);
    return EXIT.failed;
  }
  let exit: number = EXIT.ok;
  for (const block of blocks.filter((b) => !b.runnable)) {
    for (const line of problemLines(notePath, block)) io.err(`${line}\n`);
    exit = EXIT.failed;
  }
  const runnable = blocks.filter((b) => b.runnable);
  const trust = new VaultTrustStore(options.userDataDir ?? defaultUserDataDir());
  if (!trust.isTrusted(options.vaultDir)) {
    const base = options.baseImage.current?.image ?? 'busybox:1.36.1';
    io.err(`This vault's own demos have not been trusted yet. They would run these steps:\n`);
    for (const block of runnable) {
      io.err(`\n  ${block.demo?.title ?? block.demoId} (${notePath}, line ${block.line})\n`);
      previewSteps(block, base).forEach((step, i) =>
        io.err(`    ${i + 1}. ${step.title}\n       $ ${step.cli.replace(/\n/g, '\n         ')}\n`),
      );
    }
    if (!options.yes) {
      io.err(
        `\nRefused: run again with --yes to trust ${options.vaultDir} (remembered; revoke in Berth › Settings › Demos).\n`,
      );
      return EXIT.notTrusted;
    }
    trust.grant(options.vaultDir);
    io.err(`\nTrusted ${options.vaultDir} (revoke in Berth › Settings › Demos).\n\n`);
  }
  if (!runnable.length) return exit;
  const docker = await options.docker();
  const results: RunRecord[] = [];
  for (const block of runnable) {
    const demo = block.runnable!;
    const workRoot = path.join(os.tmpdir(), 'berth-demo-runs');
    const run = new DemoRun(
      demo,
      { docker: () => guardedDocker(docker, workRoot), baseImage: options.baseImage, workRoot },
      (event) => {
        if (!options.json) io.out(renderRunEvent(event, demo, io.color));
      },
    );
    const onSignal = () => run.cancel();
    process.once('SIGINT', onSignal);
    const record = await run.done;
    process.off('SIGINT', onSignal);
    results.push(record);
    if (record.status !== 'passed') exit = EXIT.failed;
  }
  if (options.json) io.out(`${JSON.stringify(results.length === 1 ? results[0] : results)}\n`);
  return exit;
}
