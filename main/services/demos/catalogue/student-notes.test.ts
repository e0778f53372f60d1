import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NoteSuggester } from '../../suggestions/suggest-note';
import { builtInCatalogue } from './index';

/**
 * Notes the way students write them (bold or misspelt headings, pasted tables, half-wrong
 * claims, German and French mixed in), one section per new catalogue demo, with the demo that
 * should be suggested there and, where the section states a misconception, the demo that corrects it.
 */
const SECTIONS: {
  note: string;
  heading: string;
  body: string[];
  demo: string;
  flaggedBy?: string;
}[] = [
  {
    note: 'Docker Images.md',
    heading: '## the Latest tag ??',
    body: [
      'if u dont write a tag docker uses latest',
      '- latest always means the newest image. so `docker run app` gives the last build',
      'TODO ask in tutorial',
    ],
    demo: 'latest-is-just-a-tag',
    flaggedBy: 'latest-is-just-a-tag',
  },
  {
    note: 'Docker Images.md',
    heading: '**Removing images (docker rmi)**',
    body: [
      'docker rmi app:1',
      'docker rmi always deletes the image and frees the space',
      '| cmd | does |',
      '|---|---|',
      '| docker rmi | untag / delete |',
    ],
    demo: 'rmi-untags-first',
    flaggedBy: 'rmi-untags-first',
  },
  {
    note: 'Docker Images.md',
    heading: '### Multistage builds',
    body: [
      'FROM golang AS builder ... COPY --from=builder',
      'kleineres Image weil der compiler nicht mitkommt',
      'image size went from 800MB to 10MB',
    ],
    demo: 'multi-stage-slim',
  },
  {
    note: 'Docker Images.md',
    heading: '## Layers & base images',
    body: [
      'every image stores its own full copy of the base image (?)',
      'docker system df shows the disk usage',
      'shared size vs unique size',
    ],
    demo: 'shared-base-layers',
    flaggedBy: 'shared-base-layers',
  },
  {
    note: 'Containers.md',
    heading: '# Container vs VM',
    body: [
      'each container has its own kernel like a VM but lighter',
      'uname -r shows the kernel version',
      'VM = hypervisor, container = shared kernel?',
    ],
    demo: 'shared-kernel',
    flaggedBy: 'shared-kernel',
  },
  {
    note: 'Containers.md',
    heading: '## Namespaces (pid, net, mnt)',
    body: [
      'ps inside the container only shows its own processes',
      'PID 1 is the main process',
      'les processus du conteneur sont visibles depuis l’hôte ?',
    ],
    demo: 'pid-namespace',
  },
  {
    note: 'Containers.md',
    heading: '**Restart policies**',
    body: [
      '--restart always / on-failure / unless-stopped',
      'docker restarts crashed containers by default',
      'RestartCount in docker inspect',
    ],
    demo: 'restart-policy',
    flaggedBy: 'restart-policy',
  },
  {
    note: 'Containers.md',
    heading: '## docker logs',
    body: [
      'docker logs -f web',
      'docker logs shows everything that runs in the container',
      'stdout und stderr',
    ],
    demo: 'logs-are-pid1-output',
    flaggedBy: 'logs-are-pid1-output',
  },
  {
    note: 'Containers.md',
    heading: '## Environment variabels',
    body: [
      'ENV in the Dockerfile sets defaults',
      'docker run -e KEY=value overrides ENV',
      'env vars for config (12 factor)',
    ],
    demo: 'env-override',
  },
  {
    note: 'Storage.md',
    heading: '## where are volumes stored?',
    body: [
      'docker volume inspect data → Mountpoint',
      '/var/lib/docker/volumes/data/_data',
      'on mac its inside the VM',
    ],
    demo: 'volume-mountpoint',
  },
  {
    note: 'Storage.md',
    heading: '### VOLUME instruction',
    body: [
      'VOLUME /var/lib/mysql in the Dockerfile',
      'VOLUME in the Dockerfile makes the data persist between runs',
      'anonymous volume each time',
    ],
    demo: 'dockerfile-volume-anonymous',
    flaggedBy: 'dockerfile-volume-anonymous',
  },
  {
    note: 'Storage.md',
    heading: '## The writable layer (container layer)',
    body: [
      'all data in a container is lost when it stops',
      'docker diff shows changed files',
      'copy-on-write',
    ],
    demo: 'writable-layer',
    flaggedBy: 'writable-layer',
  },
  {
    note: 'Storage.md',
    heading: '## Sharing data between containers of different images',
    body: [
      'producer image writes, consumer image reads',
      'mount the same named volume with -v shared:/data',
      'sidecar pattern',
    ],
    demo: 'volume-across-images',
  },
  {
    note: 'Storage.md',
    heading: '**Cleaning up volumes / prune**',
    body: [
      'docker volume prune',
      'docker volume prune deletes all volumes, careful!!',
      'frees disk space',
    ],
    demo: 'volume-prune-unused',
    flaggedBy: 'volume-prune-unused',
  },
  {
    note: 'Dockerfile.md',
    heading: '## ARG vs ENV (build args)',
    body: [
      'ARG APP_VERSION=1.0 then docker build --build-arg APP_VERSION=2.0',
      'ARG variables are available when the container runs',
      'ENV bleibt im Image',
    ],
    demo: 'arg-vs-env',
    flaggedBy: 'arg-vs-env',
  },
  {
    note: 'Containers.md',
    heading: '### exit codes (137 ???)',
    body: [
      'docker ps -a shows Exited (137)',
      'exit code 137 means the application crashed with a bug',
      'check docker inspect State.ExitCode',
    ],
    demo: 'exit-code-pid1',
    flaggedBy: 'exit-code-pid1',
  },
  {
    note: 'Storage.md',
    heading: '## Why is my node_modules gone?? (bind mount)',
    body: [
      '-v $(pwd):/app hides the node_modules from the image',
      'a bind mount merges the host folder with the files in the image',
      'Pre-population only happens with empty named volumes',
    ],
    demo: 'mount-hides-image-files',
    flaggedBy: 'mount-hides-image-files',
  },
];

