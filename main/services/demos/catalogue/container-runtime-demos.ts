import type { DemoInput } from '../demo-schema';
import { RUN_MARK, SLEEPER } from './shared';

/** Runtime demos, part two: restart policies, where logs come from, environment variables. */
export const containerRuntimeDemos: DemoInput[] = [
  {
    id: 'restart-policy',
    title: 'A restart policy restarts a crashing container',
    summary:
      'With `--restart on-failure:3` Docker starts a container again each time it exits with an error, three times, then gives up. RestartCount climbs, and the logs keep every attempt.',
    topic: 'Runtime',
    network: 'none',
    note: 'Processes and Signals.md',
    heading: 'Restart policies',
    claims: [
      'a restart policy makes Docker restart a container whose process exits',
      'on-failure:N restarts at most N times after a non-zero exit',
      'RestartCount shows how often the container was restarted',
      'the logs of a restarted container keep the output of every attempt',
    ],
    keywords: [
      'restart policy',
      'restart policies',
      '--restart',
      'restart always',
      'always',
      'on-failure',
      'unless-stopped',
      'RestartCount',
      'crash loop',
      'crashing container',
      'self-healing',
      'auto restart',
      'automatic restart',
    ],
    headings: [
      'Restart policies',
      'Restart policy',
      'Restarting containers',
      'Crash recovery',
      'Keeping containers running',
    ],
    misconceptions: [
      {
        claim: 'Docker restarts crashed containers by default',
        variants: [
          'a crashed container is restarted automatically',
          'docker always restarts a container that fails',
          'containers restart on their own when they crash',
        ],
        correction:
          'The default policy is `no`: a crashed container stays exited unless it was started with `--restart` (on-failure, always, unless-stopped).',
      },
    ],
    steps: [
      {
        title: 'Start a container that crashes, with --restart on-failure:3',
        action: {
          kind: 'run',
          container: 'crasher',
          detach: true,
          restart: 'on-failure:3',
          cmd: ['sh', '-c', 'echo "attempt started, crashing now"; exit 1'],
        },
      },
      {
        title: 'Watch RestartCount climb to 3',
        explain:
          'Docker restarts it after each non-zero exit, with a growing delay, and gives up after the third retry: the container stays exited.',
        action: { kind: 'watch-restarts', container: 'crasher', restarts: 3 },
        expect: [{ count: 3 }, { state: 'exited' }],
      },
      {
        title: 'The logs hold all four attempts',
        explain:
          'One first run plus three restarts; a restart reuses the same container, so its log keeps growing.',
        action: { kind: 'logs', container: 'crasher' },
        expect: [{ count: 4 }, { outputContains: 'crashing now' }],
      },
    ],
  },
  {
    id: 'logs-are-pid1-output',
    title: 'docker logs shows PID 1’s output, not docker exec’s',
    summary:
      '`docker logs` is what the main process (PID 1) writes to stdout and stderr. Output of a command run with `docker exec` goes back to the exec caller and never reaches the logs.',
    topic: 'Runtime',
    network: 'none',
    note: 'Processes and Signals.md',
    heading: 'Logs come from PID 1',
    claims: [
      'docker logs shows the stdout and stderr of the main process',
      'output of docker exec commands does not appear in docker logs',
      'writing to the stdout of PID 1 puts text into the logs',
    ],
    keywords: [
      'docker logs',
      'logs',
      'logging',
      'stdout',
      'stderr',
      'standard output',
      'PID 1',
      'main process',
      'docker exec',
      'exec',
      'log driver',
      'json-file',
      '/proc/1/fd/1',
      'missing logs',
    ],
    headings: [
      'Logs',
      'Logging',
      'docker logs',
      'Container logs',
      'Debugging containers',
      'Viewing output',
    ],
    misconceptions: [
      {
        claim: 'docker logs shows everything that runs in the container',
        variants: [
          'docker logs shows the output of docker exec',
          'every process in the container writes to docker logs',
          'docker logs shows all output of the container',
        ],
        correction:
          'docker logs records only PID 1’s stdout and stderr; `docker exec` output goes to whoever ran the exec (unless it writes to /proc/1/fd/1).',
      },
    ],
    steps: [
      {
        title: 'Start a container whose PID 1 prints two lines',
        action: {
          kind: 'run',
          container: 'app',
          detach: true,
          cmd: [
            'sh',
            '-c',
            "echo 'PID 1 says hello on stdout'; echo 'PID 1 warns on stderr' >&2; trap 'exit 0' TERM; sleep 300 & wait",
          ],
        },
        expect: [{ state: 'running' }],
      },
      {
        title: 'Run a command with docker exec',
        action: { kind: 'exec', container: 'app', cmd: ['echo', 'exec says hello'] },
        expect: [{ exitCode: 0 }, { outputContains: 'exec says hello' }],
      },
      {
        title: 'docker logs: PID 1’s stdout and stderr, no exec output',
        explain:
          'The exec output went back to the exec caller; the logging driver only records the streams of the container’s main process.',
        action: { kind: 'logs', container: 'app' },
        expect: [
          { outputContains: 'PID 1 says hello on stdout' },
          { outputContains: 'PID 1 warns on stderr' },
          { outputLacks: 'exec says hello' },
        ],
      },
      {
        title: 'An exec that writes to PID 1’s stdout',
        explain:
          '/proc/1/fd/1 is PID 1’s stdout: what goes there is logged (the trick behind logging to /dev/stdout from side processes).',
        action: {
          kind: 'exec',
          container: 'app',
          cmd: ['sh', '-c', "echo 'exec wrote to PID 1 stdout' > /proc/1/fd/1"],
        },
        expect: [{ exitCode: 0 }],
      },
      {
        title: 'Now it is in the logs',
        action: { kind: 'logs', container: 'app' },
        expect: [
          { outputContains: 'exec wrote to PID 1 stdout' },
          { outputLacks: 'exec says hello' },
        ],
      },
    ],
  },
  {
    id: 'env-override',
    title: 'docker run -e overrides ENV from the Dockerfile',
    summary:
      'ENV sets defaults baked into the image; `-e` at run time replaces them for that container only, and `docker exec` sees the same environment.',
    topic: 'Runtime',
    network: 'none',
    note: 'The Dockerfile.md',
    heading: 'ENV and ARG',
    claims: [
      'ENV in the Dockerfile sets default environment variables',
      'docker run -e overrides an ENV value',
      'variables not given with -e keep their ENV value',
      'docker exec sees the container environment',
    ],
    keywords: [
      'ENV',
      'environment variables',
      'env vars',
      '-e',
      '--env',
      '--env-file',
      'docker run -e',
      'override',
      'configuration',
      'config',
      'printenv',
      'ARG vs ENV',
      '12-factor',
    ],
    headings: [
      'ENV and ARG',
      'Environment variables',
      'ENV',
      'Configuration',
      'Configuring containers',
    ],
    misconceptions: [
      {
        claim: 'ENV values are fixed at build time and cannot be changed',
        variants: [
          'you have to rebuild the image to change an ENV variable',
          'docker run -e cannot change a variable set with ENV',
          'ENV variables are hard-coded into the container',
        ],
        correction:
          'ENV only sets defaults: `docker run -e NAME=value` overrides them per container, without a rebuild.',
      },
    ],
    steps: [
      {
        title: 'Build an image with ENV defaults',
        action: {
          kind: 'build',
          image: 'app:v1',
          files: {
            Dockerfile: `FROM base\n${RUN_MARK}\nENV GREETING="hello from the Dockerfile" APP_MODE=production\nCMD ["sh", "-c", "echo \\"GREETING=$GREETING\\"; echo \\"APP_MODE=$APP_MODE\\""]\n`,
          },
        },
        expect: [{ outputContains: 'Successfully built' }],
      },
      {
        title: 'Run it as it is: the ENV defaults',
        action: { kind: 'run', container: 'defaults', image: 'app:v1', autoRemove: true },
        expect: [
          { outputContains: 'GREETING=hello from the Dockerfile' },
          { outputContains: 'APP_MODE=production' },
        ],
      },
      {
        title: 'Run it with -e GREETING=…',
        explain: '-e wins over ENV for this container; APP_MODE, not given, keeps its default.',
        action: {
          kind: 'run',
          container: 'overridden',
          image: 'app:v1',
          autoRemove: true,
          env: { GREETING: 'hello from docker run -e' },
        },
        expect: [
          { outputContains: 'GREETING=hello from docker run -e' },
          { outputLacks: 'from the Dockerfile' },
          { outputContains: 'APP_MODE=production' },
        ],
      },
      {
        title: 'Start a long-running container with -e',
        action: {
          kind: 'run',
          container: 'server',
          image: 'app:v1',
          detach: true,
          env: { GREETING: 'set at run time' },
          cmd: SLEEPER,
        },
        expect: [{ state: 'running' }],
      },
      {
        title: 'docker exec sees the same environment',
        action: { kind: 'exec', container: 'server', cmd: ['env'] },
        expect: [
          { outputContains: 'GREETING=set at run time' },
          { outputContains: 'APP_MODE=production' },
        ],
      },
    ],
  },
];
