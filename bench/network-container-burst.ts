/**
 * The container burst of `npm run bench:network`: N containers (busybox `sleep`, 16 at a time:
 * created on the first network, connected to the other two while still created, then started, so
 * each start attaches all three endpoints at once), then the time from the last connect event
 * until the Networks view shows every endpoint, checked against `docker network inspect` (names
 * and IPv4 of every endpoint of each network).
 */
import type Dockerode from 'dockerode';
import type { Page } from 'playwright-core';

const IMAGE = process.env.BERTH_DEMO_IMAGE ?? 'berth-busybox:1.36-local';
const PARALLEL = 16;

export interface BurstContext {
  docker: Dockerode;
  page: Page;
  /** Prefix of every name this run creates. */
  run: string;
  /** Everything created, for the clean-up (names). */
  created: { networks: Set<string>; containers: Set<string> };
  /** The first frame (wall clock, ms) where the expression holds on the page. */
  whenTrue: (page: Page, test: string) => Promise<number>;
  /** Wall-clock ms of network events by `<action>:<network>:<container id>`. */
  connectTimes: () => number[];
}

export interface BurstResult {
  ms: number;
  containers: number;
  endpoints: number;
  /** Wall-clock seconds the burst itself took (creating, starting, connecting). */
  burstSeconds: number;
  /** `event`: the last connect event's time; `api`: some events never came, the last API reply. */
  lastChangeFrom: 'event' | 'api';
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await work(next);
    }),
  );
}

/** What `docker network inspect` says: container name → IPv4, per network. */
async function inspectEndpoints(
  docker: Dockerode,
  networks: string[],
): Promise<Map<string, Map<string, string>>> {
  const result = new Map<string, Map<string, string>>();
  for (const name of networks) {
    const info = (await docker.getNetwork(name).inspect()) as {
      Containers?: Record<string, { Name: string; IPv4Address: string }>;
    };
    result.set(
      name,
      new Map(
        Object.values(info.Containers ?? {}).map((c) => [c.Name, c.IPv4Address.split('/')[0]!]),
      ),
    );
  }
  return result;
}

/** The endpoints the Networks view lists for one network (opens its detail): name → IPv4. */
async function shownEndpoints(page: Page, network: string): Promise<Map<string, string>> {
  const row = page.locator(`.net-row[data-network="${network}"]`);
  if ((await row.getAttribute('aria-pressed')) !== 'true') await row.click();
  const list = page.locator(`ul[aria-label="Endpoints of ${network}"]`);
  await list.waitFor();
  const pairs = await list
    .locator('li[data-endpoint]')
    .evaluateAll((items) =>
      items.map((li) => [
        li.getAttribute('data-endpoint') ?? '',
        (li.querySelector('.net-endpoint-addr')?.firstChild?.textContent ?? '').trim(),
      ]),
    );
  return new Map(pairs as [string, string][]);
}

/** Runs the burst and returns the time until the view matched `docker network inspect`. */
export async function containerBurst(ctx: BurstContext, count: number): Promise<BurstResult> {
  const { docker, page, run } = ctx;
  const networks = ['a', 'b', 'c'].map((n) => `${run}-net200-${n}`);
  for (const name of networks) {
    ctx.created.networks.add(name);
    // A /22 (1022 addresses) somewhere in 10.240.0.0/12 that no other network uses yet.
    for (let attempt = 0; ; attempt++) {
      const block = Math.floor(Math.random() * 1024) * 4;
      const subnet = `10.${240 + (block >> 8)}.${block & 255}.0/22`;
      try {
        await docker.createNetwork({
          Name: name,
          Labels: { 'berth.owner': 'bench' },
          IPAM: { Driver: 'default', Config: [{ Subnet: subnet }] },
        });
        break;
      } catch (error) {
        if (attempt >= 8 || !String(error).includes('overlap')) throw error;
      }
    }
  }
  const rows = networks.map((n) => `document.querySelector('.net-row[data-network="${n}"]')`);
  await ctx.whenTrue(page, rows.map((r) => `${r}?.dataset.state === 'created'`).join(' && '));
  const allShown = ctx.whenTrue(
    page,
    rows.map((r) => `${r}?.dataset.endpoints === '${count}'`).join(' && '),
  );

  const began = performance.now();
  const names = Array.from({ length: count }, (_, i) => `${run}-c${String(i).padStart(3, '0')}`);
  let lastReply = 0;
  await inParallel(names, async (name) => {
    ctx.created.containers.add(name);
    const container = await docker.createContainer({
      name,
      Image: IMAGE,
      Cmd: ['sleep', '900'],
      Labels: { 'berth.owner': 'bench' },
      HostConfig: { NetworkMode: networks[0] },
    });
    for (const network of networks.slice(1))
      await docker.getNetwork(network).connect({ Container: name });
    await container.start();
    lastReply = performance.timeOrigin + performance.now();
  });
  const burstSeconds = (performance.now() - began) / 1000;

  // The last change: the newest connect event of the burst (Docker's own clock); if some never
  // arrive within 30 s, the last API reply (later than any change, so the figure errs low).
  const expected = count * networks.length;
  for (let i = 0; i < 3000 && ctx.connectTimes().length < expected; i++)
    await new Promise((r) => setTimeout(r, 10));
  const times = ctx.connectTimes();
  const lastChangeFrom = times.length >= expected ? 'event' : 'api';
  const lastChange = lastChangeFrom === 'event' ? Math.max(...times) : lastReply;
  const ms = (await allShown) - lastChange;

  // The view must now match `docker network inspect` exactly, name and address.
  const truth = await inspectEndpoints(docker, networks);
  for (const network of networks) {
    const shown = await shownEndpoints(page, network);
    const want = truth.get(network)!;
    const wrong = [...want].filter(([name, ip]) => shown.get(name) !== ip);
    if (wrong.length || shown.size !== want.size)
      throw new Error(
        `${network}: the view lists ${shown.size} endpoints, inspect ${want.size}; ${wrong.length} differ (e.g. ${wrong[0]?.join(' ') ?? '-'})`,
      );
  }
  return { ms, containers: count, endpoints: expected, burstSeconds, lastChangeFrom };
}

/** Removes the burst's containers (then the caller removes networks), even after a failure. */
export async function removeBurstContainers(
  docker: Dockerode,
  run: string,
  created: Set<string>,
): Promise<void> {
  const listed = await docker
    .listContainers({ all: true, filters: { label: ['berth.owner=bench'] } })
    .catch(() => []);
  const names = new Set(created);
  for (const c of listed)
    for (const n of c.Names) if (n.startsWith(`/${run}-`)) names.add(n.slice(1));
  await inParallel([...names], async (name) => {
    await docker
      .getContainer(name)
      .remove({ force: true })
      .catch(() => undefined);
  });
}
