import type { DemoInput } from '../demo-schema';
import { RUN_MARK } from './shared';

/** Storage demos, part two: volumes across images, where a volume's data lives, VOLUME in a Dockerfile. */
export const moreStorageDemos: DemoInput[] = [
  {
    id: 'volume-across-images',
    title: 'Containers of different images share one volume',
    summary:
      'A volume belongs to no image: a container of a "producer" image writes into it, a container of a different "consumer" image reads the same file.',
    topic: 'Storage',
    network: 'none',
    note: 'Storage/Named Volumes.md',
    heading: 'Sharing between containers',
    claims: [
      'a named volume can be mounted by containers of different images',
      'a volume is independent of the image that wrote to it',
      'volumes are a way to pass data between different containers',
    ],
    keywords: [
      'named volume',
      'shared volume',
      'share data',
      'sharing data between containers',
      'different images',
      'volume',
      '-v',
      '--mount',
      'data exchange',
      'producer consumer',
      'sidecar',
    ],
    headings: [
      'Named volumes',
      'Sharing volumes',
      'Sharing data between containers',
      'Volumes',
      'Persistent data',
    ],
    misconceptions: [
      {
        claim: 'a volume belongs to the image that created it',
        variants: [
          'only containers of the same image can use a volume',
          'a volume is part of the image',
          'volumes can only be shared between containers of the same image',
        ],
        correction:
          'A named volume is a separate Docker object: any container of any image can mount it.',
      },
    ],
    steps: [
      {
        title: 'Build the producer image',
        action: {
          kind: 'build',
          image: 'producer:v1',
          files: {
            Dockerfile: `FROM base\n${RUN_MARK}\nRUN echo producer > /etc/image-name\nCMD ["sh", "-c", "echo \\"report written by the $(cat /etc/image-name) image\\" > /shared/report.txt && echo wrote /shared/report.txt"]\n`,
          },
        },
      },
      {
        title: 'Build the consumer image (a different image)',
        action: {
          kind: 'build',
          image: 'consumer:v1',
          files: {
            Dockerfile: `FROM base\n${RUN_MARK}\nRUN echo consumer > /etc/image-name\nCMD ["sh", "-c", "echo \\"I am the $(cat /etc/image-name) image and I read:\\"; cat /shared/report.txt"]\n`,
          },
        },
      },
      { title: 'Create the volume', action: { kind: 'volume-create', volume: 'exchange' } },
      {
        title: 'A producer container writes into it',
        action: {
          kind: 'run',
          container: 'producer',
          image: 'producer:v1',
          autoRemove: true,
          mounts: [{ type: 'volume', source: 'exchange', target: '/shared' }],
        },
        expect: [{ exitCode: 0 }, { outputContains: 'wrote' }],
      },
      {
        title: 'A consumer container reads it',
        explain: 'Different image, different container, same volume: the file is there.',
        action: {
          kind: 'run',
          container: 'consumer',
          image: 'consumer:v1',
          autoRemove: true,
          mounts: [{ type: 'volume', source: 'exchange', target: '/shared' }],
        },
        expect: [
          { exitCode: 0 },
          { outputContains: 'I am the consumer image' },
          { outputContains: 'report written by the producer image' },
        ],
      },
    ],
  },
  {
    id: 'volume-mountpoint',
    title: 'A named volume is a folder on the engine host',
    summary:
      '`docker volume inspect` shows the Mountpoint under /var/lib/docker/volumes; a read-only helper that bind-mounts that folder finds the file the container wrote.',
    topic: 'Storage',
    network: 'none',
    note: 'Storage/Named Volumes.md',
    heading: 'Where the data lives',
    onEngine: {
      podman: {
        skip: 'On Podman, volumes live under /var/lib/containers/storage/volumes, not /var/lib/docker/volumes, the engine-host folder this demo’s helper opens.',
      },
    },
    claims: [
      'a named volume is stored in a folder on the engine host',
      'docker volume inspect shows where the volume data lives',
      'volume data lives under /var/lib/docker/volumes on a Linux engine',
    ],
    keywords: [
      'Mountpoint',
      'mount point',
      'docker volume inspect',
      'volume inspect',
      '/var/lib/docker/volumes',
      '/var/lib/docker',
      'where are volumes stored',
      'volume location',
      'volume path',
      '_data',
      'local driver',
      'Docker Desktop VM',
    ],
    headings: [
      'Named volumes',
      'Where volumes are stored',
      'Volume location',
      'Inspecting volumes',
      'Volumes',
    ],
    misconceptions: [
      {
        claim: 'volume data is stored inside the container',
        variants: [
          'volumes live inside the container',
          'the volume is stored in the image',
          'volume data disappears into docker and cannot be found on disk',
        ],
        correction:
          'A local volume is a plain folder on the engine host (its Mountpoint, under /var/lib/docker/volumes); on Docker Desktop that host is Docker’s VM.',
      },
    ],
    steps: [
      { title: 'Create a named volume', action: { kind: 'volume-create', volume: 'data' } },
      {
        title: 'A container writes a file into it',
        action: {
          kind: 'run',
          container: 'writer',
          autoRemove: true,
          mounts: [{ type: 'volume', source: 'data', target: '/data' }],
          cmd: ['sh', '-c', 'echo "stored in the volume" > /data/note.txt && echo saved'],
        },
        expect: [{ exitCode: 0 }],
      },
      {
        title: 'Inspect the volume: its Mountpoint',
        action: { kind: 'volume-inspect', volume: 'data' },
        capture: 'mountpoint',
        expect: [{ outputContains: '/volumes/{{volume:data}}/_data' }],
      },
      {
        title: 'Read the file at that path on the engine host',
        explain:
          'The helper bind-mounts the engine host’s /var/lib/docker/volumes read-only, so this works even when dockerd runs in a VM (Docker Desktop), where the path is not on your own disk.',
        action: {
          kind: 'run',
          container: 'host-view',
          autoRemove: true,
          mounts: [
            {
              type: 'bind',
              engineHost: true,
              source: '/var/lib/docker/volumes',
              target: '/engine-volumes',
              readOnly: true,
            },
          ],
          cmd: [
            'sh',
            '-c',
            'ls -l /engine-volumes/{{volume:data}}/_data && cat /engine-volumes/{{volume:data}}/_data/note.txt',
          ],
        },
        expect: [
          { exitCode: 0 },
          { outputContains: 'note.txt' },
          { outputContains: 'stored in the volume' },
        ],
      },
    ],
  },
  {
    id: 'dockerfile-volume-anonymous',
    title: 'VOLUME in a Dockerfile makes a new volume on every run',
    summary:
      'An image with `VOLUME /data` gets a fresh anonymous volume for each `docker run`: two runs, two volumes, and the second does not see what the first wrote.',
    topic: 'Storage',
    network: 'none',
    note: 'Storage/Anonymous Volumes.md',
    heading: 'Where they come from',
    claims: [
      'VOLUME in a Dockerfile creates an anonymous volume for every container',
      'each docker run of such an image gets a new empty volume',
      'data written by one run is not seen by the next run',
    ],
    keywords: [
      'VOLUME',
      'VOLUME instruction',
      'Dockerfile VOLUME',
      'anonymous volume',
      'unnamed volume',
      'docker run',
      'dangling volumes',
      'database image',
      'volume per container',
      'docker volume ls',
    ],
    headings: [
      'Anonymous volumes',
      'VOLUME instruction',
      'Volumes in the Dockerfile',
      'Dangling volumes',
      'Volumes',
    ],
    misconceptions: [
      {
        claim: 'VOLUME in the Dockerfile makes the data persist between runs',
        variants: [
          'declaring VOLUME is enough to keep data between docker run',
          'VOLUME creates one shared volume for the image',
          'the data in a VOLUME is kept for the next container',
        ],
        correction:
          'VOLUME gives every new container its own new anonymous volume; to keep data across runs, mount a named volume (`-v name:/data`).',
      },
    ],
    steps: [
      {
        title: 'Build an image that declares VOLUME /data',
        action: {
          kind: 'build',
          image: 'db:v1',
          files: {
            Dockerfile: `FROM base\n${RUN_MARK}\nVOLUME /data\nCMD if [ -e /data/run.txt ]; then echo "found: $(cat /data/run.txt)"; else echo "the volume is empty"; fi; echo "written by $HOSTNAME" > /data/run.txt\n`,
          },
        },
        expect: [{ outputContains: 'VOLUME' }],
      },
      {
        title: 'First run',
        action: { kind: 'run', container: 'first', image: 'db:v1' },
        expect: [{ exitCode: 0 }, { outputContains: 'the volume is empty' }],
      },
      {
        title: 'Second run of the same image',
        explain:
          'If the volume were shared, ls would list run.txt from the first run; the volume is new and empty.',
        action: { kind: 'run', container: 'second', image: 'db:v1' },
        expect: [
          { exitCode: 0 },
          { outputContains: 'the volume is empty' },
          { outputLacks: 'found:' },
        ],
      },
      {
        title: 'Two containers, two different volumes',
        action: { kind: 'container-volumes', containers: ['first', 'second'] },
        expect: [{ count: 2 }, { outputContains: '-> /data' }],
      },
    ],
  },
];
