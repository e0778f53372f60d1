import fs from 'node:fs/promises';
import os from 'node:os';
import { RpcFailure } from '../../../contract/errors';
import { decodeNote } from '../../vault/note-source';
import { resolveVaultFile } from '../../vault/resolve-vault-file';
import { cliEquivalent } from '../cli-equivalent';
import type { DemoService } from '../demo-service';
import { RunContext } from '../run-context';
import type { RunRecord } from '../run-types';
import { guardedDocker } from './guarded-docker';
import { noteDemoBlocks, type NoteDemoBlock } from './note-demo-blocks';
import type { DemoProblem } from './parse-vault-demo';
import type { PolicyRefusal } from './vault-demo-policy';
import { canonicalVaultPath, type TrustedVault, type VaultTrustStore } from './vault-trust-store';

/** One inline demo of a note as the reader and the trust prompt show it. */
export interface VaultDemoView {
  index: number;
  line: number;
  demoId: string;
  status: 'ready' | 'invalid' | 'refused';
  title?: string;
  summary?: string;
  /** Every step with the `docker` command it amounts to (names as a run would make them). */
  steps: { title: string; explain?: string; cli: string }[];
  problems: DemoProblem[];
  refusals: PolicyRefusal[];
}

/** Notes larger than this are not searched for demos. */
const NOTE_LIMIT = 2_000_000;

/** Reads a note of a vault safely (inside the vault, no symlink escape, size-limited). */
export async function readVaultNote(vaultRoot: string, notePath: string): Promise<string> {
  if (!notePath.toLowerCase().endsWith('.md'))
    throw new RpcFailure('invalid-params', `"${notePath}" is not a markdown note.`);
  const file = await resolveVaultFile(vaultRoot, notePath);
  const stat = await fs.stat(file.filePath);
  if (stat.size > NOTE_LIMIT)
    throw new RpcFailure(
      'failed',
      `"${notePath}" is ${Math.round(stat.size / 1e6)} MB; Berth reads demos only from notes up to ${NOTE_LIMIT / 1e6} MB.`,
    );
  return decodeNote(await fs.readFile(file.filePath)).text;
}

/** Steps with their CLI equivalents, as a run would name things (`berth-<run>-…`). */
export function previewSteps(block: NoteDemoBlock, baseImage: string): VaultDemoView['steps'] {
  const demo = block.runnable;
  if (!demo) return (block.demo?.steps ?? []).map((s) => ({ title: s.title, cli: '' }));
  const ctx = new RunContext(
    'RUN',
    demo.id,
    '<run folder>',
    baseImage,
    os.hostname(),
    demo.network,
  );
  return demo.steps.map((step) => ({
    title: step.title,
    ...(step.explain ? { explain: step.explain } : {}),
    cli: cliEquivalent(step.action, ctx),
  }));
}

/** A checked block as the contract shows it. */
export function viewOf(block: NoteDemoBlock, baseImage: string): VaultDemoView {
  return {
    index: block.index,
    line: block.line,
    demoId: block.demoId,
    status: block.refusals.length ? 'refused' : block.runnable ? 'ready' : 'invalid',
    ...(block.demo?.title ? { title: block.demo.title } : {}),
    ...(block.demo?.summary ? { summary: block.demo.summary } : {}),
    steps: previewSteps(block, baseImage),
    problems: block.problems,
    refusals: block.refusals,
  };
}

export interface VaultDemoServiceOptions {
  demos: DemoService;
  trust: VaultTrustStore;
  /** The open vault's folder, or null when none is open. */
  vaultRoot: () => string | null;
  /** Told after a vault was trusted or its trust revoked. */
  onTrustChanged?: () => void;
}

/**
 * Demos students write in their own notes: lists and checks a note's ```berth-demo blocks,
 * and starts one only when the vault is trusted and the block, re-read from disk at that
 * moment, is valid and asks for nothing the policy refuses. Runs go through the catalogue's
 * engine (labels, cleanup, history, sweep).
 */
export class VaultDemoService {
  constructor(private readonly options: VaultDemoServiceOptions) {}

  private root(): string {
    const root = this.options.vaultRoot();
    if (!root) throw new RpcFailure('unavailable', 'No vault is open.');
    return root;
  }

  private baseImageName(): string {
    // Before the first run resolved it, show the name runs start from (as DemoRun does).
    return this.options.demos.image()?.image ?? 'busybox:1.36.1';
  }

  async list(
    notePath: string,
  ): Promise<{ vaultPath: string; trusted: boolean; demos: VaultDemoView[] }> {
    const root = this.root();
    const text = await readVaultNote(root, notePath);
    const base = this.baseImageName();
    return {
      vaultPath: canonicalVaultPath(root),
      trusted: this.options.trust.isTrusted(root),
      demos: noteDemoBlocks(notePath, text).map((b) => viewOf(b, base)),
    };
  }

  async start(notePath: string, index: number): Promise<RunRecord> {
    const root = this.root();
    if (!this.options.trust.isTrusted(root)) {
      throw new RpcFailure(
        'forbidden',
        'This vault is not trusted to run its own demos yet. Review the steps and choose “Trust this vault and run”.',
      );
    }
    const block = noteDemoBlocks(notePath, await readVaultNote(root, notePath)).find(
      (b) => b.index === index,
    );
    if (!block)
      throw new RpcFailure(
        'not-found',
        `"${notePath}" has no demo block number ${index + 1} (the note may have changed).`,
      );
    if (block.refusals.length)
      throw new RpcFailure(
        'forbidden',
        block.refusals.map((r) => `Line ${r.line}: ${r.reason}`).join('\n'),
      );
    if (!block.runnable)
      throw new RpcFailure(
        'invalid-params',
        block.problems.map((p) => `Line ${p.line}: ${p.message}`).join('\n') ||
          'This demo block is not valid.',
      );
    return this.options.demos.startDemo(block.runnable, { wrapDocker: guardedDocker });
  }

  trustCurrent(): TrustedVault {
    const granted = this.options.trust.grant(this.root());
    this.options.onTrustChanged?.();
    return granted;
  }

  trusted(): TrustedVault[] {
    return this.options.trust.list();
  }

  revoke(vaultPath: string): boolean {
    const revoked = this.options.trust.revoke(vaultPath);
    if (revoked) this.options.onTrustChanged?.();
    return revoked;
  }
}
