import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Publish } from '../../contract';
import { builtInCatalogue, builtInCatalogueSteps } from '../demos/catalogue';
import type { Demo } from '../demos/demo-schema';
import { confStoreFactory } from '../settings/store-factory';
import { makeTempVault } from '../vault/test-vault';
import { Dismissals } from './dismissals';
import type { Steps } from './sliced-steps';
import { SuggestionsService, type SuggestionsServiceOptions } from './suggestions-service';

const catalogue = builtInCatalogue();

const STUDENT_NOTE = [
  '# Docker storage (Woche 3)',
  '',
  '**tmpfs**',
  'lives in RAM, weg nach dem stop',
  '',
  '## Anonymous Volumes',
  'anonymous volumes get deleted automatically when the container stops',
  '',
  '## Shopping list',
  '- milk',
  '',
].join('\n');

const cleanup: string[] = [];
afterEach(async () => {
  for (const dir of cleanup.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

async function setup(
  files: Record<string, string | Buffer> = { 'Storage/week3.md': STUDENT_NOTE },
  options: { readOnly?: boolean; catalogueSteps?: SuggestionsServiceOptions['catalogueSteps'] } = {},
) {
  const root = await makeTempVault(files);
  const userData = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-suggest-user-'));
  cleanup.push(root, userData);
  const events: string[] = [];
  const publish = ((name: string) => events.push(name)) as Publish;
  let enabled = true;
  const make = () =>
    new SuggestionsService({
      catalogueSteps: options.catalogueSteps ?? builtInCatalogueSteps,
      vaultRoot: () => root,
      enabled: () => enabled,
      isReadOnly: () => options.readOnly ?? false,
      dismissals: new Dismissals(confStoreFactory(userData)),
      publish,
    });
  return { root, events, service: make(), make, setEnabled: (value: boolean) => (enabled = value) };
}

describe('SuggestionsService', () => {
  it('warms up from the steps of the catalogue, giving the event loop back between them, and suggests as it does when built at first use', async () => {
    /** The catalogue a demo per step, counted in `counter`. */
    const countedSteps = (counter: { steps: number }) =>
      function* (): Steps<readonly Demo[]> {
        for (const _demo of catalogue) {
          counter.steps++;
          const until = performance.now() + 1;
          while (performance.now() < until); // a demo's validation takes about a millisecond
          yield;
        }
        return catalogue;
      };
    const atOnce = { steps: 0 };
    const { service: cold, root } = await setup(undefined, { catalogueSteps: countedSteps(atOnce) });
    const sliced = { steps: 0 };
    let turns = 0;
    const warm = new SuggestionsService({
      catalogueSteps: countedSteps(sliced),
      vaultRoot: () => root,
      enabled: () => true,
      dismissals: new Dismissals(confStoreFactory(root + '-user')),
      publish: (() => undefined) as Publish,
    });
    cleanup.push(root + '-user');
    const turning = setInterval(() => turns++, 0);
    await warm.warmUp();
    clearInterval(turning);
    expect(sliced.steps).toBe(catalogue.length);
    expect(turns).toBeGreaterThan(1);
    await warm.warmUp(); // built once
    expect(sliced.steps).toBe(catalogue.length);
    expect(atOnce.steps).toBe(0); // the cold one runs its steps, all at once, at first use
    expect(await warm.forNote('Storage/week3.md')).toEqual(await cold.forNote('Storage/week3.md'));
    expect(atOnce.steps).toBe(catalogue.length);
    expect(sliced.steps).toBe(catalogue.length);
  });

  it('reads a note once for the calls that come while it is being looked at, and again for a later call', async () => {
    const { root, service } = await setup();
    // The read is the part to share (protected: watched through the instance).
    const readNote = vi.spyOn(service as unknown as { readNote: (root: string, notePath: string) => Promise<string> }, 'readNote');
    const answers = await Promise.all([1, 2, 3].map(() => service.forNote('Storage/week3.md')));
    expect(readNote).toHaveBeenCalledTimes(1);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]?.sections.map((section) => section.heading)).toEqual(['tmpfs', 'Anonymous Volumes']);
    // A call after that one reads the file again: an edit made meanwhile is seen.
    await fs.writeFile(path.join(root, 'Storage/week3.md'), '# Shopping\n\n- milk\n');
    expect((await service.forNote('Storage/week3.md')).sections).toEqual([]);
    expect(readNote).toHaveBeenCalledTimes(2);
  });

  it('answers suggestions and flags for a note of the vault', async () => {
    const { service } = await setup();
    const result = await service.forNote('Storage/week3.md');
    expect(result.enabled).toBe(true);
    expect(result.sections.map((section) => [section.heading, section.line])).toEqual([
      ['tmpfs', 3],
      ['Anonymous Volumes', 6],
    ]);
    expect(result.sections[0]?.demos[0]).toMatchObject({
      id: 'tmpfs-is-ephemeral',
      title: expect.any(String),
      summary: expect.any(String),
    });
    expect(result.flags).toEqual([
      expect.objectContaining({ line: 7, demo: 'anonymous-volume-dangling' }),
    ]);
  });

  it('answers nothing when the setting is off', async () => {
    const { service, setEnabled } = await setup();
    setEnabled(false);
    expect(await service.forNote('Storage/week3.md')).toEqual({
      enabled: false,
      sections: [],
      flags: [],
    });
  });

  it('remembers dismissals per vault and heading, restores them, and publishes a change', async () => {
    const { service, make, events } = await setup();
    service.dismiss('Storage/week3.md', 'tmpfs', 'tmpfs-is-ephemeral');
    expect(events).toEqual(['suggestions.changed']);
    const again = make();
    const ids =
      (await again.forNote('Storage/week3.md')).sections
        .find((section) => section.heading === 'tmpfs')
        ?.demos.map((demo) => demo.id) ?? [];
    expect(ids).not.toContain('tmpfs-is-ephemeral');
    again.dismiss('Storage/week3.md', 'tmpfs', 'tmpfs-is-ephemeral', true);
    const restored = await again.forNote('Storage/week3.md');
    expect(restored.sections[0]?.demos[0]?.id).toBe('tmpfs-is-ephemeral');
  });

  it('refuses paths outside the vault and missing notes with a readable message', async () => {
    const { service } = await setup();
    await expect(service.forNote('../escape.md')).rejects.toThrow(/climbs out of the vault/);
    await expect(service.forNote('nope.md')).rejects.toThrow(/not found/);
  });

  it('recomputes when the note changes on disk', async () => {
    const { service, root } = await setup();
    expect((await service.forNote('Storage/week3.md')).sections).toHaveLength(2);
    await fs.writeFile(path.join(root, 'Storage/week3.md'), '## Shopping list\n- milk\n');
    expect((await service.forNote('Storage/week3.md')).sections).toEqual([]);
  });

  it('adds a berth-demo block at the end of the section, atomically, and undoes it', async () => {
    const { service, root } = await setup();
    const file = path.join(root, 'Storage/week3.md');
    const { undoToken, path: notePath } = await service.addToNote(
      'Storage/week3.md',
      'tmpfs',
      3,
      'tmpfs-is-ephemeral',
    );
    expect(notePath).toBe('Storage/week3.md');
    const written = await fs.readFile(file, 'utf8');
    expect(written).toContain(
      'lives in RAM, weg nach dem stop\n\n```berth-demo tmpfs-is-ephemeral\n',
    );
    expect(written.indexOf('```berth-demo')).toBeLessThan(written.indexOf('## Anonymous Volumes'));
    expect(await fs.readdir(path.join(root, 'Storage'))).toEqual(['week3.md']);
    // The demo now has its block there, so it is no longer suggested under that heading.
    const after = await service.forNote('Storage/week3.md');
    expect(
      after.sections.find((section) => section.heading === 'tmpfs')?.demos.map((demo) => demo.id) ??
        [],
    ).not.toContain('tmpfs-is-ephemeral');
    await expect(
      service.addToNote('Storage/week3.md', 'tmpfs', 3, 'tmpfs-is-ephemeral'),
    ).rejects.toThrow(/already has the demo/);
    await service.undoAdd(undoToken);
    expect(await fs.readFile(file, 'utf8')).toBe(STUDENT_NOTE);
    await expect(service.undoAdd(undoToken)).rejects.toThrow(/can no longer be undone/);
  });

  it('refuses to undo when the note was edited since, and keeps the edit', async () => {
    const { service, root } = await setup();
    const file = path.join(root, 'Storage/week3.md');
    const { undoToken } = await service.addToNote(
      'Storage/week3.md',
      'Anonymous Volumes',
      6,
      'anonymous-volume-dangling',
    );
    await fs.appendFile(file, '\nmy new line\n');
    await expect(service.undoAdd(undoToken)).rejects.toThrow(/was edited after the demo was added/);
    expect(await fs.readFile(file, 'utf8')).toContain('my new line');
  });

  it('keeps CRLF line endings and a BOM, and finds a heading that moved', async () => {
    const crlf = '\ufeff# Intro\r\n\r\n## Bind mount\r\n-v ./src:/app\r\n## Next\r\ntext\r\n';
    const { service, root } = await setup({ 'win.md': crlf });
    await service.addToNote('win.md', 'Bind mount', 1, 'bind-mount-two-way');
    const written = await fs.readFile(path.join(root, 'win.md'), 'utf8');
    expect(written.startsWith('\ufeff# Intro\r\n')).toBe(true);
    expect(written).toContain('-v ./src:/app\r\n\r\n```berth-demo bind-mount-two-way\r\n');
    expect(written).toContain('```\r\n\r\n## Next\r\n');
    expect(written.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('refuses unknown demos, vanished headings and read-only vaults', async () => {
    const { service } = await setup();
    await expect(service.addToNote('Storage/week3.md', 'tmpfs', 3, 'no-such-demo')).rejects.toThrow(
      /no demo "no-such-demo"/,
    );
    await expect(
      service.addToNote('Storage/week3.md', 'Gone heading', 3, 'tmpfs-is-ephemeral'),
    ).rejects.toThrow(/no longer in/);
    const bundled = await setup(undefined, { readOnly: true });
    await expect(
      bundled.service.addToNote('Storage/week3.md', 'tmpfs', 3, 'tmpfs-is-ephemeral'),
    ).rejects.toThrow(/bundled study vault/);
  });
});
