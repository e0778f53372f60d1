import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SavedEndpoint } from '../../contract/engines';
import { silentLogger } from '../logging/logger';
import { SettingsService } from '../settings/settings-service';
import { confStoreFactory } from '../settings/store-factory';
import { EngineService } from './engine-service';

function configWithPodmanContext(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-engines-'));
  const id = createHash('sha256').update('podman').digest('hex');
  fs.mkdirSync(path.join(dir, 'contexts', 'meta', id), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'contexts', 'meta', id, 'meta.json'),
    JSON.stringify({ Name: 'podman', Metadata: {}, Endpoints: { docker: { Host: 'unix:///run/podman/podman.sock' } } }),
  );
  return dir;
}

/** An engine service over real settings files in `dataDir`, recording what it asks of the connection. */
function engines(dataDir: string, env: NodeJS.ProcessEnv) {
  const settings = new SettingsService(confStoreFactory(dataDir));
  const moves: boolean[] = [];
  const published: string[] = [];
  const service = new EngineService({
    settings,
    env,
    platform: 'linux',
    homeDir: '/nonexistent-home',
    publish: (event, payload) => published.push(`${event}:${(payload as { currentId: string }).currentId}`),
    log: silentLogger,
    moveConnection: (sameEngine) => moves.push(sameEngine),
  });
  return { service, settings, moves, published };
}

describe('switching engines', () => {
  it('follows the docker CLI until something is picked, switches, tells scopes first and remembers the choice', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-engines-data-'));
    const env = { DOCKER_CONFIG: configWithPodmanContext() };
    const { service, settings, moves, published } = engines(dataDir, env);
    expect(service.list()).toMatchObject({ currentId: 'context:default', pinned: false, engineKey: 'unix:///var/run/docker.sock' });
    expect(service.isDefault()).toBe(true);

    const seen: string[] = [];
    const dispose = service.onChange((key) => seen.push(`${key} (endpoint now ${service.resolveEndpoint().url})`));
    const list = service.switchTo('context:podman');
    expect(list).toMatchObject({ currentId: 'context:podman', pinned: true, engineKey: 'unix:///run/podman/podman.sock' });
    expect(seen).toEqual(['unix:///run/podman/podman.sock (endpoint now unix:///run/podman/podman.sock)']);
    expect(moves).toEqual([false]);
    expect(published).toEqual(['engines.changed:context:podman']);
    expect(service.isDefault()).toBe(false);
    expect(settings.get().engine).toBe('context:podman');

    // Next start: the choice is read back from the settings file.
    const again = engines(dataDir, env);
    expect(again.service.resolveEndpoint()).toMatchObject({ url: 'unix:///run/podman/podman.sock', source: 'context', context: 'podman' });
    expect(again.service.key()).toBe('unix:///run/podman/podman.sock');

    service.switchTo('automatic');
    expect(service.list()).toMatchObject({ currentId: 'context:default', pinned: false });
    expect(seen).toHaveLength(2);
    dispose();
  });

  it('saves endpoints, switches to one with the same engine as a reconnect, and falls back when the one in use is removed', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-engines-data-'));
    const { service, settings, moves } = engines(dataDir, { DOCKER_CONFIG: configWithPodmanContext() });
    service.saveEndpoint({ name: 'Same socket', url: 'unix:///var/run/docker.sock' });
    service.saveEndpoint({ name: 'Podman', url: 'unix:///run/podman/podman.sock' });
    expect(settings.get().savedEndpoints.map((s: SavedEndpoint) => s.name)).toEqual(['Same socket', 'Podman']);
    service.switchTo('saved:Same socket');
    expect(moves).toEqual([true]);
    service.switchTo('saved:Podman');
    expect(moves).toEqual([true, false]);
    expect(service.list().currentId).toBe('saved:Podman');
    service.removeEndpoint('Podman');
    expect(service.list()).toMatchObject({ currentId: 'context:default', pinned: false, engineKey: 'unix:///var/run/docker.sock' });
    expect(moves).toEqual([true, false, false]);
  });

  it('refuses bad input with a readable message and keeps what was there', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-engines-data-'));
    const { service, settings } = engines(dataDir, { DOCKER_CONFIG: configWithPodmanContext() });
    expect(() => service.saveEndpoint({ name: 'x', url: 'http//nope' })).toThrow(/must start with unix:\/\/, npipe:\/\/, tcp:\/\/ or ssh:\/\//);
    expect(() => service.saveEndpoint({ name: '', url: 'unix:///x' })).toThrow(/Give the endpoint a name/);
    expect(() => service.switchTo('context:gone')).toThrow(/There is no engine "gone"/);
    expect(() => service.removeEndpoint('nothing')).toThrow(/no saved endpoint called "nothing"/);
    // TLS asked for, certificates missing: refused before switching, the old choice stays.
    service.saveEndpoint({ name: 'Remote', url: 'tcp://127.0.0.1:2376', certDir: '/nonexistent-certs' });
    expect(() => service.switchTo('saved:Remote')).toThrow(/ca\.pem, cert\.pem and key\.pem were not all found in \/nonexistent-certs/);
    expect(settings.get().engine).toBe('');
  });

  it('a Docker host typed in Settings wins over a picked engine', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-engines-data-'));
    const { service, settings } = engines(dataDir, { DOCKER_CONFIG: configWithPodmanContext() });
    service.switchTo('context:podman');
    settings.update({ dockerHost: 'unix:///tmp/other.sock' });
    service.dockerHostChanged();
    expect(service.list()).toMatchObject({ currentId: 'setting:dockerHost', pinned: false, engineKey: 'unix:///tmp/other.sock' });
  });
});
