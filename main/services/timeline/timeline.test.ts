import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { LineageEntry } from '../../contract/volumes';
import { stateAt } from '../../contract/timeline';
import { buildTimeline, type TimelineEvent } from './timeline-model';
import { attachmentFolder, insertEmbed, TimelineNoteEmbeds } from './timeline-note-embed';
import { timelineSvg } from './timeline-svg';

const RUN = 'abc123run';
const t0 = 1_700_000_000_000;
/** The events a real run of anonymous-volume-dangling records (shape as RunEventFollower writes them). */
const runEvents: TimelineEvent[] = [
  { type: 'container', action: 'create', name: `berth-${RUN}-keeper`, at: t0, actorId: 'c1' },
  { type: 'volume', action: 'mount', name: 'a'.repeat(64), at: t0 + 10, container: 'c1' },
  { type: 'container', action: 'start', name: `berth-${RUN}-keeper`, at: t0 + 20, actorId: 'c1' },
  { type: 'container', action: 'die', name: `berth-${RUN}-keeper`, at: t0 + 60, actorId: 'c1' },
  { type: 'volume', action: 'unmount', name: 'a'.repeat(64), at: t0 + 70, container: 'c1' },
  {
    type: 'container',
    action: 'destroy',
    name: `berth-${RUN}-keeper`,
    at: t0 + 100,
    actorId: 'c1',
  },
  { type: 'container', action: 'create', name: `berth-${RUN}-tidy`, at: t0 + 200, actorId: 'c2' },
  { type: 'volume', action: 'mount', name: 'b'.repeat(64), at: t0 + 210, container: 'c2' },
  { type: 'container', action: 'start', name: `berth-${RUN}-tidy`, at: t0 + 220, actorId: 'c2' },
  { type: 'container', action: 'die', name: `berth-${RUN}-tidy`, at: t0 + 260, actorId: 'c2' },
  { type: 'volume', action: 'unmount', name: 'b'.repeat(64), at: t0 + 270, container: 'c2' },
  { type: 'container', action: 'destroy', name: `berth-${RUN}-tidy`, at: t0 + 300, actorId: 'c2' },
  { type: 'volume', action: 'destroy', name: 'b'.repeat(64), at: t0 + 320 },
  { type: 'network', action: 'connect', name: 'none', at: t0 + 15 },
];

describe('timeline model', () => {
  const model = buildTimeline({
    title: 'Anonymous volumes',
    runId: RUN,
    storage: [],
    networks: [],
    events: runEvents,
    bands: [{ index: 0, title: 'Run', from: t0, to: t0 + 100, status: 'passed' }],
  });

  it('has one row per object, in order of first appearance, with short names in a run', () => {
    expect(model.rows.map((r) => r.label)).toEqual([
      'keeper',
      `anonymous ${'a'.repeat(12)}`,
      'tidy',
      `anonymous ${'b'.repeat(12)}`,
    ]);
    expect(model.rows.find((r) => r.label === 'keeper')?.links.map((l) => l.rowId)).toEqual([
      `volume:${'a'.repeat(64)}`,
    ]);
  });

  it('shows a volume left behind by docker rm as dangling, and one taken along by --rm as removed', () => {
    const kept = model.rows.find((r) => r.id === `volume:${'a'.repeat(64)}`)!;
    const taken = model.rows.find((r) => r.id === `volume:${'b'.repeat(64)}`)!;
    expect(kept.segments.map((s) => s.state)).toEqual(['mounted', 'unmounted', 'dangling']);
    expect(stateAt(kept, t0 + 150)).toBe('dangling');
    expect(taken.segments.map((s) => s.state)).toEqual(['mounted', 'unmounted', 'removed']);
    const keeper = model.rows.find((r) => r.label === 'keeper')!;
    expect(stateAt(keeper, t0 + 30)).toBe('running');
    expect(stateAt(keeper, t0 - 1)).toBeUndefined();
  });

  it('takes storage states from Berth’s lineage when there is one', () => {
    const lineage: LineageEntry[] = [
      { seq: 1, at: t0, itemId: 'volume:data', type: 'state', action: 'created', to: 'created' },
      {
        seq: 2,
        at: t0 + 5,
        itemId: 'volume:data',
        type: 'state',
        action: 'created → mounted',
        from: 'created',
        to: 'mounted',
        containerName: '/writer',
      },
      {
        seq: 3,
        at: t0 + 9,
        itemId: 'volume:data',
        type: 'state',
        action: 'mounted → dangling',
        from: 'mounted',
        to: 'dangling',
      },
    ];
    const live = buildTimeline({ title: 'live', storage: lineage, networks: [], events: [] });
    expect(live.rows.map((r) => r.id)).toEqual(['volume:data', 'container:writer']);
    expect(live.rows[0]!.segments.map((s) => s.state)).toEqual(['created', 'mounted', 'dangling']);
  });
});

