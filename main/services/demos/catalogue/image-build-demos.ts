import type { DemoInput } from '../demo-schema';
import { RUN_MARK } from './shared';

const TOOLCHAIN_RUN =
  'RUN mkdir -p /toolchain /out && dd if=/dev/zero of=/toolchain/compiler.bin bs=1024 count=8192 2>/dev/null && echo "hello from the compiled app" > /out/app';

/** Image build demos: multi-stage builds, and layers shared between images. */
export const imageBuildDemos: DemoInput[] = [
  {
    id: 'multi-stage-slim',
    title: 'Multi-stage builds leave the toolchain behind',
    summary:
      'The same app built in one stage carries an 8 MB "toolchain"; built in two stages, the final image copies only the artifact and is a fraction of the size.',
    topic: 'Images',
    network: 'none',
    note: 'Multi-Stage Builds.md',
    heading: 'The idea',
    claims: [
      'a multi-stage build copies only the artifacts into the final image',
      'build tools of earlier stages are not in the final image',
      'a multi-stage image is smaller than a single-stage one',
    ],
    keywords: [
      'multi-stage',
      'multistage',
      'multi stage build',
      'multistage build',
      'COPY --from',
      'AS builder',
      'builder stage',
      'build stage',
      'final stage',
      'image size',
      'smaller images',
      'slim image',
      'toolchain',
      'compiler',
      'artifact',
    ],
    headings: [
      'Multi-stage builds',
      'Multistage builds',
      'Reducing image size',
      'Smaller images',
      'Build stages',
      'Optimizing images',
    ],
    misconceptions: [
      {
        claim: 'everything from every stage ends up in the final image',
        variants: [
          'the final image still contains the compiler from the build stage',
          'multi-stage builds do not make the image smaller',
          'all the layers of all stages are shipped',
        ],
        correction:
          'Only the last stage (or the --target) becomes the image; earlier stages contribute just the files you COPY --from them.',
      },
    ],
    steps: [
      {
        title: 'Single stage: build tools and app in one image',
        action: {
          kind: 'build',
          image: 'fat:v1',
          files: {
            Dockerfile: `FROM base\n${RUN_MARK}\n${TOOLCHAIN_RUN}\nCMD ["cat", "/out/app"]\n`,
          },
        },
        expect: [{ outputContains: 'Successfully built' }],
      },
      {
        title: 'Multi-stage: build in "builder", copy only the artifact',
        explain:
          'The builder stage has the 8 MB toolchain; the final stage starts FROM base again and copies one small file out of it.',
        action: {
          kind: 'build',
          image: 'slim:v1',
          files: {
            Dockerfile: `FROM base AS builder\n${RUN_MARK}\n${TOOLCHAIN_RUN}\n\nFROM base\n${RUN_MARK}\nCOPY --from=builder /out/app /app\nCMD ["cat", "/app"]\n`,
          },
        },
        expect: [
          { outputContains: 'Successfully built' },
          { outputContains: 'COPY --from=builder' },
        ],
      },
      {
        title: 'Size of the single-stage image',
        action: { kind: 'image-inspect', image: 'fat:v1', show: 'size' },
        capture: 'fatSize',
      },
      {
        title: 'Size of the multi-stage image',
        action: { kind: 'image-inspect', image: 'slim:v1', show: 'size' },
        capture: 'slimSize',
        expect: [{ lessThanVar: 'fatSize' }],
      },
      {
        title: 'The slim image still runs the app',
        action: { kind: 'run', container: 'app', image: 'slim:v1', autoRemove: true },
        expect: [{ exitCode: 0 }, { outputContains: 'hello from the compiled app' }],
      },
      {
        title: 'but it has no toolchain',
        action: {
          kind: 'run',
          container: 'probe',
          image: 'slim:v1',
          autoRemove: true,
          cmd: ['ls', '/toolchain'],
        },
        expect: [{ exitCodeNot: 0 }, { outputContains: 'No such file' }],
      },
      {
        title: 'Image sizes in bytes',
        action: {
          kind: 'table',
          columns: ['Build', 'Image size (bytes)'],
          rows: [
            ['single stage', '{{var:fatSize}}'],
            ['multi-stage', '{{var:slimSize}}'],
          ],
        },
      },
    ],
  },
  {
    id: 'shared-base-layers',
    title: 'Images built on one base share its layers',
    summary:
      'Two images FROM the same base list the same base layer digests, and Docker’s disk usage counts those layers once (SHARED SIZE).',
    topic: 'Images',
    network: 'none',
    note: 'Images and Layers.md',
    heading: 'Images share layers',
    onEngine: {
      podman: {
        skip: 'On Podman, the disk usage report (`docker system df -v`) counts every layer of every image as shared (shared size = size) and names images by their tag alone, so the shared size this demo measures is not reported.',
      },
    },
    claims: [
      'images built from the same base share its layers',
      'shared layers are stored once on disk',
      'docker system df shows shared and unique size per image',
    ],
    keywords: [
      'layers',
      'shared layers',
      'layer sharing',
      'base image',
      'RootFS',
      'layer digest',
      'diff id',
      'docker system df',
      'disk usage',
      'shared size',
      'unique size',
      'image size',
      'storage driver',
      'overlay2',
    ],
    headings: [
      'Layers',
      'Image layers',
      'Shared layers',
      'Base images',
      'Disk usage',
      'How images are stored',
    ],
    misconceptions: [
      {
        claim: 'every image stores its own full copy of the base image',
        variants: [
          'ten images based on ubuntu take ten times the disk space',
          'each image is a separate copy on disk',
          'image sizes add up on disk',
        ],
        correction:
          'Layers are content-addressed and stored once; images built on one base reference the same base layers (see SHARED SIZE in `docker system df -v`).',
      },
    ],
    steps: [
      {
        title: 'Build a shared "runtime" base with a 3 MB library',
        action: {
          kind: 'build',
          image: 'runtime:v1',
          files: {
            Dockerfile: `FROM base\n${RUN_MARK}\nRUN mkdir /runtime && dd if=/dev/urandom of=/runtime/lib.bin bs=1024 count=3072 2>/dev/null\n`,
          },
        },
        expect: [{ outputContains: 'Successfully built' }],
      },
      {
        title: 'Build app one FROM the runtime',
        action: {
          kind: 'build',
          image: 'one:v1',
          files: { Dockerfile: 'FROM {{image:runtime:v1}}\nRUN echo "app one" > /app.txt\n' },
        },
        expect: [{ outputContains: 'Successfully built' }],
      },
      {
        title: 'Build app two FROM the runtime',
        action: {
          kind: 'build',
          image: 'two:v1',
          files: { Dockerfile: 'FROM {{image:runtime:v1}}\nRUN echo "app two" > /app.txt\n' },
        },
        expect: [{ outputContains: 'Successfully built' }],
      },
      {
        title: 'The runtime’s layers',
        action: { kind: 'image-inspect', image: 'runtime:v1', show: 'base-layer' },
        capture: 'baseLayer',
      },
      {
        title: 'App one starts with the very same layers',
        action: { kind: 'image-inspect', image: 'one:v1', show: 'base-layer' },
        expect: [{ equalsVar: 'baseLayer' }],
      },
      {
        title: 'So does app two',
        action: { kind: 'image-inspect', image: 'two:v1', show: 'base-layer' },
        expect: [{ equalsVar: 'baseLayer' }],
      },
      {
        title: 'The runtime’s size',
        action: { kind: 'image-inspect', image: 'runtime:v1', show: 'size' },
        capture: 'runtimeSize',
      },
      {
        title: 'Disk usage: app one’s shared size is the whole runtime',
        explain:
          'SHARED SIZE is the part of an image whose layers other images use too; on disk it exists once. Only UNIQUE SIZE is app one’s own.',
        action: { kind: 'system-df', image: 'one:v1' },
        expect: [{ equalsVar: 'runtimeSize' }, { count: 3 }],
      },
    ],
  },
];
