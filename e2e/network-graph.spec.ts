import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { docker, tryDocker } from './support/docker-cli';
import { openNote } from './support/open-note';
const IMAGE = 'berth-busybox:1.36-local';

async function waitForNext(run: Locator, index: number) {
  await expect(run).toHaveAttribute('data-waiting', 'step', { timeout: 60_000 });
  await expect(run.locator(`.demo-step[data-step="${index}"]`)).toHaveAttribute(
    'aria-current',
    'step',
  );
}

/** Pairs of graph nodes whose boxes overlap (there should be none). */
async function overlappingNodes(page: Page): Promise<string[]> {
  return page.locator('.flow-graph .react-flow__node').evaluateAll((els) => {
    const boxes = els.map((el) => ({
      id: el.getAttribute('data-id') ?? '',
      box: el.getBoundingClientRect(),
    }));
    const hits: string[] = [];
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if (
          a.box.left < b.box.right - 0.5 &&
          b.box.left < a.box.right - 0.5 &&
          a.box.top < b.box.bottom - 0.5 &&
          b.box.top < a.box.bottom - 0.5
        )
          hits.push(`${a.id} × ${b.id}`);
    return hits;
  });
}

/** How much of the graph pane the nodes span (width), and whether all lie inside it. */
async function fitInDock(page: Page): Promise<{ span: number; inside: boolean }> {
  const pane = await page.locator('.flow-graph').boundingBox();
  const nodes = await page.locator('.flow-graph .react-flow__node').evaluateAll((els) => {
    const boxes = els.map((el) => el.getBoundingClientRect());
    return {
      left: Math.min(...boxes.map((b) => b.left)),
      right: Math.max(...boxes.map((b) => b.right)),
      top: Math.min(...boxes.map((b) => b.top)),
      bottom: Math.max(...boxes.map((b) => b.bottom)),
    };
  });
  if (!pane) return { span: 0, inside: false };
  return {
    span: (nodes.right - nodes.left) / pane.width,
    inside:
      nodes.left >= pane.x - 1 &&
      nodes.right <= pane.x + pane.width + 1 &&
      nodes.top >= pane.y - 1 &&
      nodes.bottom <= pane.y + pane.height + 1,
  };
}

