import { spawnSync } from 'node:child_process';

/** Which compose runs the compose steps: the `docker compose` plugin, else standalone `docker-compose`. */
export interface ComposeTool {
  /** The program and its leading arguments, e.g. `['docker', 'compose']` or `['docker-compose']`. */
  argv: string[];
  /** What a person types: `docker compose` or `docker-compose`. */
  cli: string;
  /** `docker compose version` / `docker-compose version` output, or why neither runs. */
  version: string;
  available: boolean;
}

let cached: ComposeTool | undefined;

function probe(argv: string[]): string | undefined {
  const [program, ...rest] = argv;
  const result = spawnSync(program!, [...rest, 'version', '--short'], {
    encoding: 'utf8',
    // docker-compose 1.29 is Python: on a busy machine its start alone can take several seconds.
    timeout: 30_000,
  });
  return result.status === 0 ? result.stdout.trim().split('\n')[0] : undefined;
}

/**
 * Finds the compose tool once per process: the CLI plugin when `docker compose version` works,
 * else the standalone `docker-compose` (Debian 12 ships 1.29), else none with the reason.
 */
export function composeTool(): ComposeTool {
  if (cached) return cached;
  const plugin = probe(['docker', 'compose']);
  if (plugin)
    return (cached = {
      argv: ['docker', 'compose'],
      cli: 'docker compose',
      version: `docker compose ${plugin}`,
      available: true,
    });
  const standalone = probe(['docker-compose']);
  if (standalone)
    return (cached = {
      argv: ['docker-compose'],
      cli: 'docker-compose',
      version: `docker-compose ${standalone} (the compose plugin is not installed)`,
      available: true,
    });
  return (cached = {
    argv: ['docker', 'compose'],
    cli: 'docker compose',
    version:
      'Neither the docker compose plugin nor docker-compose is installed (apt-get install docker-compose).',
    available: false,
  });
}
