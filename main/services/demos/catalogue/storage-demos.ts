import type { DemoInput } from '../demo-schema';
import { SLEEPER } from './shared';

/** Storage demos: volumes, bind mounts, tmpfs, read-only and shared mounts. */
export const storageDemos: DemoInput[] = [
  {
    id: 'named-volume-persists',
    title: 'A named volume outlives its container',
    summary: 'One container writes into a named volume and is removed; a second, brand-new container reads the file back.',
    topic: 'Storage',
    network: 'none',
    note: 'Storage/Named Volumes.md',
    heading: 'Creating and using',
    steps: [
      {
        title: 'Create a named volume',
        action: { kind: 'volume-create', volume: 'data' },
        expect: [{ eventSeen: { type: 'volume', action: 'create' } }],
      },
      {
        title: 'Write a file from a throw-away container',
        explain: 'The container is removed as soon as it exits (--rm); the volume is not.',
        action: { kind: 'run', container: 'writer', autoRemove: true, mounts: [{ type: 'volume', source: 'data', target: '/data' }], cmd: ['sh', '-c', 'echo "written by the first container" > /data/note.txt && echo saved'] },
        expect: [{ exitCode: 0 }],
      },
      {
        title: 'Read it from a new container',
        explain: 'The first container is destroyed by now; the file survived in the volume.',
        action: { kind: 'run', container: 'reader', autoRemove: true, mounts: [{ type: 'volume', source: 'data', target: '/data' }], cmd: ['cat', '/data/note.txt'] },
        expect: [{ exitCode: 0 }, { outputContains: 'written by the first container' }, { eventSeen: { type: 'container', action: 'destroy' } }],
      },
    ],
  },
  {
    id: 'anonymous-volume-dangling',
    title: 'Anonymous volumes are left dangling by docker rm',
    summary: 'A plain `docker rm` leaves the anonymous volume behind, dangling; `--rm` and `docker rm -v` take it with them.',
    topic: 'Storage',
    network: 'none',
    note: 'Storage/Anonymous Volumes.md',
    heading: 'The dangling problem',
    steps: [
      {
        title: 'Run a container with an anonymous volume',
        action: { kind: 'run', container: 'keeper', mounts: [{ type: 'volume', anonymous: 'plain', target: '/data' }], cmd: ['sh', '-c', 'echo precious > /data/file && echo wrote /data/file'] },
        expect: [{ exitCode: 0 }],
      },
      { title: 'Remove it with plain docker rm', action: { kind: 'remove', container: 'keeper' }, expect: [{ state: 'removed' }] },
      {
        title: 'The volume is still there, dangling',
        explain: 'No container uses it any more, and nothing names it: this is how disks fill up.',
        action: { kind: 'volume-list', anonymous: 'plain', dangling: true },
        expect: [{ count: 1 }],
      },
      {
        title: 'Run the same with --rm',
        action: { kind: 'run', container: 'tidy', autoRemove: true, mounts: [{ type: 'volume', anonymous: 'with-rm', target: '/data' }], cmd: ['sh', '-c', 'echo temp > /data/file'] },
        expect: [{ exitCode: 0 }, { state: 'removed' }],
      },
      { title: '--rm removed its anonymous volume too', action: { kind: 'volume-list', anonymous: 'with-rm' }, expect: [{ count: 0 }] },
      {
        title: 'Run once more, without --rm',
        action: { kind: 'run', container: 'third', mounts: [{ type: 'volume', anonymous: 'with-v', target: '/data' }], cmd: ['sh', '-c', 'echo temp > /data/file'] },
        expect: [{ exitCode: 0 }],
      },
      { title: 'Remove it with docker rm -v', action: { kind: 'remove', container: 'third', volumes: true }, expect: [{ state: 'removed' }] },
      { title: 'rm -v removed the anonymous volume', action: { kind: 'volume-list', anonymous: 'with-v' }, expect: [{ count: 0 }] },
    ],
  },
  {
    id: 'bind-mount-two-way',
    title: 'A bind mount works both ways',
    summary: 'Edits on the host show up inside the container at once, and files the container writes land on the host.',
    topic: 'Storage',
    network: 'none',
    note: 'Storage/Bind Mounts.md',
    heading: 'Two-way by design',
    steps: [
      { title: 'Write a file on the host', action: { kind: 'host-write', path: 'shared/from-host.txt', content: 'edited on the host, version 1\n' } },
      {
        title: 'Start a container with the folder bind-mounted',
        action: { kind: 'run', container: 'box', detach: true, mounts: [{ type: 'bind', source: 'shared', target: '/work' }], cmd: SLEEPER },
        expect: [{ state: 'running' }],
      },
      { title: 'The container sees the host file', action: { kind: 'exec', container: 'box', cmd: ['cat', '/work/from-host.txt'] }, expect: [{ exitCode: 0 }, { outputContains: 'version 1' }] },
      { title: 'Edit the file on the host while it runs', action: { kind: 'host-write', path: 'shared/from-host.txt', content: 'edited on the host, version 2\n' } },
      { title: 'The edit is visible inside at once', action: { kind: 'exec', container: 'box', cmd: ['cat', '/work/from-host.txt'] }, expect: [{ outputContains: 'version 2' }] },
      {
        title: 'The container writes a file',
        action: { kind: 'exec', container: 'box', cmd: ['sh', '-c', 'echo "written in the container" > /work/from-container.txt'] },
        expect: [{ exitCode: 0 }],
      },
      {
        title: 'The host has it',
        action: { kind: 'host-read', path: 'shared/from-container.txt' },
        expect: [{ hostFileExists: 'shared/from-container.txt' }, { outputContains: 'written in the container' }],
      },
    ],
  },
  {
    id: 'tmpfs-is-ephemeral',
    title: 'A tmpfs mount vanishes when the container stops',
    summary: 'Files in a tmpfs mount live in memory: they are gone after a stop and start, and the mount is never listed as a volume.',
    topic: 'Storage',
    network: 'none',
    note: 'Storage/tmpfs Mounts.md',
    heading: 'Gone when the container stops',
    steps: [
      {
        title: 'Start a container with a tmpfs at /scratch',
        action: { kind: 'run', container: 'scratchpad', detach: true, mounts: [{ type: 'tmpfs', target: '/scratch' }], cmd: SLEEPER },
        expect: [{ state: 'running' }],
      },
      {
        title: 'Write a file into it',
        action: { kind: 'exec', container: 'scratchpad', cmd: ['sh', '-c', 'echo draft > /scratch/draft.txt && cat /scratch/draft.txt && grep /scratch /proc/mounts'] },
        expect: [{ exitCode: 0 }, { outputContains: 'tmpfs' }],
      },
      { title: 'Stop the container', action: { kind: 'stop', container: 'scratchpad', timeoutSec: 3 }, expect: [{ state: 'exited' }] },
      { title: 'Start it again', action: { kind: 'start', container: 'scratchpad' }, expect: [{ state: 'running' }] },
      {
        title: 'The file is gone',
        action: { kind: 'exec', container: 'scratchpad', cmd: ['cat', '/scratch/draft.txt'] },
        expect: [{ exitCodeNot: 0 }, { outputContains: 'No such file' }],
      },
      { title: 'No volume was ever created', action: { kind: 'volume-list' }, expect: [{ count: 0 }] },
    ],
  },
  {
    id: 'read-only-mount',
    title: 'A read-only mount refuses writes',
    summary: 'The same volume, mounted with :ro, can be read but not written.',
    topic: 'Storage',
    network: 'none',
    note: 'Storage/Storage Overview.md',
    heading: 'Read-only mounts',
    steps: [
      {
        title: 'Write into the volume (read-write)',
        action: { kind: 'run', container: 'writer', autoRemove: true, mounts: [{ type: 'volume', source: 'config', target: '/config' }], cmd: ['sh', '-c', 'echo "setting=1" > /config/app.conf && echo written'] },
        expect: [{ exitCode: 0 }],
      },
      {
        title: 'Read it through a read-only mount',
        action: { kind: 'run', container: 'reader', autoRemove: true, mounts: [{ type: 'volume', source: 'config', target: '/config', readOnly: true }], cmd: ['cat', '/config/app.conf'] },
        expect: [{ exitCode: 0 }, { outputContains: 'setting=1' }],
      },
      {
        title: 'Try to write through the read-only mount',
        action: { kind: 'run', container: 'vandal', autoRemove: true, mounts: [{ type: 'volume', source: 'config', target: '/config', readOnly: true }], cmd: ['sh', '-c', 'echo "setting=2" > /config/app.conf'] },
        expect: [{ exitCodeNot: 0 }, { outputContains: 'Read-only file system' }],
      },
    ],
  },
  {
    id: 'shared-volume',
    title: 'Two containers share one volume',
    summary: 'Two running containers mount the same named volume; what one writes, the other reads at once.',
    topic: 'Storage',
    network: 'none',
    note: 'Storage/Named Volumes.md',
    heading: 'Sharing between containers',
    steps: [
      { title: 'Create the volume', action: { kind: 'volume-create', volume: 'shared' } },
      { title: 'Start container alpha', action: { kind: 'run', container: 'alpha', detach: true, mounts: [{ type: 'volume', source: 'shared', target: '/shared' }], cmd: SLEEPER }, expect: [{ state: 'running' }] },
      { title: 'Start container beta', action: { kind: 'run', container: 'beta', detach: true, mounts: [{ type: 'volume', source: 'shared', target: '/shared' }], cmd: SLEEPER }, expect: [{ state: 'running' }] },
      { title: 'alpha writes a message', action: { kind: 'exec', container: 'alpha', cmd: ['sh', '-c', 'echo "hello from alpha" > /shared/msg'] }, expect: [{ exitCode: 0 }] },
      { title: 'beta reads it', action: { kind: 'exec', container: 'beta', cmd: ['cat', '/shared/msg'] }, expect: [{ outputContains: 'hello from alpha' }] },
      { title: 'beta answers', action: { kind: 'exec', container: 'beta', cmd: ['sh', '-c', 'echo "beta was here" >> /shared/msg'] }, expect: [{ exitCode: 0 }] },
      { title: 'alpha sees the answer', action: { kind: 'exec', container: 'alpha', cmd: ['cat', '/shared/msg'] }, expect: [{ outputContains: 'beta was here' }] },
    ],
  },
];
