import type { DemoInput } from '../demo-schema';
import { RUN_MARK } from './shared';

const SITE_DOCKERFILE = [
  'FROM base',
  RUN_MARK,
  'RUN mkdir -p /site && echo "<h1>from the image</h1>" > /site/index.html',
  'CMD ["ls", "-A", "/site"]',
  '',
].join('\n');

/** Mount demos: what a mount does to the files the image already has at that path. */
export const mountDemos: DemoInput[] = [
  {
    id: 'mount-hides-image-files',
    title: 'A bind mount hides the image’s files; an empty volume copies them',
    summary:
      'Mount an empty host folder over a path the image fills and the files vanish from view. Mount a new, empty named volume there instead and Docker first copies the image’s files into it.',
    topic: 'Storage',
    network: 'none',
    note: 'Storage/Bind Mounts.md',
    heading: 'Bind mounts hide what is underneath',
    claims: [
      'a bind mount hides the files the image has at the mount path',
      'an empty named volume is pre-filled with the image files at its mount path',
      'mounting over a path does not delete the files in the image',
    ],
    keywords: [
      'bind mount',
      'mount over',
      'hidden files',
      'files disappeared',
      'node_modules missing',
      'volume pre-population',
      'prepopulate',
      'copy on mount',
      'volume-nocopy',
      'empty volume',
      'named volume',
      'overlay',
    ],
    headings: [
      'Bind mounts hide what is underneath',
      'Pre-population from the image',
      'Mounting over existing files',
      'Why are my files gone',
      'Bind mounts',
      'Volumes vs bind mounts',
    ],
    misconceptions: [
      {
        claim: 'a bind mount merges the host folder with the files in the image',
        variants: [
          'mounting a folder adds the host files to the ones already in the container',
          'bind mounts combine both folders',
          'a bind mount and a volume behave the same on existing files',
        ],
        correction:
          'A bind mount replaces the view of that path: the image’s files there are hidden (not merged, not deleted). Only an empty named volume gets a copy of them.',
      },
    ],
    steps: [
      {
        title: 'Build an image with files in /site',
        action: { kind: 'build', image: 'site:v1', files: { Dockerfile: SITE_DOCKERFILE } },
        expect: [{ outputContains: 'Successfully built' }],
      },
      {
        title: 'Without a mount: the image’s file is there',
        action: { kind: 'run', container: 'plain', image: 'site:v1', autoRemove: true },
        expect: [{ exitCode: 0 }, { outputContains: 'index.html' }],
      },
      {
        title: 'Bind-mount an empty host folder over /site',
        explain:
          'The container now sees the host folder, which is empty: index.html is hidden, not deleted (the image is unchanged).',
        action: {
          kind: 'run',
          container: 'bound',
          image: 'site:v1',
          autoRemove: true,
          mounts: [{ type: 'bind', source: 'empty-site', target: '/site' }],
        },
        expect: [{ exitCode: 0 }, { outputLacks: 'index.html' }],
      },
      {
        title: 'Mount a new, empty named volume over /site',
        explain:
          'Before the first use Docker copies what the image has at /site into the empty volume, so the file shows up.',
        action: {
          kind: 'run',
          container: 'volumed',
          image: 'site:v1',
          autoRemove: true,
          mounts: [{ type: 'volume', source: 'content', target: '/site' }],
        },
        expect: [{ exitCode: 0 }, { outputContains: 'index.html' }],
      },
      {
        title: 'The copy lives in the volume',
        action: {
          kind: 'run',
          container: 'reader',
          autoRemove: true,
          mounts: [{ type: 'volume', source: 'content', target: '/data', readOnly: true }],
          cmd: ['cat', '/data/index.html'],
        },
        expect: [{ outputContains: 'from the image' }],
      },
    ],
  },
];
