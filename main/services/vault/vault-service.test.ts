import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { volatileVaultMemory } from './vault-memory';
import { inProcessParser, type NoteParser } from './note-parser';
import { VaultService } from './vault-service';
import { createAppVaultService } from './create-app-vault';
import { makeTempVault } from './test-vault';

const services: VaultService[] = [];
const roots: string[] = [];

async function open(files: Record<string, string | Buffer>) {
  const root = await makeTempVault(files);
  roots.push(root);
  const events: { paths: string[]; kind: string }[] = [];
  const service = new VaultService({
    bundledVaultDir: root,
    publish: (event, payload) => {
      if (event === 'vault.changed') events.push(payload as { paths: string[]; kind: string });
    },
    log: silentLogger,
    memory: volatileVaultMemory(),
    settleMs: 20,
  });
  services.push(service);
  await service.open(root);
  return { root, service, events };
}

function nextIndexed(service: VaultService): Promise<string[]> {
  return new Promise((resolve) => {
    const off = service.onIndexed((paths) => {
      off();
      resolve(paths);
    });
  });
}

afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
  await Promise.all(roots.splice(0).map((r) => fs.rm(r, { recursive: true, force: true })));
});

const base = {
  'Welcome.md': '# Welcome\nStart with [[Volumes]] and [[Volumes#Named]].',
  'Storage/Volumes.md': '---\naliases: [vols]\ntags: [storage]\n---\n# Volumes\n## Named\nNamed volumes persist. #docker/volumes',
  'Storage/Bind Mounts.md': '# Bind mounts\nUnlike volumes, bind mounts map a host path.',
  '.obsidian/workspace.md': '# ignored',
  'node_modules/x/README.md': '# ignored',
  'attachments/pic.png': 'png',
};