test('the graph shows a running compose project: its network as a hub, services with their IPs, published ports to the host', async ({
  berth,
}) => {
  test.setTimeout(240_000);
  const { page } = berth;
  await page.setViewportSize({ width: 1500, height: 950 });
  await expect(page.locator('.docker-status')).toHaveAttribute('data-state', 'connected');
  let runId = '';
  try {
    await openNote(page, 'Docker Compose');
    const card = page.locator('.demo-card:not(.is-suggested)[data-demo="compose-default-network"]');
    await card.scrollIntoViewIfNeeded();
    await card.getByRole('switch', { name: 'Step by step' }).check();
    await card.getByRole('button', { name: 'Step through' }).click();
    const run = card.locator('.demo-run');
    runId = (await run.getAttribute('data-run-id')) ?? '';
    expect(runId).toMatch(/^[a-z0-9]+$/);
    await waitForNext(run, 0);
    await card.getByRole('button', { name: /Next step/ }).click();
    await expect(run.locator('.demo-step[data-step="0"]')).toHaveAttribute(
      'data-status',
      'passed',
      { timeout: 90_000 },
    );
    await waitForNext(run, 1);

    // compose up made berth-<run>_default with web and client on it (docker-compose 1.29 here).
    const project = `berth-${runId}`;
    const networkName = `${project}_default`;
    const networkId = docker('network', 'inspect', '-f', '{{.Id}}', networkName);
    const services = docker('ps', '-q', '--filter', `label=berth.run=${runId}`).split('\n');
    expect(services).toHaveLength(2);
    const ips = services.map((id) =>
      docker(
        'inspect',
        '-f',
        `{{.Name}} {{(index .NetworkSettings.Networks "${networkName}").IPAddress}}`,
        id,
      ).split(' '),
    );
    // Beside it, a published port on a network of its own: an edge from the engine host.
    docker('network', 'create', '--label', 'berth.owner=test', `${project}-edge`);
    docker(
      'run',
      '-d',
      '--label',
      'berth.owner=test',
      '--name',
      `${project}-proxy`,
      '--network',
      `${project}-edge`,
      '-p',
      '127.0.0.1::80',
      IMAGE,
      'sleep',
      '300',
    );
    const hostPort = docker('port', `${project}-proxy`, '80/tcp').split(':').at(-1) ?? '';

    await page.getByRole('tab', { name: 'Storage' }).click();
    await page.locator('[data-mode="graph"]').click();
    await page.getByLabel('Search storage').fill(project);
    const graph = page.getByTestId('storage-graph');
    const hub = graph.locator(`.react-flow__node[data-id="n:${networkId}"]`);
    await expect(hub).toContainText(networkName, { timeout: 15_000 });
    await expect(hub).toContainText('bridge');
    await expect(hub).toContainText('DNS');
    for (const [name = '', ip = ''] of ips) {
      await expect(graph.locator('.react-flow__node', { hasText: name.slice(1) })).toBeVisible();
      await expect(graph.locator('.flow-edge-network', { hasText: ip })).toHaveCount(1);
    }
    await expect(graph.locator('.react-flow__node[data-id="host:ports"]')).toContainText(
      'engine host',
    );
    await expect(graph.locator('.flow-edge-port')).toContainText(`127.0.0.1:${hostPort} → 80/tcp`);
    await expect.poll(() => overlappingNodes(page)).toEqual([]);
    await expect.poll(async () => (await fitInDock(page)).inside).toBe(true);
    expect((await fitInDock(page)).span).toBeGreaterThan(0.5);
    await berth.shot('01-graph-compose-project-running');

    // Selecting the hub highlights its containers and dims the rest.
    await hub.click();
    await expect(hub).toHaveClass(/is-selected/);
    const proxy = graph.locator('.react-flow__node', { hasText: `${project}-proxy` });
    await expect(proxy).toHaveCSS('opacity', '0.28');
    await berth.shot('02-graph-network-selected');

    // The whole picture, every network on the daemon, and the dark theme.
    await page.getByLabel('Search storage').fill('');
    await hub.click();
    await expect.poll(() => overlappingNodes(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await berth.shot('03-graph-everything-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The Networks view draws the same hubs; a click on one opens its detail beside the graph.
    await page.getByRole('tab', { name: 'Networks', exact: true }).first().click();
    await page.locator('.net-segment[data-mode="graph"]').click();
    const netHub = page
      .getByTestId('network-graph')
      .locator(`.react-flow__node[data-id="n:${networkId}"]`);
    await expect(netHub).toContainText(networkName);
    await expect.poll(() => overlappingNodes(page)).toEqual([]);
    await netHub.click();
    await expect(page.getByTestId('network-detail')).toContainText(networkName);
    await expect(page.getByTestId('network-detail')).toContainText(ips[0]?.[1] ?? '-');
    await berth.shot('05-networks-view-graph-selected');
    await page.getByRole('tab', { name: 'Storage', exact: true }).first().click();
    await page.locator('[data-mode="graph"]').click();

    // compose down: the hub stays, faded, while "Removed" is on, and goes when it is off.
    await page.getByLabel('Search storage').fill(project);
    for (const index of [1, 2]) {
      await waitForNext(run, index);
      await card.getByRole('button', { name: /Next step/ }).click();
    }
    await expect(run).toHaveAttribute('data-waiting', 'cleanup', { timeout: 60_000 });
    await expect(hub).toHaveClass(/is-removed/, { timeout: 15_000 });
    await expect(hub).toHaveCSS('opacity', '0.45');
    await expect(graph.locator('.flow-edge-network', { hasText: ips[0]?.[1] ?? '-' })).toHaveCount(
      0,
    );
    await berth.shot('04-graph-compose-down-removed-faded');
    await page
      .locator('.filter-bar label.check', { hasText: 'Removed' })
      .locator('input')
      .uncheck();
    await expect(hub).toHaveCount(0);
    await page.locator('[data-kind-filter="networks"]').click();
    await expect(graph.locator('.flow-hub')).toHaveCount(0);
    await card.getByRole('button', { name: 'Clean up' }).click();
    await expect(run).not.toHaveAttribute('data-waiting', /.+/, { timeout: 60_000 });
    expect(docker('network', 'ls', '-q', '--filter', `label=berth.run=${runId}`)).toBe('');
  } finally {
    if (runId) {
      tryDocker('rm', '-f', `berth-${runId}-proxy`);
      tryDocker('network', 'rm', `berth-${runId}-edge`);
    }
  }
});
