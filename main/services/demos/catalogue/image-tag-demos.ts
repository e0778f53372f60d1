import type { DemoInput } from '../demo-schema';
import { RUN_MARK } from './shared';

/** Image tag demos: what a missing tag means, and what `docker rmi` really removes. */
export const imageTagDemos: DemoInput[] = [
  {
    id: 'latest-is-just-a-tag',
    title: 'The latest tag is just a label, not the newest image',
    summary:
      'An image named without a tag means :latest. Build two versions, point latest at the OLDER one: a run without a tag gets the old version.',
    topic: 'Images',
    network: 'none',
    note: 'Tags and Digests.md',
    heading: 'Why latest is not a version',
    claims: [
      'an image referenced without a tag means the latest tag',
      'latest is only a label that points wherever it was last put',
      'latest does not follow the newest build',
    ],
    keywords: [
      'latest',
      'latest tag',
      'default tag',
      'no tag',
      'untagged reference',
      'image tag',
      'tagging',
      'docker tag',
      'newest image',
      'newest version',
      'image version',
      'versioning',
    ],
    headings: [
      'Image tags',
      'Tags',
      'The latest tag',
      'Why latest is bad',
      'Tagging images',
      'Image versions',
    ],
    misconceptions: [
      {
        claim: 'latest always means the newest image',
        variants: [
          'the latest tag always points to the most recent version',
          'latest is updated automatically when you build',
          'docker run without a tag gives you the newest version',
          'latest is the newest build',
        ],
        correction:
          '`latest` is an ordinary tag: it points at whatever image was last tagged `latest` (by default the last `docker build -t name`), which can be any version.',
      },
    ],
    steps: [
      {
        title: 'Build version 1 (the older one)',
        action: {
          kind: 'build',
          image: 'app:v1',
          files: {
            Dockerfile: `FROM base\n${RUN_MARK}\nCMD ["echo", "I am version 1 (the OLD build)"]\n`,
          },
        },
        expect: [{ outputContains: 'Successfully built' }],
      },
      {
        title: 'Build version 2 (the newer one)',
        action: {
          kind: 'build',
          image: 'app:v2',
          files: {
            Dockerfile: `FROM base\n${RUN_MARK}\nCMD ["echo", "I am version 2 (the NEW build)"]\n`,
          },
        },
        expect: [{ outputContains: 'Successfully built' }],
      },
      {
        title: 'Tag the OLDER image with no tag, which Docker reads as latest',
        explain:
          'A name without ":tag" means ":latest". Nothing checks which build is newer: the tag goes exactly where we put it.',
        action: { kind: 'tag', source: 'app:v1', target: 'app' },
      },
      {
        title: 'Remember version 1’s image ID',
        action: { kind: 'image-inspect', image: 'app:v1' },
        capture: 'idV1',
      },
      {
        title: 'The untagged name resolves to version 1',
        action: { kind: 'image-inspect', image: 'app' },
        expect: [{ equalsVar: 'idV1' }, { outputContains: '{{image:app:v1}}' }],
      },
      {
        title: 'Run the image without a tag',
        explain:
          'docker run resolves the missing tag to latest, and latest names the old build, even though v2 is newer.',
        action: { kind: 'run', container: 'untagged', image: 'app', autoRemove: true },
        expect: [{ exitCode: 0 }, { outputContains: 'version 1' }, { outputLacks: 'version 2' }],
      },
    ],
  },
  {
    id: 'rmi-untags-first',
    title: 'docker rmi untags first, deletes with the last tag',
    summary:
      'An image with two tags survives `docker rmi` of one of them: the output says "Untagged". Removing the last tag deletes the image ("Deleted").',
    topic: 'Images',
    network: 'none',
    note: 'Tags and Digests.md',
    heading: 'Removing tags and images',
    claims: [
      'docker rmi of one of several tags only removes that tag',
      'the image is deleted only when its last tag is removed',
      'several tags can point at one image without copying it',
    ],
    keywords: [
      'rmi',
      'docker rmi',
      'docker image rm',
      'remove image',
      'delete image',
      'untag',
      'untagged',
      'deleted',
      'image tags',
      'tag',
      'image id',
      'dangling image',
      'disk space',
    ],
    headings: [
      'Removing images',
      'Deleting images',
      'docker rmi',
      'Image tags',
      'Cleaning up images',
    ],
    misconceptions: [
      {
        claim: 'docker rmi always deletes the image',
        variants: [
          'removing an image always deletes it',
          'docker rmi frees the disk space of the image',
          'docker image rm deletes the image and all its tags',
          'rmi deletes the image from disk',
        ],
        correction:
          '`docker rmi name:tag` removes that tag; the image data is deleted only when no other tag (and no container) still uses it.',
      },
    ],
    steps: [
      {
        title: 'Build an image',
        action: {
          kind: 'build',
          image: 'app:v1',
          files: {
            Dockerfile: `FROM base\n${RUN_MARK}\nRUN echo "release 1" > /release.txt\nCMD ["cat", "/release.txt"]\n`,
          },
        },
        expect: [{ outputContains: 'Successfully built' }],
      },
      {
        title: 'Give it a second tag',
        explain: 'docker tag only adds a name: both tags show the same IMAGE ID.',
        action: { kind: 'tag', source: 'app:v1', target: 'app:stable' },
      },
      {
        title: 'Both tags name one image',
        action: { kind: 'image-inspect', image: 'app:v1' },
        capture: 'imageId',
        expect: [{ outputContains: '{{image:app:stable}}' }],
      },
      {
        title: 'Remove one tag',
        explain: 'Another tag still points at the image, so Docker only removes the name.',
        action: { kind: 'image-remove', image: 'app:stable' },
        expect: [
          { outputContains: 'Untagged: {{image:app:stable}}' },
          { outputLacks: 'Deleted' },
          { count: 0 },
        ],
        onEngine: {
          podman: {
            note: 'On Podman, a short image name is stored fully qualified, so the untagged name reads docker.io/library/….',
            expect: [{ outputContains: 'Untagged: docker.io/library/{{image:app:stable}}' }, { outputLacks: 'Deleted' }, { count: 0 }],
          },
        },
      },
      {
        title: 'The image is still there, same ID',
        action: { kind: 'image-inspect', image: 'app:v1' },
        expect: [{ equalsVar: 'imageId' }, { outputLacks: 'stable' }],
      },
      {
        title: 'Remove the last tag',
        explain:
          'No name is left, so the image itself (and its layers no other image uses) is deleted.',
        action: { kind: 'image-remove', image: 'app:v1' },
        expect: [
          { outputContains: 'Untagged: {{image:app:v1}}' },
          { outputContains: 'Deleted: {{var:imageId}}' },
        ],
        onEngine: {
          podman: {
            note: 'On Podman, the untagged name is fully qualified (docker.io/library/…) and the deleted images — this one and the intermediate images its build kept — are listed by bare ID, without “sha256:”.',
            expect: [{ outputContains: 'Untagged: docker.io/library/{{image:app:v1}}' }, { outputContains: 'Deleted: ' }],
          },
        },
      },
    ],
  },
];
