import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../rpc/event-hub';
import { Router, type Handlers } from '../../rpc/router';
import { silentLogger } from '../../services/logging/logger';
import { SettingsService } from '../../services/settings/settings-service';
import { confStoreFactory } from '../../services/settings/store-factory';
import { createSuggestionsService } from '../../services/suggestions/create-suggestions';
import { makeTempVault } from '../../services/vault/test-vault';
import { suggestionsHandlers } from './suggestions-handlers';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

async function setup() {
  const vault = await makeTempVault({
    'Woche 3/Speicher.md':
      '# Speicher\n\n**Bind mount**\nhost folder -v ./src:/app\n\ndocker rmi deletes the image\n',
  });
  const userData = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-suggest-rpc-'));
  const bundled = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-suggest-bundled-'));
  dirs.push(vault, userData, bundled);
  const hub = new EventHub(silentLogger);
  const settings = new SettingsService(confStoreFactory(userData));
  const service = createSuggestionsService({
    settings,
    storeFactory: confStoreFactory(userData),
    hub,
    vault: { root: vault },
    bundledVaultDir: bundled,
  });
  const router = new Router(suggestionsHandlers(service) as unknown as Handlers, hub, silentLogger);
  const events: unknown[] = [];
  hub.on('suggestions.changed', (payload) => events.push(payload));
  const call = (method: string, params: unknown) =>
    router.call(method, params, { transport: 'local', peer: 'test' });
  return { vault, call, events };
}

describe('suggestions over the router (contract-checked)', () => {
  it('answers forNote within the contract, dismisses with an event, adds and undoes', async () => {
    const { vault, call, events } = await setup();
    const answer = await call('suggestions.forNote', { path: 'Woche 3/Speicher.md' });
    expect(answer).toMatchObject({
      ok: true,
      value: {
        enabled: true,
        sections: [{ heading: 'Bind mount', line: 3, slug: '' }],
        flags: [{ line: 6 }],
      },
    });
    expect(
      await call('suggestions.dismiss', {
        path: 'Woche 3/Speicher.md',
        heading: 'Bind mount',
        demoId: 'bind-mount-two-way',
      }),
    ).toEqual({ ok: true, value: { ok: true } });
    expect(events).toHaveLength(1);
    const added = await call('suggestions.addToNote', {
      path: 'Woche 3/Speicher.md',
      heading: 'Bind mount',
      line: 3,
      demoId: 'bind-mount-two-way',
    });
    expect(added).toMatchObject({ ok: true, value: { path: 'Woche 3/Speicher.md' } });
    expect(await fs.readFile(path.join(vault, 'Woche 3/Speicher.md'), 'utf8')).toContain(
      '```berth-demo bind-mount-two-way',
    );
    const token = (added as { value: { undoToken: string } }).value.undoToken;
    expect(await call('suggestions.undoAdd', { undoToken: token })).toEqual({
      ok: true,
      value: { path: 'Woche 3/Speicher.md' },
    });
  });

  it('refuses bad input with readable messages', async () => {
    const { call } = await setup();
    expect(await call('suggestions.forNote', { path: 'picture.png' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-params' },
    });
    expect(await call('suggestions.forNote', { path: '../../etc/passwd.md' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await call('suggestions.addToNote', {
        path: 'Woche 3/Speicher.md',
        heading: 'x',
        line: 1,
        demoId: 'Not An Id',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-params' },
    });
    expect(await call('suggestions.undoAdd', { undoToken: 'unknown' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('can no longer be undone') },
    });
  });
});
