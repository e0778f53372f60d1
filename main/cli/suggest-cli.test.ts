import fs from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempVault } from '../services/vault/test-vault';
import { runSuggestCli } from './suggest-cli';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

async function run(args: { vault?: string; json: boolean }) {
  let out = '';
  let err = '';
  const code = await runSuggestCli(args.vault, args.json, {
    out: (text) => (out += text),
    err: (text) => (err += text),
  });
  return { code, out, err };
}

describe('npm run demo -- --suggest', () => {
  it('prints one JSON object with suggestions per heading and flagged claims', async () => {
    const vault = await makeTempVault({
      'Woche 1/Speicher.md': '# Speicher\n\n**tmpfs mout**\nRAM only\n\n## Einkauf\n- Milch\n',
      'net.md': '## Default Bridge Network\nhost.docker.internal works out of the box on linux\n',
      '.obsidian/workspace.md': '## tmpfs\n',
    });
    dirs.push(vault);
    const { code, out } = await run({ vault, json: true });
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(out) as {
      suggestions: {
        note: string;
        heading: string;
        line: number;
        demos: { id: string; title: string; score: number; why: string }[];
      }[];
      flags: unknown[];
    };
    expect(
      report.suggestions.map((entry) => [
        entry.note,
        entry.heading,
        entry.line,
        entry.demos[0]?.id,
      ]),
    ).toEqual([
      ['net.md', 'Default Bridge Network', 1, 'bridge-dns'],
      ['Woche 1/Speicher.md', 'tmpfs mout', 3, 'tmpfs-is-ephemeral'],
    ]);
    expect(Object.keys(report.suggestions[0]?.demos[0] ?? {})).toEqual([
      'id',
      'title',
      'score',
      'why',
    ]);
    expect(report.flags).toEqual([
      {
        note: 'net.md',
        line: 2,
        text: 'host.docker.internal works out of the box on linux',
        demo: 'host-docker-internal',
        correction: expect.stringContaining('host-gateway'),
      },
    ]);
  });

  it('prints a readable listing without --json, and a clear error for a missing folder', async () => {
    const vault = await makeTempVault({ 'a.md': '## Bind mount\n-v ./src:/app\n' });
    dirs.push(vault);
    const listing = await run({ vault, json: false });
    expect(listing.out).toContain('a.md\n');
    expect(listing.out).toMatch(/bind-mount-two-way\s+matched: bind mount/);
    expect(listing.out).toContain('1 notes, 1 of 1 headings with a suggestion, 0 claims flagged.');
    const missing = await run({ vault: `${vault}/nope`, json: true });
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/Cannot read the vault|no folder/i);
    expect((await run({ json: true })).code).toBe(64);
  });
});
