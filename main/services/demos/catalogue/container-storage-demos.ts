import type { DemoInput } from '../demo-schema';
import { PODMAN_UNLABELLED_VOLUMES, SLEEPER } from './shared';

/** Container storage demos: the writable layer, and pruning unused volumes. */
export const containerStorageDemos: DemoInput[] = [
  {
    id: 'writable-layer',
    title: 'The writable layer survives a restart, not a docker rm',
    summary:
      'A file written in a container (no volume) is still there after stop and start, and `docker diff` lists it; a new container from the same image starts without it.',
    topic: 'Storage',
    network: 'none',
    note: 'Storage/Storage Overview.md',
    heading: 'The writable layer is not storage',
    claims: [
      'files written in a container survive docker stop and docker start',
      'files in the writable layer are gone after docker rm',
      'docker diff shows the changes in the writable layer',
      'a new container starts from the clean image',
    ],
    keywords: [
      'writable layer',
      'container layer',
      'copy-on-write',
      'docker diff',
      'container changes',
      'persist data',
      'persistence',
      'data loss',
      'docker rm',
      'docker stop',
      'docker start',
      'restart container',
      'ephemeral',
    ],
    headings: [
      'The writable layer',
      'Container layer',
      'Persisting data',
      'Data persistence',
      'Why volumes',
      'Copy-on-write',
    ],
    misconceptions: [
      {
        claim: 'all data in a container is lost when it stops',
        variants: [
          'stopping a container deletes its files',
          'restarting a container loses the data',
          'data written in a container is gone after docker stop',
        ],
        correction:
          'The writable layer lives as long as the container: stop/start keeps it, `docker rm` deletes it.',
      },
      {
        claim: 'files written in a container are saved into the image',
        variants: [
          'changes in a container change the image',
          'a new container sees what the old one wrote',
        ],
        correction:
          'Writes go to the container’s own writable layer; the image is read-only and every new container starts clean.',
      },
    ],
    steps: [
      {
        title: 'Start a container (no volume)',
        action: { kind: 'run', container: 'box', detach: true, cmd: SLEEPER },
        expect: [{ state: 'running' }],
      },
      {
        title: 'Write a file inside it',
        action: {
          kind: 'exec',
          container: 'box',
          cmd: ['sh', '-c', 'mkdir -p /srv && echo "draft 1" > /srv/notes.txt && echo written'],
        },
        expect: [{ exitCode: 0 }],
      },
      {
        title: 'docker diff lists the change',
        explain: 'A = added, C = changed, D = deleted, compared with the image.',
        action: { kind: 'diff', container: 'box' },
        expect: [{ outputContains: 'A /srv/notes.txt' }],
      },
      {
        title: 'Stop the container',
        action: { kind: 'stop', container: 'box', timeoutSec: 3 },
        expect: [{ state: 'exited' }],
      },
      {
        title: 'Start it again',
        action: { kind: 'start', container: 'box' },
        expect: [{ state: 'running' }],
      },
      {
        title: 'The file survived stop and start',
        action: { kind: 'exec', container: 'box', cmd: ['cat', '/srv/notes.txt'] },
        expect: [{ exitCode: 0 }, { outputContains: 'draft 1' }],
      },
      {
        title: 'Remove the container',
        action: { kind: 'remove', container: 'box', force: true },
        expect: [{ state: 'removed' }],
      },
      {
        title: 'A new container from the same image: the file is gone',
        action: {
          kind: 'run',
          container: 'fresh',
          autoRemove: true,
          cmd: ['cat', '/srv/notes.txt'],
        },
        expect: [{ exitCodeNot: 0 }, { outputContains: 'No such file' }],
      },
    ],
  },
  {
    id: 'volume-prune-unused',
    title: 'docker volume prune removes only unused volumes',
    summary:
      'Two anonymous volumes: one mounted by a running container, one left behind by a removed container. A prune deletes only the unused one; the data in use is safe.',
    topic: 'Storage',
    network: 'none',
    note: 'Storage/Anonymous Volumes.md',
    heading: 'Cleaning up',
    onEngine: { podman: { skip: PODMAN_UNLABELLED_VOLUMES } },
    claims: [
      'docker volume prune removes only volumes no container uses',
      'a volume mounted by a container, even a stopped one, survives a prune',
      'docker volume prune deletes the dangling volumes left by docker rm',
    ],
    keywords: [
      'volume prune',
      'docker volume prune',
      'prune',
      'docker system prune',
      'unused volumes',
      'dangling volumes',
      'clean up volumes',
      'cleanup',
      'free disk space',
      'reclaimed space',
      'docker volume rm',
      'orphaned volumes',
    ],
    headings: [
      'Cleaning up',
      'Cleaning up volumes',
      'Pruning',
      'Volume cleanup',
      'Freeing disk space',
      'Dangling volumes',
    ],
    misconceptions: [
      {
        claim: 'docker volume prune deletes all volumes',
        variants: [
          'volume prune removes every volume',
          'prune also deletes the volumes of running containers',
          'docker volume prune wipes the data of my running database',
        ],
        correction:
          'A prune only removes volumes that no container (running or stopped) refers to; on Engine 23+ only anonymous ones unless you add --all.',
      },
    ],
    steps: [
      {
        title: 'A running container with an anonymous volume',
        action: {
          kind: 'run',
          container: 'keeper',
          detach: true,
          mounts: [{ type: 'volume', anonymous: 'in-use', target: '/data' }],
          cmd: SLEEPER,
        },
        expect: [{ state: 'running' }],
      },
      {
        title: 'It keeps data there',
        action: {
          kind: 'exec',
          container: 'keeper',
          cmd: ['sh', '-c', 'echo "still needed" > /data/keep.txt && echo saved'],
        },
        expect: [{ exitCode: 0 }],
      },
      {
        title: 'Another container writes to its own anonymous volume',
        action: {
          kind: 'run',
          container: 'leaver',
          mounts: [{ type: 'volume', anonymous: 'left-behind', target: '/data' }],
          cmd: ['sh', '-c', 'echo "old junk" > /data/junk.txt'],
        },
        expect: [{ exitCode: 0 }],
      },
      {
        title: 'Remove that container (plain docker rm)',
        action: { kind: 'remove', container: 'leaver' },
        expect: [{ state: 'removed' }],
      },
      {
        title: 'Two volumes now, one of them dangling',
        action: { kind: 'volume-list' },
        expect: [{ count: 2 }],
      },
      {
        title: 'Prune the unused volumes',
        explain:
          'Limited to this run with a label filter, so nothing else on your engine is touched. Only the dangling volume goes.',
        action: { kind: 'volume-prune' },
        expect: [{ count: 1 }, { outputContains: 'Deleted Volumes' }],
      },
      {
        title: 'The dangling volume is gone',
        action: { kind: 'volume-list', anonymous: 'left-behind' },
        expect: [{ count: 0 }],
      },
      {
        title: 'The volume in use is still there',
        action: { kind: 'volume-list', anonymous: 'in-use' },
        expect: [{ count: 1 }],
      },
      {
        title: 'with its data',
        action: { kind: 'exec', container: 'keeper', cmd: ['cat', '/data/keep.txt'] },
        expect: [{ outputContains: 'still needed' }],
      },
    ],
  },
];
