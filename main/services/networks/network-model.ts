import type {
  NetworkEndpoint,
  NetworkItem,
  NetworkLineageEntry,
  NetworkState,
} from '../../contract/networks';
import type { ContainerNetFacts, NetworkFacts } from './network-facts';
import { dnsFor, driverWords, isBuiltIn, isDefaultBridge } from './network-words';

/** What the model keeps across restarts so a restart does not retell every network's story. */
export interface NetworkModelMemory {
  items: NetworkItem[];
  everUsed: string[];
}

export interface NetworkModelOptions {
  now?: () => number;
  memory?: NetworkModelMemory;
  /** Removed networks kept with their story. */
  maxRemoved?: number;
}

/** Endpoints of one network, built from the containers attached to it. */
function endpointsOf(network: NetworkFacts, containers: ContainerNetFacts[]): NetworkEndpoint[] {
  const dns = dnsFor(network).byName;
  const endpoints: NetworkEndpoint[] = [];
  for (const c of containers) {
    const attachment = c.networks.find(
      (a) => a.networkId === network.id || (!a.networkId && a.networkName === network.name),
    );
    if (!attachment) continue;
    const running = c.state === 'running';
    endpoints.push({
      containerId: c.id,
      containerName: c.name,
      running,
      containerState: c.state,
      ipv4: attachment.ipv4,
      ipv6: attachment.ipv6,
      mac: attachment.mac,
      aliases: attachment.aliases,
      dnsNames: dns && running ? [c.name, ...attachment.aliases, c.id.slice(0, 12)] : [],
      // Ports are published through the default bridge or a user-defined bridge; show them on
      // the network the container joined first (each network lists them the same way).
      ports: network.driver === 'host' || network.driver === 'null' ? [] : c.ports,
    });
  }
  return endpoints.sort(
    (a, b) =>
      Number(b.running) - Number(a.running) || a.containerName.localeCompare(b.containerName),
  );
}

function stateOf(endpoints: NetworkEndpoint[], everUsed: boolean): NetworkState {
  if (endpoints.some((e) => e.running)) return 'in-use';
  return everUsed ? 'unused' : 'created';
}

/**
 * The live picture of Docker's networks and the story of each: every listing replaces the
 * picture, and the differences become history lines (network created, in use, unused,
 * removed; container connected or disconnected). Removed networks stay with their story.
 */
export class NetworkModel {
  private readonly items = new Map<string, NetworkItem>();
  private readonly everUsed = new Set<string>();
  private readonly now: () => number;
  private readonly maxRemoved: number;
  private nextSeq = 1;

  constructor(options: NetworkModelOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxRemoved = options.maxRemoved ?? 200;
    for (const item of options.memory?.items ?? []) this.items.set(item.id, item);
    for (const id of options.memory?.everUsed ?? []) this.everUsed.add(id);
  }

  setNextSeq(lastSeq: number): void {
    this.nextSeq = Math.max(this.nextSeq, lastSeq + 1);
  }

  /** Live networks (built-in first, then by name), then removed ones, newest first. */
  list(): NetworkItem[] {
    const all = [...this.items.values()];
    const live = all
      .filter((n) => n.state !== 'removed')
      .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
    const removed = all
      .filter((n) => n.state === 'removed')
      .sort((a, b) => b.changedAt - a.changedAt);
    return [...live, ...removed];
  }

  get(id: string): NetworkItem | undefined {
    return this.items.get(id);
  }

  /** A live network by id, id prefix or name; else the newest removed one of that name. */
  find(ref: string): NetworkItem | undefined {
    const list = this.list();
    return (
      this.items.get(ref) ??
      list.find(
        (n) =>
          n.state !== 'removed' && (n.name === ref || (ref.length >= 4 && n.id.startsWith(ref))),
      ) ??
      list.find((n) => n.name === ref || (ref.length >= 4 && n.id.startsWith(ref)))
    );
  }

  memory(): NetworkModelMemory {
    return { items: [...this.items.values()], everUsed: [...this.everUsed] };
  }

