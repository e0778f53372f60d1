import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { noteDemoBlocks } from '../main/services/demos/vault/note-demo-blocks';
import { expect, test } from './fixtures';
import { openNote } from './support/open-note';

const docker = (...args: string[]) =>
  execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Everything in Docker labelled as made by this demo. */
function madeBy(demoId: string): string[] {
  const filter = `label=berth.demo=${demoId}`;
  return [
    docker('ps', '-aq', '--filter', filter),
    docker('volume', 'ls', '-q', '--filter', filter),
    docker('network', 'ls', '-q', '--filter', filter),
    docker('images', '-aq', '--filter', filter),
  ].filter(Boolean);
}

const notes: Record<string, string> = {
  'Storage/Volumes lernen.md': `---
tags: [docker, speicher]
---
**Volumes** – meine Notizen

Volumes behalten Daten wenn der Container weg ist. Bind mounts sind *fast* das gleiche (??).

| Befehl | was |
|---|---|
| docker volume ls | list volumes |
| docker volume rm | remove (only when unused!) |

Test it myself:

\`\`\`berth-demo
title: My volume keeps the data
summary: Write into a named volume, delete the container, read it back.
steps:
  - title: Write a file into the volume
    action:
      kind: run
      container: writer
      network: none
      cmd: [sh, -c, "echo hallo welt > /data/gruss.txt"]
      mounts:
        - { type: volume, source: notizen, target: /data }
    expect:
      - exitCode: 0
  - title: Delete the writer
    action: { kind: remove, container: writer }
  - title: A new container still reads it
    action:
      kind: run
      container: reader
      network: none
      cmd: [cat, /data/gruss.txt]
      mounts:
        - { type: volume, source: notizen, target: /data }
    expect:
      - outputContains: hallo welt
\`\`\`

**Fazit:** volumes > container lifetime.
`,
  'Security/Gefährlich.md': `# **Dangerous stuff** (copied from a forum)

Someone said this shows how containers work:

\`\`\`berth-demo
title: See the host processes
steps:
  - title: run privileged
    action:
      kind: run
      container: evil
      privileged: true
      cmd: [ps]
\`\`\`

And this one reads the host's passwords:

\`\`\`berth-demo
title: Read /etc from the host
steps:
  - title: mount etc
    action:
      kind: run
      container: peek
      cmd: [cat, /host/shadow]
      mounts:
        - type: bind
          source: /etc
          target: /host
\`\`\`

Don't do this at home.
`,
  'Kaputt.md': `# Networking (draft)

My first try at a demo, indentation is off:

\`\`\`berth-demo
title: Two containers talk
steps:
  - title: make a network
    action:
      kind: network-create
     network: talk
  - title: ping
\`\`\`

## After the block

This paragraph must still show.
`,
};

