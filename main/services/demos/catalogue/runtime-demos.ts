import type { DemoInput } from '../demo-schema';

/** Runtime demos: CMD/ENTRYPOINT, PID 1 and signals, users. */
export const runtimeDemos: DemoInput[] = [
  {
    id: 'cmd-vs-entrypoint',
    title: 'CMD vs ENTRYPOINT',
    summary: 'Arguments to docker run replace CMD but are appended to ENTRYPOINT; --entrypoint replaces the entrypoint and drops CMD.',
    topic: 'Runtime',
    network: 'none',
    note: 'CMD vs ENTRYPOINT.md',
    heading: 'Overriding at run time',
    steps: [
      { title: 'Build an image with ENTRYPOINT and CMD', action: { kind: 'build', image: 'greet:v1', files: { Dockerfile: 'FROM base\nENTRYPOINT ["echo", "entrypoint says:"]\nCMD ["hello from CMD"]\n' } } },
      { title: 'Build an image with CMD only', action: { kind: 'build', image: 'plain:v1', files: { Dockerfile: 'FROM base\nCMD ["echo", "hello from CMD only"]\n' } } },
      { title: 'ENTRYPOINT + CMD, no arguments', action: { kind: 'run', container: 'a', image: 'greet:v1', autoRemove: true }, capture: 'a', expect: [{ outputContains: 'entrypoint says: hello from CMD' }] },
      { title: 'ENTRYPOINT + CMD, with arguments', action: { kind: 'run', container: 'b', image: 'greet:v1', autoRemove: true, cmd: ['bye'] }, capture: 'b', expect: [{ outputContains: 'entrypoint says: bye' }] },
      {
        title: 'ENTRYPOINT + CMD, with --entrypoint',
        action: { kind: 'run', container: 'c', image: 'greet:v1', autoRemove: true, entrypoint: ['echo'], cmd: ['replaced'] },
        capture: 'c',
        expect: [{ outputContains: 'replaced' }, { outputLacks: 'hello from CMD' }],
      },
      { title: 'CMD only, no arguments', action: { kind: 'run', container: 'd', image: 'plain:v1', autoRemove: true }, capture: 'd', expect: [{ outputContains: 'hello from CMD only' }] },
      { title: 'CMD only, with arguments', action: { kind: 'run', container: 'e', image: 'plain:v1', autoRemove: true, cmd: ['echo', 'arguments replace CMD'] }, capture: 'e', expect: [{ outputContains: 'arguments replace CMD' }] },
      {
        title: 'What each override did',
        action: {
          kind: 'table',
          columns: ['Image', 'docker run …', 'Output'],
          rows: [
            ['ENTRYPOINT + CMD', 'IMAGE', '{{var:a}}'],
            ['ENTRYPOINT + CMD', 'IMAGE bye', '{{var:b}}'],
            ['ENTRYPOINT + CMD', '--entrypoint echo IMAGE replaced', '{{var:c}}'],
            ['CMD only', 'IMAGE', '{{var:d}}'],
            ['CMD only', 'IMAGE echo arguments replace CMD', '{{var:e}}'],
          ],
        },
      },
    ],
  },
  {
    id: 'pid1-signals',
    title: 'PID 1 and signals: why docker stop hangs',
    summary: 'A process that ignores SIGTERM as PID 1 makes docker stop wait the whole grace period and then SIGKILL it; one that handles SIGTERM stops at once.',
    topic: 'Runtime',
    network: 'none',
    note: 'Processes and Signals.md',
    heading: 'How docker stop works',
    steps: [
      { title: 'Build with shell-form CMD', action: { kind: 'build', image: 'shellform:v1', files: { Dockerfile: 'FROM base\nCMD sleep 300\n' } } },
      { title: 'Build an app that handles SIGTERM', action: { kind: 'build', image: 'handler:v1', files: { Dockerfile: `FROM base\nCMD ["sh", "-c", "trap 'echo got SIGTERM; exit 0' TERM; sleep 300 & wait"]\n` } } },
      { title: 'Start the shell-form container', action: { kind: 'run', container: 'stubborn', image: 'shellform:v1', detach: true }, expect: [{ state: 'running' }] },
      { title: 'PID 1 has no SIGTERM handler', action: { kind: 'exec', container: 'stubborn', cmd: ['ps', '-o', 'pid,args'] }, expect: [{ outputContains: 'sleep 300' }] },
      {
        title: 'docker stop -t 3 waits the full grace period',
        explain: 'The kernel does not apply default signal actions to PID 1, so SIGTERM is ignored; after 3 s Docker sends SIGKILL (exit code 137).',
        action: { kind: 'stop', container: 'stubborn', timeoutSec: 3 },
        expect: [{ durationOverMs: 2500 }, { exitCode: 137 }],
      },
      { title: 'Start the container that handles SIGTERM', action: { kind: 'run', container: 'polite', image: 'handler:v1', detach: true }, expect: [{ state: 'running' }] },
      { title: 'docker stop -t 3 is fast', action: { kind: 'stop', container: 'polite', timeoutSec: 3 }, expect: [{ durationUnderMs: 2000 }, { exitCode: 0 }] },
    ],
  },
  {
    id: 'non-root-user',
    title: 'A non-root USER cannot write where root can',
    summary: 'With USER 1000 in the Dockerfile the process runs unprivileged: it cannot write into root-owned folders. Root (--user 0) can.',
    topic: 'Runtime',
    network: 'none',
    note: 'Security/Non-Root Users.md',
    heading: 'Adding a user in the Dockerfile',
    steps: [
      { title: 'Build an image that switches to USER 1000', action: { kind: 'build', image: 'locked:v1', files: { Dockerfile: 'FROM base\nRUN mkdir -p /srv/data && echo root-only > /srv/data/readme\nUSER 1000:1000\nCMD ["id"]\n' } } },
      { title: 'Who am I?', action: { kind: 'run', container: 'whoami', image: 'locked:v1', autoRemove: true, cmd: ['id'] }, expect: [{ outputContains: 'uid=1000' }] },
      {
        title: 'User 1000 cannot write into /srv/data',
        action: { kind: 'run', container: 'denied', image: 'locked:v1', autoRemove: true, cmd: ['touch', '/srv/data/new-file'] },
        expect: [{ exitCodeNot: 0 }, { outputContains: 'Permission denied' }],
      },
      {
        title: 'Root can',
        action: { kind: 'run', container: 'root', image: 'locked:v1', autoRemove: true, user: '0', cmd: ['sh', '-c', 'touch /srv/data/new-file && echo root wrote it'] },
        expect: [{ exitCode: 0 }, { outputContains: 'root wrote it' }],
      },
    ],
  },
];
