import type Dockerode from 'dockerode';
import type { ContainerList } from '../../main/contract/containers';
import type { NetworkSnapshot } from '../../main/contract/networks';
import type { StorageSnapshot } from '../../main/contract/volumes';
import type { SoakRpc } from './rpc-client';

/** Facts as sets of comparable strings, one set per kind. */
export type ViewFacts = Record<
  'volumes' | 'mounts' | 'networks' | 'endpoints' | 'containers',
  Set<string>
>;

/** Docker's own view of the private daemon, read with list + inspect (independently of Berth). */
export async function dockerFacts(docker: Dockerode): Promise<ViewFacts> {
  const facts = emptyFacts();
  const volumes = await docker.listVolumes();
  for (const v of volumes.Volumes ?? []) facts.volumes.add(v.Name);
  const networks = await docker.listNetworks();
  const networkIdByName = new Map(networks.map((n) => [n.Name, n.Id]));
  for (const n of networks) facts.networks.add(n.Id);
  for (const summary of await docker.listContainers({ all: true })) {
    // Removed between the list and the inspect (a demo run ending): the next attempt sees it gone.
    const c = await docker
      .getContainer(summary.Id)
      .inspect()
      .catch((error: { statusCode?: number }) => {
        if (error.statusCode === 404) return undefined;
        throw error;
      });
    if (!c) continue;
    const running = c.State.Running;
    facts.containers.add(`${c.Id}|${running ? 'running' : 'stopped'}`);
    for (const m of c.Mounts as {
      Type: string;
      Name?: string;
      Source: string;
      Destination: string;
    }[]) {
      const item =
        m.Type === 'volume'
          ? `volume:${m.Name}`
          : m.Type === 'bind'
            ? `bind:${m.Source}`
            : `tmpfs:${c.Id}:${m.Destination}`;
      // Berth's rule (derive-state.ts): a tmpfs lives while its container runs (or has not run yet).
      if (m.Type === 'tmpfs' && !running && c.State.Status !== 'created') continue;
      facts.mounts.add(`${item}|${c.Id}|${m.Destination}|${running}`);
    }
    // A stopped container keeps its networks in its config (with an empty NetworkID), while
    // `network inspect` lists only live endpoints: take the container's side, by id or name.
    for (const [name, ep] of Object.entries(c.NetworkSettings.Networks ?? {})) {
      const networkId = ep.NetworkID || networkIdByName.get(name);
      if (networkId && facts.networks.has(networkId))
        facts.endpoints.add(`${networkId}|${c.Id}|${running}`);
    }
  }
  return facts;
}

/** Berth's view, through the same RPC the renderer uses. */
export async function berthFacts(rpc: SoakRpc): Promise<ViewFacts & { stale: boolean }> {
  const facts = emptyFacts();
  const storage = await rpc.call<StorageSnapshot>('volumes.snapshot');
  for (const item of storage.items) {
    if (item.state === 'removed') continue;
    if (item.kind === 'named' || item.kind === 'anonymous') facts.volumes.add(item.name);
    for (const use of item.uses)
      facts.mounts.add(`${item.id}|${use.containerId}|${use.destination}|${use.running}`);
  }
  const networks = await rpc.call<NetworkSnapshot>('networks.snapshot');
  for (const n of networks.networks) {
    if (n.state === 'removed') continue;
    facts.networks.add(n.id);
    for (const e of n.endpoints) facts.endpoints.add(`${n.id}|${e.containerId}|${e.running}`);
  }
  const containers = await rpc.call<ContainerList>('containers.list');
  for (const c of containers.containers)
    facts.containers.add(`${c.id}|${c.state === 'running' ? 'running' : 'stopped'}`);
  return { ...facts, stale: storage.stale || networks.stale };
}

function emptyFacts(): ViewFacts {
  return {
    volumes: new Set(),
    mounts: new Set(),
    networks: new Set(),
    endpoints: new Set(),
    containers: new Set(),
  };
}

/** Every fact one side has and the other has not, labelled by kind and side. */
export function diffFacts(docker: ViewFacts, berth: ViewFacts): string[] {
  const out: string[] = [];
  for (const kind of Object.keys(docker) as (keyof ViewFacts)[]) {
    for (const fact of docker[kind])
      if (!berth[kind].has(fact)) out.push(`${kind}: docker has ${fact}, Berth not`);
    for (const fact of berth[kind])
      if (!docker[kind].has(fact)) out.push(`${kind}: Berth has ${fact}, docker not`);
  }
  return out;
}