function makeVault(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-vault-demos-e2e-'));
  for (const [name, text] of Object.entries(notes)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Serious or critical axe findings inside one part of the page (this feature's cards and dialog). */
async function axeFindings(page: Page, include: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include(include)
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('demos written in notes', () => {
  test.use({ berthOptions: { vault: makeVault() } });

  test('asks for trust with every step and its CLI, then runs and passes; trust is revocable in Settings', async ({
    berth,
  }) => {
    const { page } = berth;
    await openNote(page, 'Volumes lernen');
    const card = page.locator('.vault-demo-card[data-vault-demo]');
    await expect(card.locator('.demo-card-title')).toHaveText('My volume keeps the data');
    await expect(page.locator('.note-reader')).toContainText('volumes > container lifetime');
    await card.scrollIntoViewIfNeeded();
    await berth.shot('01-vault-demo-card');

    await card.getByRole('button', { name: 'Run demo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run demos written in this vault?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('.vault-trust-steps > li')).toHaveCount(3);
    await expect(dialog.locator('.vault-trust-step-title').first()).toHaveText(
      'Write a file into the volume',
    );
    await expect(dialog.locator('.vault-trust-cli').first()).toContainText('docker run');
    await expect(dialog.locator('.vault-trust-cli').nth(1)).toContainText(
      'docker rm berth-RUN-writer',
    );
    await expect(dialog).toContainText(berth.vaultDir);
    await berth.shot('02-trust-dialog');
    expect(await axeFindings(page, '.vault-trust-dialog')).toEqual([]);

    await dialog.getByRole('button', { name: 'Trust this vault and run' }).click();
    await expect(dialog).toBeHidden();
    const run = card.locator('.demo-run');
    await expect(run).toHaveAttribute('data-status', 'passed', { timeout: 90_000 });
    const runId = (await run.getAttribute('data-run-id')) ?? '';
    await expect(card.locator('.demo-step[data-status="passed"]')).toHaveCount(3);
    await expect(card.locator('.demo-output').last()).toContainText('hallo welt');
    await expect(card.locator('.demo-cleanup')).toContainText('Removed');
    const demoId = (await card.getAttribute('data-vault-demo')) ?? '';
    expect(demoId).toMatch(/^vault-/);
    expect(docker('ps', '-aq', '--filter', `label=berth.run=${runId}`)).toBe('');
    expect(madeBy(demoId)).toEqual([]);
    await run.scrollIntoViewIfNeeded();
    await berth.shot('03-vault-demo-passed');

    // Trusted now: the next run starts without asking.
    await card.getByRole('button', { name: 'Run again' }).click();
    await expect(
      page.getByRole('dialog', { name: 'Run demos written in this vault?' }),
    ).toHaveCount(0);
    await expect(card.locator('.demo-run')).toHaveAttribute('data-status', 'passed', {
      timeout: 90_000,
    });

    // Settings › Demos lists the vault; Revoke makes the next run ask again.
    await page.keyboard.press('Control+,');
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('tab', { name: /Demos/ }).click();
    const trustList = settings.locator('[data-setting="vault-trust"]');
    await expect(trustList.locator('li')).toHaveCount(1);
    await expect(trustList.locator('li code')).toHaveText(fs.realpathSync(berth.vaultDir));
    await trustList.scrollIntoViewIfNeeded();
    await berth.shot('04-settings-trusted-vaults');
    await trustList.getByRole('button', { name: /Revoke trust/ }).click();
    await expect(trustList).toContainText('No vault is trusted yet.');
    await page.keyboard.press('Escape');
    // "Run Demo of This Note" (Ctrl+Enter) goes through the card, so it asks again after the revoke.
    await page.locator('.note-reader .note-title').click();
    await page.keyboard.press('Control+Enter');
    await expect(
      page.getByRole('dialog', { name: 'Run demos written in this vault?' }),
    ).toBeVisible();
  });

  test('refuses a privileged container and a bind mount of /etc with the reason, and creates nothing', async ({
    berth,
  }) => {
    const { page } = berth;
    await openNote(page, 'Gefährlich');
    const cards = page.locator('.vault-demo-error.is-refused');
    await expect(cards).toHaveCount(2);
    const text = notes['Security/Gefährlich.md']!;
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    await expect(cards.nth(0)).toContainText('Berth will not run “See the host processes”');
    await expect(cards.nth(0)).toContainText(`Line ${lineOf('privileged: true')}`);
    await expect(cards.nth(0)).toContainText(
      'privileged container, which could take over your machine',
    );
    await expect(cards.nth(1)).toContainText(`Line ${lineOf('source: /etc')}`);
    await expect(cards.nth(1)).toContainText('bind-mounts "/etc" from your machine');
    await expect(cards.first().getByRole('button', { name: /Run/ })).toHaveCount(0);
    await expect(page.locator('.note-reader')).toContainText("Don't do this at home.");
    await cards.nth(0).scrollIntoViewIfNeeded();
    await berth.shot('05-refused-demos');
    expect(await axeFindings(page, '.vault-demo-error')).toEqual([]);
    for (const block of noteDemoBlocks('Security/Gefährlich.md', text))
      expect(madeBy(block.demoId)).toEqual([]);
  });

  test('an invalid YAML demo shows an error card naming the line; the rest of the note renders', async ({
    berth,
  }) => {
    const { page } = berth;
    await openNote(page, 'Kaputt');
    const card = page.locator('.vault-demo-error.is-invalid');
    await expect(card).toBeVisible();
    const expected = noteDemoBlocks('Kaputt.md', notes['Kaputt.md']!)[0]!.problems[0]!;
    await expect(card).toContainText(`Line ${expected.line}`);
    await expect(card).toContainText(expected.message);
    await expect(
      page.locator('.note-reader').getByRole('heading', { name: 'After the block' }),
    ).toBeVisible();
    await expect(page.locator('.note-reader')).toContainText('This paragraph must still show.');
    await card.getByRole('button', { name: 'Show the block' }).click();
    await expect(card.locator('.vault-demo-source')).toContainText('network: talk');
    await card.scrollIntoViewIfNeeded();
    await berth.shot('06-invalid-demo');
    // The theme follows the system by default: the same card in dark.
    await page.emulateMedia({ colorScheme: 'dark' });
    await berth.shot('07-invalid-demo-dark');
    expect(await axeFindings(page, '.vault-demo-error')).toEqual([]);
  });
});
