import type { DemoInput } from '../demo-schema';

const CACHE_DOCKERFILE = [
  'FROM base',
  'RUN echo "first build of run {{run}}" > /build-id.txt',
  'RUN mkdir -p /app && echo "dependencies installed" > /app/deps.txt',
  'COPY app.txt /app/app.txt',
  'CMD ["cat", "/app/app.txt"]',
  '',
].join('\n');

/** Image demos: layers and the build cache, tags and digests, the build context. */
export const imageDemos: DemoInput[] = [
  {
    id: 'build-cache-layers',
    title: 'Layers and the build cache',
    summary: 'Build the same Dockerfile twice: the second build reuses every layer. Change one source file: only the steps from the COPY on run again.',
    topic: 'Images',
    network: 'none',
    note: 'Build Cache.md',
    heading: 'How the cache decides',
    claims: ['building the same Dockerfile twice reuses every layer', 'changing a copied file reruns only the steps from that COPY on', 'docker history lists the layers of an image'],
    keywords: ['build cache', 'layer cache', 'layers', 'layer caching', 'cache invalidation', 'CACHED', 'Using cache', 'order of instructions', 'COPY package.json', 'docker history', 'rebuild', 'image layers', 'Build-Cache', 'Schichten', 'couches'],
    headings: ['Build cache', 'Layer caching', 'Layers', 'How the cache works', 'Speeding up builds', 'Image layers'],
    misconceptions: [{ claim: 'docker build always rebuilds every layer from scratch', variants: ['every docker build starts from zero', 'changing one file rebuilds the whole image'], correction: 'Unchanged steps come from the build cache; only the steps from the first changed one on run again.' }],
    steps: [
      {
        title: 'First build: every step runs',
        action: { kind: 'build', image: 'app:v1', files: { Dockerfile: CACHE_DOCKERFILE, 'app.txt': 'app version 1\n' } },
        expect: [{ count: 0 }, { outputContains: 'Successfully built' }],
      },
      {
        title: 'Same context again: every step comes from the cache',
        action: { kind: 'build', image: 'app:v1-again', files: { Dockerfile: CACHE_DOCKERFILE, 'app.txt': 'app version 1\n' } },
        expect: [{ outputContains: 'Using cache' }, { count: 4 }],
        onEngine: {
          podman: {
            note: 'On Podman, Buildah does the build: each step reads `STEP n/m:` and a cached one prints `--> Using cache <id>`.',
            expect: [{ outputContains: '--> Using cache' }, { count: 4 }],
          },
        },
      },
      {
        title: 'Change app.txt: the RUN steps are cached, COPY runs again',
        explain: 'The cache key of COPY is the checksum of the copied files; every step after a miss runs again.',
        action: { kind: 'build', image: 'app:v2', files: { Dockerfile: CACHE_DOCKERFILE, 'app.txt': 'app version 2\n' } },
        expect: [{ count: 2 }],
      },
      {
        title: 'The history lists one entry per instruction',
        action: { kind: 'image-history', image: 'app:v2' },
        expect: [{ outputContains: 'COPY' }, { outputContains: 'dependencies installed' }],
      },
    ],
  },
  {
    id: 'tags-vs-digests',
    title: 'Tags are movable names; the image ID stays',
    summary: 'Two tags can name one image. Retagging moves the name to another image, while the old image keeps its ID (its content address).',
    topic: 'Images',
    network: 'none',
    note: 'Tags and Digests.md',
    heading: 'What a tag is',
    claims: ['a tag is a movable name for an image', 'two tags can name one image', 'retagging moves the name while the old image keeps its ID'],
    keywords: ['tag', 'tags', 'image tag', 'latest', ':latest', 'latest tag', 'digest', 'digests', 'sha256', 'image id', 'docker tag', 'retag', 'versioning images', 'immutable', 'content address', 'docker rmi', 'untagged', 'etiqueta'],
    headings: ['Tags', 'Tags and digests', 'Image tags', 'The latest tag', 'Digests', 'Versioning images'],
    misconceptions: [{ claim: 'The latest tag always points to the newest image', variants: ['latest means the most recent version', ':latest is always the newest build', 'latest is updated automatically to the newest version', 'latest always gives you the newest image', 'latest zeigt immer auf das neueste Image', 'latest est toujours la dernière version'], correction: 'latest is only the default tag name: it points wherever it was last set and is never updated by itself.' }, { claim: 'docker rmi deletes the image', variants: ['docker rmi removes the image from disk', 'rmi always deletes the image itself'], correction: 'docker rmi removes a tag; the image is deleted only when no other tag and no container still use it.' }],
    steps: [
      { title: 'Build version 1', action: { kind: 'build', image: 'app:v1', files: { Dockerfile: 'FROM base\nRUN echo one > /version\n' } }, expect: [{ outputContains: 'Successfully built' }] },
      { title: 'Tag it as app:stable too', action: { kind: 'tag', source: 'app:v1', target: 'app:stable' } },
      { title: 'Inspect app:v1', action: { kind: 'image-inspect', image: 'app:v1' }, capture: 'idV1' },
      {
        title: 'app:stable is the very same image',
        explain: 'Two tags, one image ID: a tag is just a name pointing at an image.',
        action: { kind: 'image-inspect', image: 'app:stable' },
        expect: [{ equalsVar: 'idV1' }, { outputContains: '{{image:app:v1}}' }],
      },
      { title: 'Build version 2', action: { kind: 'build', image: 'app:v2', files: { Dockerfile: 'FROM base\nRUN echo two > /version\n' } }, expect: [{ outputContains: 'Successfully built' }] },
      { title: 'Move app:stable to version 2', action: { kind: 'tag', source: 'app:v2', target: 'app:stable' } },
      { title: 'app:stable now names another image', action: { kind: 'image-inspect', image: 'app:stable' }, expect: [{ differsFromVar: 'idV1' }] },
      {
        title: 'Version 1 kept its ID',
        explain: 'The ID is a hash of the image config, so it cannot move. A repo digest appears only after a push; pin by digest to get the same guarantee from a registry.',
        action: { kind: 'image-inspect', image: 'app:v1' },
        expect: [{ equalsVar: 'idV1' }, { outputLacks: 'stable' }],
      },
    ],
  },
  {
    id: 'dockerignore-context',
    title: '.dockerignore shrinks the build context',
    summary: 'The build context is everything sent to the daemon. A .dockerignore keeps node_modules and .git from being sent at all.',
    topic: 'Images',
    network: 'none',
    note: 'Build Context and dockerignore.md',
    heading: 'Writing the ignore file',
    claims: ['the build context is everything sent to the daemon', 'a .dockerignore keeps node_modules and .git out of the context'],
    keywords: ['.dockerignore', 'dockerignore', 'build context', 'sending build context', 'node_modules', '.git folder', 'context size', 'ignore file', 'docker build .', 'Build-Kontext', 'contexte de build'],
    headings: ['Build context', '.dockerignore', 'The build context', 'Ignoring files'],
    misconceptions: [{ claim: 'docker build only sends the files the Dockerfile copies', variants: ['only the files used by COPY are sent to the daemon', 'the build context is only what COPY uses'], correction: 'The whole context folder is sent before any step runs; .dockerignore is what keeps files out of it.' }],
    steps: [
      {
        title: 'Build without .dockerignore',
        action: {
          kind: 'build',
          image: 'heavy:v1',
          files: { Dockerfile: 'FROM base\nCOPY . /ctx\nCMD ["ls", "-a", "/ctx"]\n', 'app.txt': 'the app\n' },
          filler: { 'node_modules/left-pad/blob.bin': 2_000_000, '.git/objects/pack/pack.bin': 500_000 },
        },
        capture: 'fullContext',
        expect: [{ outputContains: 'Successfully built' }],
      },
      {
        title: 'Build with .dockerignore',
        action: {
          kind: 'build',
          image: 'slim:v1',
          files: { Dockerfile: 'FROM base\nCOPY . /ctx\nCMD ["ls", "-a", "/ctx"]\n', 'app.txt': 'the app\n', '.dockerignore': 'node_modules\n.git\n' },
          filler: { 'node_modules/left-pad/blob.bin': 2_000_000, '.git/objects/pack/pack.bin': 500_000 },
        },
        capture: 'slimContext',
        expect: [{ lessThanVar: 'fullContext' }, { outputContains: 'Successfully built' }],
      },
      {
        title: 'The slim image has no node_modules',
        action: { kind: 'run', container: 'slim', image: 'slim:v1', autoRemove: true },
        expect: [{ outputContains: 'app.txt' }, { outputLacks: 'node_modules' }],
      },
      {
        title: 'Context sizes',
        action: { kind: 'table', columns: ['Build', 'Context bytes'], rows: [['without .dockerignore', '{{var:fullContext}}'], ['with .dockerignore', '{{var:slimContext}}']] },
      },
    ],
  },
];
