import type Dockerode from 'dockerode';
import { demuxLogs } from '../volumes/helper-container';

/** Prefix of the throw-away dummy interfaces (also swept by `sweepDummyLinks`). */
export const DUMMY_LINK_PREFIX = 'bdummy';
const HELPER_IMAGE = 'berth-busybox:1.36-local';

/**
 * Runs `script` in a short-lived helper on `--network host` with only NET_ADMIN (labelled
 * `berth.owner=helper`, removed afterwards), the one way Berth touches the engine host's links.
 */
export async function runLinkHelper(
  docker: Dockerode,
  script: string,
  image = HELPER_IMAGE,
): Promise<{ exitCode: number; output: string }> {
  const container = await docker.createContainer({
    Image: image,
    Cmd: ['sh', '-c', script],
    Labels: {
      'berth.owner': 'helper',
      'berth.helper': 'dummy-link',
      'berth.pid': String(process.pid),
    },
    HostConfig: {
      NetworkMode: 'host',
      CapDrop: ['ALL'],
      CapAdd: ['NET_ADMIN'],
      ReadonlyRootfs: true,
    },
  });
  try {
    await container.start();
    const waited = (await container.wait()) as { StatusCode: number };
    const logs = (await container.logs({
      stdout: true,
      stderr: true,
      follow: false,
    })) as unknown as Buffer;
    const { stdout, stderr } = demuxLogs(Buffer.isBuffer(logs) ? logs : Buffer.from(logs));
    return {
      exitCode: waited.StatusCode,
      output: `${stdout.toString()}${stderr.toString()}`.trim(),
    };
  } finally {
    await container.remove({ force: true }).catch(() => {});
  }
}

/**
 * Whether the engine host can make a throw-away `dummy` interface (the parent for the macvlan
 * and ipvlan demos): tries one and removes it at once. Kernels without the dummy driver, and
 * engines that refuse NET_ADMIN on --network host, say no with the reason.
 */
export async function dummyLinkAvailable(
  docker: Dockerode,
): Promise<{ available: boolean; reason: string }> {
  const name = `${DUMMY_LINK_PREFIX}p${process.pid % 100000}`;
  try {
    const result = await runLinkHelper(
      docker,
      `ip link add ${name} type dummy && ip link delete ${name}`,
    );
    if (result.exitCode === 0)
      return { available: true, reason: 'dummy interfaces work on this engine host' };
    return {
      available: false,
      reason: `The engine host cannot create a dummy interface (\`ip link add ${name} type dummy\` says: ${result.output || `exit ${result.exitCode}`}); its kernel lacks the dummy driver or the engine forbids NET_ADMIN. Berth never uses a real interface as a macvlan/ipvlan parent, so this demo is skipped.`,
    };
  } catch (error) {
    return {
      available: false,
      reason: `The link helper could not run on the engine: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Removes every leftover dummy interface Berth made (after a killed demo); returns their names. */
export async function sweepDummyLinks(docker: Dockerode): Promise<string[]> {
  const result = await runLinkHelper(
    docker,
    `for l in $(ip -o link | sed -n 's/^[0-9]*: \\(${DUMMY_LINK_PREFIX}[a-z0-9]*\\)[:@].*/\\1/p'); do ip link delete "$l" && echo "$l"; done; true`,
  );
  return result.output.split('\n').filter((l) => l.startsWith(DUMMY_LINK_PREFIX));
}