describe('VaultService', () => {
  it('indexes notes, attachments and folders, ignoring tool folders', async () => {
    const { service } = await open(base);
    const info = service.info();
    expect(info.noteCount).toBe(3);
    expect(info.attachmentCount).toBe(1);
    expect(info.initialNote).toBe('Welcome.md');
    const names = JSON.stringify(service.tree());
    expect(names).toContain('Storage/Bind Mounts.md');
    expect(names).not.toContain('.obsidian');
    expect(names).not.toContain('node_modules');
  });

  it('answers backlinks (linked and unlinked), tags, search and quick switch', async () => {
    const { service } = await open(base);
    const backlinks = service.backlinks('Storage/Volumes.md');
    expect(backlinks.linked.map((b) => b.path)).toEqual(['Welcome.md']);
    expect(backlinks.linked[0]?.contexts[0]?.text).toBe('Start with Volumes and Volumes › Named.');
    expect(backlinks.unlinked.map((b) => b.path)).toEqual(['Storage/Bind Mounts.md']);
    expect(service.tags().tags).toEqual(expect.arrayContaining([{ tag: 'docker', count: 1 }, { tag: 'docker/volumes', count: 1 }, { tag: 'storage', count: 1 }]));
    const hits = (await service.search('persist')).hits;
    expect(hits[0]?.path).toBe('Storage/Volumes.md');
    expect(hits[0]?.snippet.some((part) => part.match && /persist/i.test(part.text))).toBe(true);
    expect(service.quickSwitch('vols').hits[0]).toMatchObject({ path: 'Storage/Volumes.md', alias: 'vols' });
    expect(service.quickSwitch('bndmnt').hits[0]?.path).toBe('Storage/Bind Mounts.md');
  });

  it('finds canvases by name in the quick switcher, after a note of the same name', async () => {
    const { service } = await open({
      'Storage map.md': '# Storage map\n',
      'Boards/Storage map.canvas': '{"nodes":[],"edges":[]}',
      'Boards/Networks.canvas': '{"nodes":[],"edges":[]}',
      'img/whale.png': Buffer.from([137, 80, 78, 71]),
    });
    expect(service.quickSwitch('netwrks').hits[0]).toMatchObject({ path: 'Boards/Networks.canvas', name: 'Networks', folder: 'Boards' });
    expect(service.quickSwitch('storage map').hits.map((hit) => hit.path)).toEqual(['Storage map.md', 'Boards/Storage map.canvas']);
    expect(service.quickSwitch('whale').hits).toEqual([]);
    expect(service.quickSwitch('').hits.map((hit) => hit.path)).toEqual(expect.arrayContaining(['Boards/Networks.canvas', 'Storage map.md']));
  });

  it('updates tree, links, backlinks and search when files change on disk', async () => {
    const { root, service, events } = await open(base);
    let indexed = nextIndexed(service);
    await fs.writeFile(path.join(root, 'New Note.md'), '# New\nLinks to [[Bind Mounts]]. zebra');
    await indexed;
    expect((await service.search('zebra')).hits[0]?.path).toBe('New Note.md');
    expect(service.backlinks('Storage/Bind Mounts.md').linked.map((b) => b.path)).toEqual(['New Note.md']);

    indexed = nextIndexed(service);
    await fs.writeFile(path.join(root, 'Welcome.md'), '# Welcome\nNothing linked now. giraffe');
    await indexed;
    expect(service.backlinks('Storage/Volumes.md').linked).toEqual([]);
    expect((await service.search('giraffe')).hits.length).toBe(1);

    indexed = nextIndexed(service);
    await fs.rename(path.join(root, 'New Note.md'), path.join(root, 'Storage/Renamed.md'));
    await indexed;
    if (service.info().noteCount !== 4 || !JSON.stringify(service.tree()).includes('Renamed')) await nextIndexed(service);
    expect(JSON.stringify(service.tree())).toContain('Storage/Renamed.md');
    expect(JSON.stringify(service.tree())).not.toContain('New Note.md');
    expect(service.backlinks('Storage/Bind Mounts.md').linked.map((b) => b.path)).toEqual(['Storage/Renamed.md']);

    indexed = nextIndexed(service);
    await fs.rm(path.join(root, 'Storage/Renamed.md'));
    await indexed;
    expect((await service.search('zebra')).hits).toEqual([]);
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['added', 'changed', 'removed']));
  });

  it('catches up what changed on disk while the vault was being indexed (before its watcher was up)', async () => {
    const root = await makeTempVault({ 'Welcome.md': '# Welcome', 'Old.md': 'old text', 'Doomed.md': 'doomed' });
    roots.push(root);
    // A parser that, while the notes are being read, lets a student's editor write, add and delete.
    const parser: NoteParser = {
      async parse(dir, paths, onBatch) {
        await inProcessParser.parse(dir, paths, onBatch);
        await fs.writeFile(path.join(root, 'Old.md'), 'new text pelican');
        await fs.writeFile(path.join(root, 'Added while indexing.md'), 'added ocelot');
        await fs.rm(path.join(root, 'Doomed.md'));
      },
    };
    const service = new VaultService({ bundledVaultDir: root, publish: () => undefined, log: silentLogger, memory: volatileVaultMemory(), settleMs: 20, parser });
    services.push(service);
    await service.open(root);
    expect((await service.search('pelican')).hits.map((h) => h.path)).toEqual(['Old.md']);
    expect((await service.search('ocelot')).hits.map((h) => h.path)).toEqual(['Added while indexing.md']);
    expect(JSON.stringify(service.tree())).not.toContain('Doomed.md');
  });

  it('stopping while the start-up vault opens neither falls back to the bundled vault nor leaves a watcher', async () => {
    const root = await makeTempVault({ 'Welcome.md': '# Welcome' });
    const bundled = await makeTempVault({ 'Bundled.md': '# Bundled' });
    roots.push(root, bundled);
    const notices: unknown[] = [];
    const service = createAppVaultService({
      host: { mode: 'web' },
      settings: { get: () => ({ recentVaults: [], lastNotes: {} }), update: () => undefined, rememberVault: () => undefined } as never,
      hub: { publish: (event, payload) => event === 'system.notice' && notices.push(payload) },
      log: silentLogger,
      bundledVaultDir: bundled,
    });
    const opening = service.openInitial(root);
    await service.stop();
    await opening;
    expect(notices).toEqual([]);
    expect(service.root).toBeNull();
    await expect(service.open(bundled)).rejects.toThrow(/closing/);
  });

  it('says when the reader has had its first note, also when reading it failed', async () => {
    const { service } = await open(base);
    let read = false;
    void service.firstNoteRead().then(() => (read = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(read).toBe(false);
    await expect(service.readNote('Missing.md')).rejects.toThrow(/does not exist/);
    await service.firstNoteRead();
    expect(read).toBe(true);
  });

  it('renders notes and reports bad files readably', async () => {
    const { service } = await open({
      ...base,
      'Binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'Latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      'Broken.md': '---\nkey: [unclosed\n---\nbody',
    });
    const welcome = await service.readNote('Welcome.md');
    expect(welcome.html).toContain('data-note-path="Storage/Volumes.md"');
    expect(welcome.headings[0]).toMatchObject({ text: 'Welcome', id: 'h-welcome' });
    expect((await service.readNote('Binary.md')).problems[0]).toMatch(/binary data/);
    expect((await service.readNote('Latin1.md')).problems[0]).toMatch(/UTF-8/);
    expect((await service.readNote('Broken.md')).problems[0]).toMatch(/not valid YAML/);
    await expect(service.readNote('Missing.md')).rejects.toThrow(/does not exist/);
    await expect(service.readNote('../outside.md')).rejects.toThrow(/climbs out/);
  });

  it('creates notes for unresolved links and refuses unsafe names', async () => {
    const { root, service } = await open(base);
    const created = await service.createNote('Fresh idea', 'Storage');
    expect(created.path).toBe('Storage/Fresh idea.md');
    expect(await fs.readFile(path.join(root, created.path), 'utf8')).toContain('# Fresh idea');
    await expect(service.createNote('Fresh idea', 'Storage')).rejects.toThrow(/already exists/);
    await expect(service.createNote('../../evil')).rejects.toThrow(/cannot be a note name/);
    expect(service.resolveLink('Fresh idea', 'Welcome.md')).toEqual({ path: 'Storage/Fresh idea.md', kind: 'note' });
  });

  it('exports a standalone, sanitized HTML file with embedded images', async () => {
    const { service } = await open({ ...base, 'Export.md': '# E\n![[pic.png]] [[Volumes#Named]] <script>alert(1)</script>' });
    const exported = await service.exportHtml('Export.md');
    expect(exported.fileName).toBe('Export.html');
    expect(exported.html).toContain('<style>');
    expect(exported.html).toContain('src="data:image/png;base64,');
    expect(exported.html).toContain('href="Storage/Volumes.html#h-named"');
    expect(exported.html).not.toContain('<script>alert');
  });

  it('refuses a missing folder or a file as a vault', async () => {
    const { root, service } = await open(base);
    await expect(service.open(path.join(root, 'nope'))).rejects.toThrow(/There is no folder/);
    await expect(service.open(path.join(root, 'Welcome.md'))).rejects.toThrow(/is a file, not a folder/);
    expect(service.info().root).toBe(root);
  });
});
