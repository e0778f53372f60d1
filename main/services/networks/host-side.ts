import type Dockerode from 'dockerode';
import type { HostInterface, HostSide, NetworkItem } from '../../contract/networks';
import { demuxLogs } from '../volumes/helper-container';
import { addAddresses, parseIgmpIndexes, parseIpLink, splitSections } from './host-interfaces';

/** Image the helper runs (the local busybox image has `ip`). */
export const NETWORK_HELPER_IMAGE = 'berth-busybox:1.36-local';

const SCRIPT = `echo @@LINK; ip -o link; echo @@ADDR; ip -o addr; for p in "$@"; do echo "@@PID $p"; cat /proc/$p/net/igmp 2>/dev/null; done`;

/** Why the helper could not run, in plain words. */
function whyNot(error: unknown, image: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/no such image|not found/i.test(message))
    return `The helper image ${image} is missing on the engine, so Berth cannot look at the engine host’s interfaces (build it with scripts/build-demo-image.sh).`;
  if (/host network|network mode|not supported|windows/i.test(message))
    return `This engine does not allow a container on --network host (${message}); Docker Desktop and rootless engines keep the host side in a VM or a namespace Berth cannot see.`;
  return `The helper container could not run on the engine: ${message}`;
}

/**
 * Reads the engine host's interfaces through a short-lived helper on `--network host`
 * (`ip -o link`, `ip -o addr`, labelled `berth.owner=helper`, read-only, removed afterwards),
 * and matches each veth to the container whose eth0 is its peer: the helper also sees the host's
 * processes (`--pid host`) and reads each running container's interface indexes from
 * `/proc/<pid>/net/igmp`, so no container is entered.
 */
export async function readHostSide(
  docker: Dockerode,
  networks: NetworkItem[],
  image = NETWORK_HELPER_IMAGE,
  now: () => number = Date.now,
): Promise<HostSide> {
  const running = new Map<string, string>();
  for (const n of networks)
    for (const e of n.endpoints) if (e.running) running.set(e.containerId, e.containerName);
  const pids = new Map<number, { id: string; name: string }>();
  await Promise.all(
    [...running].map(async ([id, name]) => {
      const info = await docker
        .getContainer(id)
        .inspect()
        .catch(() => null);
      const pid = info?.State?.Pid;
      if (pid) pids.set(pid, { id, name });
    }),
  );
  let output: string;
  try {
    output = await runHostHelper(docker, image, [...pids.keys()].map(String));
  } catch (error) {
    return {
      available: false,
      reason: whyNot(error, image),
      interfaces: [],
      matching: '',
      readAt: now(),
    };
  }
  const sections = splitSections(output);
  const interfaces = parseIpLink(sections.get('LINK') ?? '');
  addAddresses(interfaces, sections.get('ADDR') ?? '');
  const byPeerIndex = new Map<number, { id: string; name: string; iface: string }>();
  for (const [key, text] of sections) {
    const pid = /^PID (\d+)$/.exec(key)?.[1];
    const owner = pid ? pids.get(Number(pid)) : undefined;
    if (!owner) continue;
    for (const { index, name } of parseIgmpIndexes(text))
      byPeerIndex.set(index, { ...owner, iface: name });
  }
  const bridgeNetworks = new Map<string, string>();
  for (const n of networks) {
    if (n.state === 'removed' || n.driver !== 'bridge') continue;
    bridgeNetworks.set(
      n.options['com.docker.network.bridge.name'] ??
        (n.name === 'bridge' ? 'docker0' : `br-${n.id.slice(0, 12)}`),
      n.name,
    );
  }
  let matched = 0;
  let veths = 0;
  const result: HostInterface[] = interfaces.map((iface) => {
    const networkName = bridgeNetworks.get(iface.name);
    if (iface.kind !== 'veth' || iface.peerIndex === undefined)
      return networkName ? { ...iface, networkName } : iface;
    veths++;
    const owner = byPeerIndex.get(iface.peerIndex);
    if (!owner) return iface;
    matched++;
    return {
      ...iface,
      containerId: owner.id,
      containerName: owner.name,
      containerInterface: owner.iface,
    };
  });
  const matching = !veths
    ? 'No veth pairs: no container is running on a bridge network.'
    : matched === veths
      ? `All ${veths} veth pairs matched to their container by interface index (the host end’s @ifN is the container eth0’s index).`
      : `${matched} of ${veths} veth pairs matched by interface index; the others belong to containers Berth could not see (another namespace or just gone).`;
  return { available: true, interfaces: result, matching, readAt: now() };
}

async function runHostHelper(docker: Dockerode, image: string, pids: string[]): Promise<string> {
  const container = await docker.createContainer({
    Image: image,
    Cmd: ['sh', '-c', SCRIPT, 'berth-host-side', ...pids],
    Labels: {
      'berth.owner': 'helper',
      'berth.helper': 'network-host-side',
      'berth.pid': String(process.pid),
    },
    HostConfig: {
      NetworkMode: 'host',
      PidMode: 'host',
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      Memory: 32 * 1024 * 1024,
    },
  });
  try {
    await container.start();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      container.wait(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the helper took longer than 10 s')), 10_000);
      }),
    ]).finally(() => clearTimeout(timer));
    const logs = (await container.logs({
      stdout: true,
      stderr: true,
      follow: false,
    })) as unknown as Buffer;
    return demuxLogs(Buffer.isBuffer(logs) ? logs : Buffer.from(logs)).stdout.toString('utf8');
  } finally {
    await container.remove({ force: true }).catch(() => {});
  }
}