describe('timeline SVG', () => {
  it('is valid XML with no script, no event attributes, no external reference, and one row per object', () => {
    const model = buildTimeline({
      title: 'A <tricky> & "quoted" title',
      runId: RUN,
      storage: [],
      networks: [],
      events: runEvents,
    });
    for (const theme of ['light', 'dark'] as const) {
      const svg = timelineSvg(model, theme);
      const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      expect(doc.getElementsByTagName('script')).toHaveLength(0);
      for (const el of doc.getElementsByTagName('*')) {
        for (const attr of el.attributes) {
          expect(attr.name.startsWith('on'), attr.name).toBe(false);
          if (/href$/i.test(attr.name)) expect(attr.value.startsWith('#')).toBe(true);
        }
      }
      expect(doc.querySelectorAll('g[data-row]')).toHaveLength(model.rows.length);
      expect(doc.querySelector('title')?.textContent).toBe('A <tricky> & "quoted" title');
    }
  });
});

describe('saving a timeline into a note', () => {
  function vault(appJson?: object) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-timeline-vault-'));
    fs.mkdirSync(path.join(root, 'Docker'));
    fs.writeFileSync(
      path.join(root, 'Docker', 'Volumes.md'),
      '# Volumes\r\n\r\n## Anonymous volumes\r\nThey dangle.\r\n\r\n## Next\r\nMore.\r\n',
    );
    if (appJson) {
      fs.mkdirSync(path.join(root, '.obsidian'));
      fs.writeFileSync(path.join(root, '.obsidian', 'app.json'), JSON.stringify(appJson));
    }
    return root;
  }

  it('follows Obsidian’s attachment folder setting, else attachments/', () => {
    expect(attachmentFolder(vault(), 'Docker/Volumes.md')).toBe('attachments');
    expect(attachmentFolder(vault({ attachmentFolderPath: '/' }), 'Docker/Volumes.md')).toBe('');
    expect(attachmentFolder(vault({ attachmentFolderPath: './' }), 'Docker/Volumes.md')).toBe(
      'Docker',
    );
    expect(attachmentFolder(vault({ attachmentFolderPath: './img' }), 'Docker/Volumes.md')).toBe(
      'Docker/img',
    );
    expect(
      attachmentFolder(vault({ attachmentFolderPath: 'Assets/Pics' }), 'Docker/Volumes.md'),
    ).toBe('Assets/Pics');
    expect(
      attachmentFolder(vault({ attachmentFolderPath: '../outside' }), 'Docker/Volumes.md'),
    ).toBe('attachments');
  });

  it('inserts the embed at the end of the heading’s section', () => {
    const text = '# V\n\n## A\nline\n\n## B\nmore\n';
    expect(insertEmbed(text, 'x.svg', 'A')).toBe('# V\n\n## A\nline\n\n![[x.svg]]\n\n## B\nmore\n');
    expect(insertEmbed(text, 'x.svg')).toBe('# V\n\n## A\nline\n\n## B\nmore\n\n![[x.svg]]\n');
  });

  it('writes the file and the embed (keeping CRLF), and undo takes both back', async () => {
    const root = vault({ attachmentFolderPath: './' });
    const before = fs.readFileSync(path.join(root, 'Docker', 'Volumes.md'), 'utf8');
    const embeds = new TimelineNoteEmbeds();
    const saved = await embeds.save(
      root,
      'Docker/Volumes.md',
      'Anonymous volumes',
      'berth-timeline-x.svg',
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    );
    expect(saved.attachment).toBe('Docker/berth-timeline-x.svg');
    expect(fs.existsSync(path.join(root, 'Docker', 'berth-timeline-x.svg'))).toBe(true);
    const after = fs.readFileSync(path.join(root, 'Docker', 'Volumes.md'), 'utf8');
    expect(after).toContain('They dangle.\r\n\r\n![[berth-timeline-x.svg]]\r\n\r\n## Next');
    await expect(
      embeds.save(root, 'Docker/Volumes.md', 'Gone heading', 'y.svg', '<svg/>'),
    ).rejects.toThrow(/not in this note/);
    await embeds.undoSave(saved.undoToken);
    expect(fs.readFileSync(path.join(root, 'Docker', 'Volumes.md'), 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(root, 'Docker', 'berth-timeline-x.svg'))).toBe(false);
  });
});