  /**
   * Replaces the picture with a full listing and returns the history it adds. `reconciled`
   * marks changes found by a listing Berth made without an event explaining them.
   */
  replaceAll(
    networks: NetworkFacts[],
    containers: ContainerNetFacts[],
    reconciled = false,
  ): { lineage: NetworkLineageEntry[]; changed: boolean } {
    const at = this.now();
    const lineage: NetworkLineageEntry[] = [];
    let changed = false;
    const push = (entry: Omit<NetworkLineageEntry, 'seq' | 'at' | 'reconciled'>) =>
      lineage.push({ seq: this.nextSeq++, at, ...entry, ...(reconciled ? { reconciled } : {}) });
    const seen = new Set<string>();
    for (const facts of networks) {
      seen.add(facts.id);
      const endpoints = endpointsOf(facts, containers);
      if (endpoints.some((e) => e.running)) this.everUsed.add(facts.id);
      const previous = this.items.get(facts.id);
      const wasLive = previous && previous.state !== 'removed';
      const state = stateOf(endpoints, this.everUsed.has(facts.id));
      const base = { networkId: facts.id, networkName: facts.name };
      if (!wasLive) push({ ...base, type: 'state', action: 'created', to: 'created' });
      const before = wasLive ? previous.endpoints.filter((e) => e.running) : [];
      const after = endpoints.filter((e) => e.running);
      for (const e of after)
        if (!before.some((b) => b.containerId === e.containerId))
          push({
            ...base,
            type: 'endpoint',
            action: 'connected',
            containerId: e.containerId,
            containerName: e.containerName,
            ipv4: e.ipv4,
          });
      for (const e of before)
        if (!after.some((a) => a.containerId === e.containerId))
          push({
            ...base,
            type: 'endpoint',
            action: 'disconnected',
            containerId: e.containerId,
            containerName: e.containerName,
            ipv4: e.ipv4,
          });
      const from: NetworkState = wasLive ? previous.state : 'created';
      if (from !== state)
        push({ ...base, type: 'state', action: `${from} → ${state}`, from, to: state });
      const item: NetworkItem = {
        id: facts.id,
        name: facts.name,
        driver: facts.driver,
        scope: facts.scope,
        state,
        builtIn: isBuiltIn(facts),
        subnets: facts.subnets,
        ipv6: facts.ipv6,
        internal: facts.internal,
        attachable: facts.attachable,
        labels: facts.labels,
        options: facts.options,
        dns: dnsFor(facts),
        driverExplanation: isDefaultBridge(facts)
          ? `The default bridge (docker0). ${driverWords('bridge')}`
          : driverWords(facts.driver),
        endpoints,
        ...(facts.createdAt ? { createdAt: facts.createdAt } : {}),
        ...(facts.labels['berth.owner'] ? { berthOwner: facts.labels['berth.owner'] } : {}),
        changedAt: wasLive && previous.state === state ? previous.changedAt : at,
      };
      if (!wasLive || JSON.stringify(previous) !== JSON.stringify(item)) changed = true;
      this.items.set(facts.id, item);
    }
    for (const item of [...this.items.values()]) {
      if (seen.has(item.id) || item.state === 'removed') continue;
      const base = { networkId: item.id, networkName: item.name };
      for (const e of item.endpoints.filter((x) => x.running))
        push({
          ...base,
          type: 'endpoint',
          action: 'disconnected',
          containerId: e.containerId,
          containerName: e.containerName,
          ipv4: e.ipv4,
        });
      push({
        ...base,
        type: 'state',
        action: `${item.state} → removed`,
        from: item.state,
        to: 'removed',
      });
      this.items.set(item.id, { ...item, state: 'removed', endpoints: [], changedAt: at });
      changed = true;
    }
    this.trimRemoved();
    return { lineage, changed };
  }

  private trimRemoved(): void {
    const removed = [...this.items.values()]
      .filter((n) => n.state === 'removed')
      .sort((a, b) => b.changedAt - a.changedAt);
    for (const old of removed.slice(this.maxRemoved)) {
      this.items.delete(old.id);
      this.everUsed.delete(old.id);
    }
  }
}
