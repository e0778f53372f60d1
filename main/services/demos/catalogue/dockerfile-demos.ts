import type { DemoInput } from '../demo-schema';
import { RUN_MARK, SLEEPER } from './shared';

const ARG_ENV_DOCKERFILE = [
  'FROM base',
  RUN_MARK,
  'ARG APP_VERSION=1.4.2',
  'ENV APP_MODE=production',
  'RUN echo "built version $APP_VERSION" > /version.txt',
  'CMD ["sh", "-c", "echo \\"APP_VERSION=[$APP_VERSION] APP_MODE=[$APP_MODE]\\"; cat /version.txt"]',
  '',
].join('\n');

/** Dockerfile and process demos: ARG vs ENV, and what a container's exit code says. */
export const dockerfileDemos: DemoInput[] = [
  {
    id: 'arg-vs-env',
    title: 'ARG is gone at run time, ENV stays',
    summary:
      'An ARG is a build-time variable: RUN steps see it, the running container does not. ENV is stored in the image and set in every container. And ARG values stay readable in docker history.',
    topic: 'Images',
    network: 'none',
    note: 'The Dockerfile.md',
    heading: 'ENV and ARG',
    claims: [
      'ARG variables exist only while the image is built',
      'ENV variables are set in every container of the image',
      'ARG values are visible in docker history',
    ],
    keywords: [
      'ARG',
      'ENV',
      'ARG vs ENV',
      'build arg',
      'build-arg',
      '--build-arg',
      'build-time variable',
      'environment variables',
      'docker history',
      'secrets in images',
      'Dockerfile variables',
    ],
    headings: [
      'ENV and ARG',
      'ARG vs ENV',
      'Build arguments',
      'Build args',
      'Dockerfile variables',
      'Environment variables',
    ],
    misconceptions: [
      {
        claim: 'ARG variables are available when the container runs',
        variants: [
          'build args are set as environment variables in the container',
          'the container can read the ARG values',
          'ARG and ENV are the same thing',
        ],
        correction:
          'An ARG exists only during the build; copy it into an ENV if the running container needs it.',
      },
      {
        claim: 'build args are a safe place for passwords',
        variants: [
          'passing a secret with --build-arg keeps it out of the image',
          'ARG is safe for tokens',
        ],
        correction:
          'ARG values used by RUN steps are recorded in the image history (`docker history`); use build secrets instead.',
      },
    ],
    steps: [
      {
        title: 'Build with an ARG and an ENV',
        action: { kind: 'build', image: 'app:v1', files: { Dockerfile: ARG_ENV_DOCKERFILE } },
        expect: [{ outputContains: 'Successfully built' }],
      },
      {
        title: 'Run it: the ENV is set, the ARG is empty',
        explain:
          'The RUN step saw APP_VERSION while building (version.txt has it); the running container has no such variable.',
        action: { kind: 'run', container: 'app', image: 'app:v1', autoRemove: true },
        expect: [
          { outputContains: 'APP_VERSION=[] APP_MODE=[production]' },
          { outputContains: 'built version 1.4.2' },
        ],
      },
      {
        title: 'but the ARG value is in the image history',
        explain:
          'Every RUN after an ARG records the value it used: anyone with the image can read it.',
        action: { kind: 'image-history', image: 'app:v1' },
        expect: [{ outputContains: 'APP_VERSION=1.4.2' }],
      },
    ],
  },
  {
    id: 'exit-code-pid1',
    title: 'A container’s exit code is PID 1’s exit code',
    summary:
      'When the main process exits, the container stops with its exit code. 137 is not an application bug: it is 128 + 9, a SIGKILL (docker kill, the OOM killer, or a stop that ran out of time).',
    topic: 'Runtime',
    network: 'none',
    note: 'Processes and Signals.md',
    heading: 'Exit codes',
    claims: [
      'the container exits with the exit code of its main process',
      'exit code 137 means the process was killed with SIGKILL',
      'docker inspect shows the exit code of a stopped container',
    ],
    keywords: [
      'exit code',
      'exit status',
      'exited (137)',
      '137',
      '143',
      'SIGKILL',
      'docker kill',
      'OOMKilled',
      'docker inspect',
      'State.ExitCode',
      'container crashed',
      'PID 1',
      'main process',
    ],
    headings: [
      'Exit codes',
      'Exit code 137',
      'Why did my container stop',
      'Container crashed',
      'Debugging containers',
    ],
    misconceptions: [
      {
        claim: 'exit code 137 means the application crashed with a bug',
        variants: [
          '137 is an error in my code',
          'exited 137 means the app threw an exception',
          'exit code 137 is a docker error',
        ],
        correction:
          '137 = 128 + 9: the process was killed with SIGKILL (docker kill, the OOM killer, or docker stop after its grace period).',
      },
    ],
    steps: [
      {
        title: 'PID 1 exits with code 3',
        action: { kind: 'run', container: 'job', cmd: ['sh', '-c', 'echo "working..."; exit 3'] },
        expect: [{ exitCode: 3 }, { outputContains: 'working' }],
      },
      {
        title: 'The container kept that exit code',
        action: { kind: 'inspect-container', container: 'job' },
        expect: [{ outputContains: 'exited (exit code 3)' }],
      },
      {
        title: 'Start a long-running container',
        action: { kind: 'run', container: 'victim', detach: true, cmd: SLEEPER },
        expect: [{ state: 'running' }],
      },
      {
        title: 'docker kill sends SIGKILL',
        action: { kind: 'kill', container: 'victim', signal: 'SIGKILL' },
        expect: [{ state: 'exited' }],
      },
      {
        title: 'Exit code 137 = 128 + 9 (SIGKILL)',
        explain:
          'A process killed by signal N exits with 128 + N: 137 for SIGKILL (9), 143 for SIGTERM (15). The app had no say in it.',
        action: { kind: 'inspect-container', container: 'victim' },
        expect: [{ outputContains: 'exited (exit code 137)' }],
      },
    ],
  },
];
