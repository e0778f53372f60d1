import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInCatalogue, builtInCatalogueSteps, findDemo, loadCatalogue } from './catalogue';
import { cliEquivalent } from './cli-equivalent';
import { RunContext } from './run-context';

const catalogue = builtInCatalogue();

const REQUIRED_IDS = [
  'named-volume-persists',
  'anonymous-volume-dangling',
  'bind-mount-two-way',
  'tmpfs-is-ephemeral',
  'read-only-mount',
  'shared-volume',
  'build-cache-layers',
  'tags-vs-digests',
  'dockerignore-context',
  'cmd-vs-entrypoint',
  'pid1-signals',
  'non-root-user',
  'bridge-dns',
  'network-none',
  'compose-up-down',
  'compose-default-network',
  'network-host-interfaces',
  'user-network-isolation',
  'bridge-gateway-route',
  'veth-pair',
  'published-port',
  'host-docker-internal',
  'network-aliases',
  'macvlan-dummy',
  'ipvlan-dummy',
  'latest-is-just-a-tag',
  'rmi-untags-first',
  'volume-across-images',
  'volume-mountpoint',
  'shared-kernel',
  'pid-namespace',
  'multi-stage-slim',
  'shared-base-layers',
  'dockerfile-volume-anonymous',
  'restart-policy',
  'logs-are-pid1-output',
  'writable-layer',
  'env-override',
  'volume-prune-unused',
  'arg-vs-env',
  'exit-code-pid1',
  'mount-hides-image-files',
];

describe('catalogue', () => {
  it('answers the same validated demos in steps, a demo each, as at once', () => {
    const steps = builtInCatalogueSteps();
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    expect(next.value).toBe(catalogue); // validated once, kept
    expect(yields).toBe(0); // already validated above: nothing left to step through
  });

  it('holds exactly the ids the notes use', () => {
    expect(catalogue.map((d) => d.id).sort()).toEqual([...REQUIRED_IDS].sort());
  });

  it('gives every demo a note, steps with a CLI equivalent, and at least one expectation', () => {
    for (const demo of catalogue) {
      expect(demo.note.endsWith('.md')).toBe(true);
      const ctx = new RunContext('runid1', demo.id, '/tmp/x', 'berth-busybox:1.36-local', 'h');
      for (const step of demo.steps) expect(cliEquivalent(step.action, ctx).length).toBeGreaterThan(5);
      expect(demo.steps.some((s) => s.expect.length > 0)).toBe(true);
    }
  });

  it('points every demo at a bundled note that holds its berth-demo block under its heading', () => {
    const vault = path.resolve(import.meta.dirname, '../../../notes');
    for (const demo of catalogue) {
      const text = fs.readFileSync(path.join(vault, demo.note), 'utf8');
      expect(text, demo.id).toContain(`\`\`\`berth-demo ${demo.id}`);
      if (demo.heading) expect(text, demo.id).toMatch(new RegExp(`^#+ ${demo.heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm'));
    }
  });

  it('never names a latest tag in its steps; only the demo about latest leaves a tag out on purpose', () => {
    expect(JSON.stringify(catalogue.map((d) => d.steps.map((s) => s.action)))).not.toMatch(/:latest\b/);
    const imageKeys = (demo: (typeof catalogue)[number]) =>
      demo.steps.flatMap(({ action }) => Object.entries(action).filter(([field, value]) => ['image', 'source', 'target'].includes(field) && typeof value === 'string').map(([, value]) => value as string));
    const bare = catalogue.filter((d) => imageKeys(d).some((k) => !k.includes(':')));
    expect(bare.map((d) => d.id)).toEqual(['latest-is-just-a-tag']);
  });

  it('finds demos by id', () => {
    expect(findDemo('bridge-dns')?.topic).toBe('Networking');
    expect(findDemo('nope')).toBeUndefined();
  });

  it('rejects a broken definition with a readable message naming the demo', () => {
    expect(() => loadCatalogue([{ id: 'bad-demo', title: 'x', summary: 'y', topic: 'Storage', note: 'x.md', steps: [{ title: 's', action: { kind: 'run', container: 'Bad Name' } }] }])).toThrow(
      /Demo "bad-demo" is invalid: steps\.0\.action\.container/,
    );
    expect(() => loadCatalogue([{ id: 'x', title: 'x', summary: 'y', topic: 'Storage', note: 'x.txt', steps: [] }])).toThrow(/Demo "x" is invalid/);
    const ok = { id: 'same', title: 'x', summary: 'y', topic: 'Storage', note: 'x.md', steps: [{ title: 's', action: { kind: 'volume-create', volume: 'v' } }] };
    expect(() => loadCatalogue([ok, ok])).toThrow(/defined twice/);
  });
});
