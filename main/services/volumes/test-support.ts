import { execFileSync } from 'node:child_process';

/** Runs the docker CLI and returns its trimmed output (tests only). */
export function dockerCli(...args: string[]): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Removes every container and volume labelled `berth.owner=test` whose name starts with `prefix`. */
export function removeTestResources(prefix: string, extraVolumes: string[] = []): void {
  const containers = dockerCli(
    'ps',
    '-aq',
    '--filter',
    'label=berth.owner=test',
    '--filter',
    `name=${prefix}`,
  )
    .split('\n')
    .filter(Boolean);
  if (containers.length) {
    try {
      dockerCli('rm', '-fv', ...containers);
    } catch {
      /* already gone */
    }
  }
  const volumes = dockerCli('volume', 'ls', '-q', '--filter', 'label=berth.owner=test')
    .split('\n')
    .filter((v) => v.startsWith(prefix));
  const all = [...volumes, ...extraVolumes];
  for (let i = 0; i < all.length; i += 100) {
    try {
      dockerCli('volume', 'rm', '-f', ...all.slice(i, i + 100));
    } catch {
      /* some already gone */
    }
  }
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
