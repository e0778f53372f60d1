import type Dockerode from 'dockerode';
import type { Page } from 'playwright-core';

/** Names one list shows (or `docker` has), per list. */
export type PageNames = Record<
  'docker-volumes' | 'docker-networks' | 'docker-containers' | 'networks-view',
  Set<string>
>;
type ListName = keyof PageNames;

const names = async (page: Page, selector: string, attribute: string): Promise<Set<string>> =>
  new Set(
    await page
      .locator(selector)
      .evaluateAll((rows, attr) => rows.map((row) => row.getAttribute(attr) ?? ''), attribute),
  );

/**
 * Shows a tab of the right-hand pane. Only the shown tab is mounted, and a freshly mounted view
 * queries anew, so the soak opens the Docker browser BEFORE Docker changes: what it then lists
 * has to come from following events, not from a fresh query.
 */
export async function showDockTab(page: Page, label: 'Docker' | 'Networks' | 'Storage') {
  const tab = page.getByRole('tab', { name: label, exact: true }).first();
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

/** One list of the Docker browser (switching lists keeps the browser's data), once it has rendered. */
export async function dockerList(
  page: Page,
  kind: string,
  attribute: string,
): Promise<Set<string>> {
  const row = `tr[${attribute}]`;
  await page
    .getByRole('tablist', { name: 'Docker resources' })
    .getByRole('tab', { name: kind })
    .click();
  const panel = page.getByRole('tabpanel', { name: kind.toLowerCase() });
  await panel
    .locator(`${row}, .empty-state`)
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(async (error: unknown) => {
      // Say what the list showed instead (an error banner, nothing at all), for whoever reads the log.
      const shown = await panel.innerText({ timeout: 1000 }).catch(() => '(no panel)');
      throw new Error(`The Docker browser's ${kind} list showed no rows and no empty state for 15 s; it showed: ${JSON.stringify(shown.slice(0, 400))}`, { cause: error });
    });
  return names(page, row, attribute);
}

/** The same names from `docker` itself. */
export async function dockerNames(docker: Dockerode): Promise<PageNames> {
  const volumes = new Set(((await docker.listVolumes()).Volumes ?? []).map((v) => v.Name));
  const networks = new Set((await docker.listNetworks()).map((n) => n.Name));
  const containers = new Set(
    (await docker.listContainers({ all: true })).map((c) => (c.Names[0] ?? '').replace(/^\//, '')),
  );
  return {
    'docker-volumes': volumes,
    'docker-networks': networks,
    'docker-containers': containers,
    'networks-view': new Set(networks),
  };
}

/** Reads `lists` from the page until they equal `docker` or the deadline passed; what still differs. */
async function settle(
  docker: Dockerode,
  deadline: number,
  read: () => Promise<Partial<PageNames>>,
): Promise<string[]> {
  for (;;) {
    const [shown, truth] = [await read(), await dockerNames(docker)];
    const diff: string[] = [];
    for (const [list, names] of Object.entries(shown) as [ListName, Set<string>][]) {
      for (const name of truth[list])
        if (!names.has(name)) diff.push(`page ${list}: docker has ${name}, page not`);
      for (const name of names)
        if (!truth[list].has(name)) diff.push(`page ${list}: page shows ${name}, docker not`);
    }
    if (!diff.length || Date.now() > deadline) return diff;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/**
 * Compares what the rendered page lists with `docker`, read through the DOM as a person sees it:
 * the Docker browser's Volumes, Networks and Containers tables (rows carry full names in `data-*`;
 * read where the browser already is, so they must have followed Docker's events), then the
 * Networks view (networks that exist now). Each gets until `boundMs` to settle (nothing else
 * changes Docker meanwhile). Leaves the page on the Storage view. Returns what still differed.
 */
export async function comparePage(
  page: Page,
  docker: Dockerode,
  boundMs = 20_000,
): Promise<string[]> {
  const deadline = Date.now() + boundMs;
  await showDockTab(page, 'Docker');
  const diff = await settle(docker, deadline, async () => ({
    'docker-volumes': await dockerList(page, 'Volumes', 'data-volume'),
    'docker-networks': await dockerList(page, 'Networks', 'data-network'),
    'docker-containers': await dockerList(page, 'Containers', 'data-container'),
  }));
  await showDockTab(page, 'Networks');
  await page.locator('.net-row').first().waitFor({ timeout: 15_000 });
  diff.push(
    ...(await settle(docker, deadline, async () => ({
      'networks-view': await names(page, '.net-row:not([data-state="removed"])', 'data-network'),
    }))),
  );
  await showDockTab(page, 'Storage');
  return diff;
}