const vault = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-student-notes-'));
afterAll(() => fs.rmSync(vault, { recursive: true, force: true }));

function writeVault(): Map<string, string> {
  const notes = new Map<string, string[]>();
  for (const section of SECTIONS) {
    const lines = notes.get(section.note) ?? [
      '---',
      'tags: [docker, uni]',
      '---',
      '',
      `# ${section.note.replace('.md', '')} (lecture notes)`,
      '',
    ];
    lines.push(
      section.heading,
      '',
      ...section.body.map((l) => (l.startsWith('|') || l.startsWith('-') ? l : `${l}.`)),
      '',
    );
    notes.set(section.note, lines);
  }
  const read = new Map<string, string>();
  for (const [name, lines] of notes) {
    fs.writeFileSync(path.join(vault, name), lines.join('\n'));
    read.set(name, fs.readFileSync(path.join(vault, name), 'utf8'));
  }
  return read;
}

describe('new catalogue demos meet notes written the way students write', () => {
  const suggester = new NoteSuggester(builtInCatalogue());
  const results = new Map([...writeVault()].map(([name, text]) => [name, suggester.suggest(text)]));
  const headingText = (heading: string) =>
    heading
      .replace(/^#+\s*/, '')
      .replace(/\*\*/g, '')
      .trim();

  it.each(SECTIONS.map((s) => [s.demo, s] as const))(
    'suggests %s under its section',
    (_id, section) => {
      const found = results
        .get(section.note)
        ?.sections.find((s) => headingText(s.heading) === headingText(section.heading));
      expect(
        found?.demos.map((d) => d.id),
        `${section.heading}: ${JSON.stringify(found?.demos.map((d) => d.id))}`,
      ).toContain(section.demo);
    },
  );

  it.each(SECTIONS.filter((s) => s.flaggedBy).map((s) => [s.flaggedBy, s] as const))(
    'flags the misconception %s corrects',
    (_id, section) => {
      const flags = results.get(section.note)?.flags ?? [];
      const flag = flags.find(
        (f) =>
          f.demo === section.flaggedBy &&
          section.body.some((line) => line.includes(f.text.replace(/[.]$/, '').slice(0, 20))),
      );
      expect(flag, JSON.stringify(flags.map((f) => [f.demo, f.text]))).toBeDefined();
      expect(flag?.correction.length).toBeGreaterThan(20);
    },
  );

  it('does not flag the true sentences of those notes', () => {
    const truths = [
      'ENV in the Dockerfile sets defaults',
      'docker diff shows changed files',
      'ps inside the container only shows its own processes',
    ];
    const flagged = [...results.values()].flatMap((r) => r.flags.map((f) => f.text));
    for (const truth of truths) expect(flagged.some((text) => text.includes(truth))).toBe(false);
  });
});
