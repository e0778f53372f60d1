import fs from 'node:fs';
import path from 'node:path';
import Dockerode from 'dockerode';
import type { SeededRandom } from './random';

/** Label on everything the soak driver itself creates in Docker. */
export const SOAK_OWNER = 'soak';
const LABELS = { 'berth.owner': SOAK_OWNER };
const FILTER = JSON.stringify({ label: [`berth.owner=${SOAK_OWNER}`] });

export type DockerOp =
  | 'volume-create'
  | 'volume-remove'
  | 'container-create'
  | 'container-start'
  | 'container-stop'
  | 'container-remove'
  | 'network-create'
  | 'network-connect'
  | 'network-disconnect'
  | 'network-remove'
  | 'prune';

const WEIGHTS: Record<DockerOp, number> = {
  'volume-create': 3,
  'volume-remove': 2,
  'container-create': 4,
  'container-start': 3,
  'container-stop': 2,
  'container-remove': 3,
  'network-create': 2,
  'network-connect': 2,
  'network-disconnect': 1,
  'network-remove': 1,
  prune: 1,
};

/**
 * Random Docker changes on the private daemon: volumes, containers with all four mount kinds
 * (named volume, anonymous volume, bind, tmpfs), networks and prunes, all labelled
 * `berth.owner=soak`. `step()` gives up after a few seconds, so a frozen daemon only makes ops fail.
 */
export class DockerChaos {
  readonly docker: Dockerode;
  private counter = 0;

  constructor(
    socketPath: string,
    private readonly random: SeededRandom,
    private readonly bindRoot: string,
    private readonly image: string,
  ) {
    // No modem timeout: docker-modem's timeout path can emit an unhandled 'error' (seen as
    // ENOTFOUND on a frozen daemon); step() races a timer instead.
    this.docker = new Dockerode({ socketPath });
  }

  private name(kind: string): string {
    this.counter += 1;
    return `soak-${kind}-${this.random.seed.toString(36)}-${this.counter}`;
  }

  private async containers(): Promise<Dockerode.ContainerInfo[]> {
    return this.docker.listContainers({ all: true, filters: FILTER });
  }

  private async volumes(): Promise<string[]> {
    const listed = await this.docker.listVolumes({ filters: FILTER });
    return (listed.Volumes ?? []).map((v) => v.Name);
  }

  private async networks(): Promise<Dockerode.NetworkInspectInfo[]> {
    return this.docker.listNetworks({ filters: FILTER });
  }

  /**
   * Runs one op (random unless given); returns its name, or throws when Docker refused or did not
   * answer in time.
   */
  async step(timeoutMs = 6_000, chosen?: DockerOp): Promise<DockerOp> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Docker did not answer in time')), timeoutMs);
    });
    const op = this.runOp(chosen);
    op.catch(() => undefined); // a late failure after the timeout is expected
    try {
      return await Promise.race([op, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async runOp(chosen?: DockerOp): Promise<DockerOp> {
    const op = chosen ?? this.random.weighted(WEIGHTS);
    const r = this.random;
    switch (op) {
      case 'volume-create':
        await this.docker.createVolume({ Name: this.name('v'), Labels: LABELS });
        break;
      case 'volume-remove': {
        const name = r.pick(await this.volumes());
        if (name) await this.docker.getVolume(name).remove();
        break;
      }
      case 'container-create': {
        const volume = r.pick(await this.volumes()) ?? this.name('v');
        const bind = path.join(this.bindRoot, `b${r.int(0, 3)}`);
        fs.mkdirSync(bind, { recursive: true });
        const network = r.next() < 0.4 ? r.pick(await this.networks())?.Name : undefined;
        const options: Dockerode.ContainerCreateOptions = {
          name: this.name('c'),
          Image: this.image,
          Cmd: ['sleep', '3600'],
          Labels: LABELS,
          Volumes: { '/anon': {} },
          HostConfig: {
            Mounts: [
              {
                Type: 'volume',
                Source: volume,
                Target: '/data',
                VolumeOptions: {
                  NoCopy: false,
                  Labels: LABELS,
                  DriverConfig: { Name: 'local', Options: {} },
                },
              },
              { Type: 'bind', Source: bind, Target: '/host', ReadOnly: r.next() < 0.5 },
              {
                Type: 'tmpfs',
                Source: '',
                Target: '/scratch',
                TmpfsOptions: { SizeBytes: 1 << 20, Mode: 0o1777 },
              },
            ],
            ...(network ? { NetworkMode: network } : {}),
          },
        };
        const container = await (this.docker.createContainer(
          options,
        ) as Promise<Dockerode.Container>);
        if (r.next() < 0.6) await container.start();
        break;
      }
      case 'container-start': {
        const stopped = (await this.containers()).filter((c) => c.State !== 'running');
        const pick = r.pick(stopped);
        if (pick) await this.docker.getContainer(pick.Id).start();
        break;
      }
      case 'container-stop': {
        const running = (await this.containers()).filter((c) => c.State === 'running');
        const pick = r.pick(running);
        if (pick) await this.docker.getContainer(pick.Id).stop({ t: 0 });
        break;
      }
      case 'container-remove': {
        const pick = r.pick(await this.containers());
        if (pick)
          await this.docker.getContainer(pick.Id).remove({ force: true, v: r.next() < 0.5 });
        break;
      }
      case 'network-create':
        await this.docker.createNetwork({
          Name: this.name('n'),
          Labels: LABELS,
          CheckDuplicate: true,
        });
        break;
      case 'network-connect': {
        const network = r.pick(await this.networks());
        const container = r.pick(await this.containers());
        if (network && container && !(network.Name in (container.NetworkSettings?.Networks ?? {})))
          await this.docker.getNetwork(network.Id).connect({ Container: container.Id });
        break;
      }
      case 'network-disconnect': {
        const container = r.pick(await this.containers());
        const joined = Object.entries(container?.NetworkSettings?.Networks ?? {});
        const pick = r.pick(joined);
        // By name: a stopped container's NetworkID can be '', and an empty id makes docker-modem
        // request `//disconnect`, which fails with an uncatchable DNS error.
        if (container && pick?.[0])
          await this.docker
            .getNetwork(pick[0])
            .disconnect({ Container: container.Id, Force: true });
        break;
      }
      case 'network-remove': {
        const network = r.pick(await this.networks());
        if (network) await this.docker.getNetwork(network.Id).remove();
        break;
      }
      case 'prune': {
        const which = r.int(0, 2);
        if (which === 0) await this.docker.pruneContainers({ filters: FILTER });
        else if (which === 1) await this.docker.pruneVolumes({ filters: FILTER });
        else await this.docker.pruneNetworks({ filters: FILTER });
        break;
      }
    }
    return op;
  }

  /** Removes everything the driver created (containers with their anonymous volumes, volumes, networks). */
  async removeAll(): Promise<void> {
    for (const c of await this.containers())
      await this.docker
        .getContainer(c.Id)
        .remove({ force: true, v: true })
        .catch(() => undefined);
    for (const name of await this.volumes())
      await this.docker
        .getVolume(name)
        .remove()
        .catch(() => undefined);
    for (const n of await this.networks())
      await this.docker
        .getNetwork(n.Id)
        .remove()
        .catch(() => undefined);
    // Anonymous volumes carry no label: remove those no container uses any more.
    await this.docker.pruneVolumes().catch(() => undefined);
  }
}
