import { describe, expect, it } from 'vitest';
import { builtInCatalogue } from '../demos/catalogue';
import { NoteSuggester } from './suggest-note';

const catalogue = builtInCatalogue();

const suggester = new NoteSuggester(catalogue);

/** Demo ids suggested under the section whose heading is `heading`, best first. */
function idsUnder(note: string, heading: string): string[] {
  const section = suggester.suggest(note).sections.find((entry) => entry.heading === heading);
  return section?.demos.map((demo) => demo.id) ?? [];
}

describe('demo suggestions for headings students write', () => {
  it('suggests the same built a demo per step as built at once', () => {
    const steps = NoteSuggester.building(catalogue);
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(catalogue.length);
    const note = '## tmpfs mout\nlives in memory only\n\n## Anonymous Volumes\nthey get deleted when the container stops\n';
    expect(next.value.suggest(note)).toEqual(suggester.suggest(note));
  });

  it.each([
    ['## tmpfs\nstuff in ram', 'tmpfs', 'tmpfs-is-ephemeral'],
    ['## tmpfs mout\nlives in memory only', 'tmpfs mout', 'tmpfs-is-ephemeral'],
    ['### Bind mount\n-v ./src:/app for dev', 'Bind mount', 'bind-mount-two-way'],
    ['# CMD VS Entrypoint\n', 'CMD VS Entrypoint', 'cmd-vs-entrypoint'],
    ['## entrypoint vs cmd', 'entrypoint vs cmd', 'cmd-vs-entrypoint'],
    [
      '## Anonymous Volumes\nthey have random names',
      'Anonymous Volumes',
      'anonymous-volume-dangling',
    ],
    ['## anonymus volumes', 'anonymus volumes', 'anonymous-volume-dangling'],
    [
      '## Default Bridge Network\ncontainers talk over docker0',
      'Default Bridge Network',
      'bridge-dns',
    ],
    [
      '## Volumes persistentes\nLos datos quedan en el volumen.',
      'Volumes persistentes',
      'named-volume-persists',
    ],
    [
      '## Datenvolumen\nDaten bleiben erhalten, auch wenn der Container weg ist.',
      'Datenvolumen',
      'named-volume-persists',
    ],
    ['## .dockerignore\nkeeps node_modules out', '.dockerignore', 'dockerignore-context'],
    ['## PID 1 und Signale\ndocker stop wartet 10 Sekunden', 'PID 1 und Signale', 'pid1-signals'],
  ])('%j suggests the right demo', (note, heading, demoId) => {
    expect(idsUnder(note, heading)).toContain(demoId);
  });

  it('counts a bold line standing alone as a heading', () => {
    const note =
      'Some intro text.\n\n**Bind mount**\nthe host folder is mounted into the container\n\n__tmpfs:__\nin memory\n';
    const found = suggester.suggest(note).sections;
    expect(found.map((section) => [section.heading, section.line, section.slug])).toEqual(
      expect.arrayContaining([
        ['Bind mount', 3, ''],
        ['tmpfs', 6, ''],
      ]),
    );
    expect(idsUnder(note, 'Bind mount')[0]).toBe('bind-mount-two-way');
  });

  it('reads setext headings (underlined with --- or ===) like the reader does', () => {
    const note =
      'Docker notes\n============\n\nBind mount\n----------\n-v ./src:/app\n\n- list item\n---\n';
    const sections = suggester.suggest(note).sections;
    expect(sections.map((section) => [section.heading, section.line])).toEqual([['Bind mount', 4]]);
    expect(sections[0]?.demos[0]?.id).toBe('bind-mount-two-way');
  });

  it('does not treat bold words inside a paragraph as a heading', () => {
    const note = '## Notes\nthis line is text\n**tmpfs** is fast\n';
    expect(suggester.suggest(note).sections.map((section) => section.heading)).not.toContain(
      'tmpfs',
    );
  });

  it('ranks best first, at most three per heading, scores in 0..1 and says why', () => {
    const note =
      '## Volumes\nnamed volume vs anonymous volume vs bind mount vs tmpfs mount, docker volume create, docker rm -v\n';
    const section = suggester.suggest(note).sections[0];
    expect(section?.demos.length).toBeGreaterThan(0);
    expect(section?.demos.length).toBeLessThanOrEqual(3);
    const scores = section?.demos.map((demo) => demo.score) ?? [];
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const demo of section?.demos ?? []) {
      expect(demo.score).toBeGreaterThan(0);
      expect(demo.score).toBeLessThanOrEqual(1);
      expect(demo.why).toMatch(/^matched: /);
    }
    expect(idsUnder('## tmpfs mounts\n', 'tmpfs mounts')).toEqual(['tmpfs-is-ephemeral']);
    expect(suggester.suggest('## tmpfs mounts\n').sections[0]?.demos[0]?.why).toContain('tmpfs');
  });

  it('gives the slug of the reader heading and the 1-based line', () => {
    const note = '---\ntags: [docker]\n---\n# My notes\n\n## Bind mounts\ntext\n';
    const section = suggester
      .suggest(note)
      .sections.find((entry) => entry.heading === 'Bind mounts');
    expect(section).toMatchObject({ line: 6, slug: 'h-bind-mounts' });
  });

  it('suggests nothing for unrelated sections', () => {
    const note = [
      '## Shopping list',
      '- milk, eggs',
      '- bread and butter',
      '',
      '## Linux permissions',
      'chmod 755 gives the owner rwx. root can write everything, other users can only read. chown changes the owner of a file.',
      '',
      '## Kubernetes pods',
      'A pod groups containers that share a network namespace. Pods are scheduled by the kubelet onto nodes.',
      '',
      '## Related',
      '- [[tmpfs Mounts]] and [[Bind Mounts]]',
      '',
      '## Meine Woche',
      'Montag Uni, Dienstag Sport.',
    ].join('\n');
    expect(suggester.suggest(note).sections).toEqual([]);
  });

  it('needs a Docker note for one-word headings that are ordinary words elsewhere', () => {
    const obsidian = [
      '# Obsidian tips',
      '## Tags',
      '#uni #obsidian use nested tags like #uni/semester3',
      '## Networking',
      'meet people at the career fair',
      '## Layers',
      'Photoshop layers and masks',
      '## Signals',
      'Fourier transform of a signal, Nyquist',
      '## Compose',
      'Compose an email to the professor',
      '## Ports',
      'Ports of call: Hamburg, Rotterdam',
    ].join('\n');
    expect(suggester.suggest(obsidian).sections).toEqual([]);
    const docker =
      '# Docker Woche 5\n## Tags\napp:v1 and app:latest name images\n## Signals\nwhat the container gets on docker stop\n';
    expect(idsUnder(docker, 'Tags')).toContain('tags-vs-digests');
    expect(idsUnder(docker, 'Signals')).toContain('pid1-signals');
  });

  it('does not suggest a demo again under a heading whose section already has its berth-demo block', () => {
    const note =
      '## tmpfs\nin memory\n\n```berth-demo tmpfs-is-ephemeral\nGone after stop.\n```\n\n## tmpfs again\nRAM only\n';
    expect(idsUnder(note, 'tmpfs')).not.toContain('tmpfs-is-ephemeral');
    expect(idsUnder(note, 'tmpfs again')).toContain('tmpfs-is-ephemeral');
  });

  it('handles a pasted table and code in a section', () => {
    const note = [
      '**Mount types**',
      '',
      '| Type | Where | Lifetime |',
      '|---|---|---|',
      '| named volume | /var/lib/docker/volumes | until docker volume rm |',
      '| tmpfs mount | memory | until the container stops |',
      '',
      '```bash',
      'docker run --tmpfs /cache busybox',
      '```',
    ].join('\n');
    expect(idsUnder(note, 'Mount types')).toContain('tmpfs-is-ephemeral');
  });
});
