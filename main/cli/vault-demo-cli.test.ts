import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { BaseImageResolver } from '../services/demos/base-image';
import { VaultTrustStore } from '../services/demos/vault/vault-trust-store';
import { checkNoteFile, EXIT, findNote, runVaultNote } from './vault-demo-cli';

const root = path.resolve(import.meta.dirname, '../..');
const docker = new Dockerode();

const goodBlock = `\`\`\`berth-demo
title: tmpfs is gone after a restart
network: none
steps:
  - title: Write into tmpfs
    action: { kind: run, container: box, cmd: [sh, -c, "echo temp > /scratch/x && cat /scratch/x"], mounts: [{ type: tmpfs, target: /scratch }] }
    expect: [{ outputContains: temp }]
\`\`\``;

function vaultWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cli-vault-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      out: (t: string) => void out.push(t),
      err: (t: string) => void err.push(t),
      color: false,
    },
    out,
    err,
  };
}

describe('npm run demo -- --check', () => {
  it('prints each problem with its note line and exits non-zero; a good note exits 0', () => {
    const dir = vaultWith({
      'bad.md': `# **Netzwerk** notes\n\n\`\`\`berth-demo\ntitle: broken\nsteps:\n  - title: x\n    action: { kind: run, container: c, privileged: true }\n  - title: y\n    action: { kind: runn }\n\`\`\`\n`,
      'good.md': `Notes.\n\n${goodBlock}\n`,
    });
    const bad = capture();
    expect(checkNoteFile(path.join(dir, 'bad.md'), bad.io, false)).toBe(EXIT.failed);
    const lines = bad.err.join('');
    expect(lines).toContain(
      `${path.join(dir, 'bad.md')}:7: Refused: this demo asks for a privileged container`,
    );
    expect(lines).toMatch(/bad\.md:9: .*"runn" is not an action kind/);
    const good = capture();
    expect(checkNoteFile(path.join(dir, 'good.md'), good.io, false)).toBe(EXIT.ok);
    expect(good.out.join('')).toMatch(
      /good\.md:3: ok — “tmpfs is gone after a restart” \(1 steps\)/,
    );
  });

  it('exits non-zero for a note without demo blocks and for a missing file', () => {
    const dir = vaultWith({ 'plain.md': '# nothing\n```yaml\na: 1\n```\n' });
    expect(checkNoteFile(path.join(dir, 'plain.md'), capture().io, false)).toBe(EXIT.failed);
    expect(checkNoteFile(path.join(dir, 'missing.md'), capture().io, false)).toBe(EXIT.usage);
  });

  it('works through npm run demo (exit code and output)', () => {
    const dir = vaultWith({ 'bad.md': '```berth-demo\ntitle: [oops\n```\n' });
    const result = spawnSync(
      'npx',
      ['tsx', 'main/cli/demo.ts', '--check', path.join(dir, 'bad.md')],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/bad\.md:[23]: YAML: /);
  });
});

describe('npm run demo -- --vault DIR --note NAME', () => {
  it('finds notes by name or path, case-insensitively', async () => {
    const dir = vaultWith({ 'Storage/Tmpfs Notes.md': 'x', 'a.md': 'y' });
    expect(await findNote(dir, 'tmpfs notes')).toBe('Storage/Tmpfs Notes.md');
    expect(await findNote(dir, 'Storage/Tmpfs Notes.md')).toBe('Storage/Tmpfs Notes.md');
    expect(await findNote(dir, 'nope')).toBeNull();
  });

  it('without --yes and without a grant: prints the steps with their commands and refuses; with --yes: trusts, runs and passes', async () => {
    const dir = vaultWith({ 'Storage/Tmpfs.md': `# Tmpfs\n\n${goodBlock}\n` });
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cli-ud-'));
    const options = {
      vaultDir: dir,
      note: 'Tmpfs',
      json: false,
      userDataDir,
      baseImage: new BaseImageResolver(),
      docker: () => Promise.resolve(docker),
    };
    const refused = capture();
    expect(await runVaultNote({ ...options, yes: false }, refused.io)).toBe(EXIT.notTrusted);
    expect(refused.err.join('')).toMatch(/1\. Write into tmpfs\n\s+\$ docker run/);
    expect(refused.err.join('')).toMatch(/Refused: run again with --yes/);
    expect(new VaultTrustStore(userDataDir).isTrusted(dir)).toBe(false);

    const ran = capture();
    expect(await runVaultNote({ ...options, yes: true }, ran.io)).toBe(EXIT.ok);
    expect(ran.out.join('')).toMatch(/PASSED vault-/);
    expect(new VaultTrustStore(userDataDir).isTrusted(dir)).toBe(true);

    // The grant is remembered: no --yes needed the next time; --json prints the record.
    const again = capture();
    expect(await runVaultNote({ ...options, yes: false, json: true }, again.io)).toBe(EXIT.ok);
    expect(JSON.parse(again.out.join('')).status).toBe('passed');
  });

  it('a refused block in the note fails the run (exit 1) and starts nothing for it', async () => {
    const dir = vaultWith({
      'Mixed.md': `${goodBlock}\n\n\`\`\`berth-demo\ntitle: evil\nsteps:\n  - title: s\n    action: { kind: run, container: c, network: host }\n\`\`\`\n`,
    });
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cli-ud-'));
    const io = capture();
    const code = await runVaultNote(
      {
        vaultDir: dir,
        note: 'Mixed',
        yes: true,
        json: false,
        userDataDir,
        baseImage: new BaseImageResolver(),
        docker: () => Promise.resolve(docker),
      },
      io.io,
    );
    expect(code).toBe(EXIT.failed);
    expect(io.err.join('')).toMatch(/Mixed\.md:14: Refused: this demo asks for the host network/);
    expect(io.out.join('')).toMatch(/PASSED/);
  });
});
