/**
 * Generated input at the RPC boundary: every contract method, through the real router and the real
 * app's handlers, with arbitrary payloads and near-misses of its schema (the right keys with wrong
 * or random values). The router must never throw or reject, and bad input must always get
 * `{ ok: false, error }` with a readable message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../app/create-app';
import { methods, type MethodName, type RpcResponse } from '../contract';
import { silentLogger } from '../services/logging/logger';
import { confStoreFactory } from '../services/settings/store-factory';
import { fuzzParams, isReadableMessage } from '../testing/fuzz-config';

const root = path.resolve(import.meta.dirname, '..', '..');
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-fuzz-rpc-'));
const vaultDir = path.join(userDataDir, 'vault');
fs.cpSync(path.join(root, 'notes'), vaultDir, { recursive: true });
const dockerHost = process.env.DOCKER_HOST;
// A daemon that is not there: Docker calls fail fast and readably, and nothing is created.
process.env.DOCKER_HOST = 'unix:///nonexistent/berth-fuzz.sock';
const app = createApp({
  version: '0.0.0-fuzz',
  host: { mode: 'web', openExternal: async () => undefined },
  log: silentLogger,
  userDataDir,
  storeFactory: confStoreFactory(userDataDir),
  bundledVaultDir: path.join(root, 'notes'),
  vaultDir,
  dockerBackoffMs: [60_000],
});
app.start();
afterAll(async () => {
  await app.dispose();
  if (dockerHost === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = dockerHost;
});

/** Methods whose valid parameters would act on the machine beyond the test's folders. */
const ACTS_ON_MACHINE = new Set<MethodName>([
  'vault.open',
  'vault.pickFolder',
  'app.openLogsFolder',
  'system.openExternal',
]);
const names = Object.keys(methods) as MethodName[];

function keysOf(method: MethodName): string[] {
  const schema = methods[method].params as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
}

const oddValue = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    '',
    '..',
    '../../etc/passwd',
    '/',
    '\u0000',
    'a'.repeat(5000),
    '__proto__',
    'constructor',
    '%2e%2e',
    'C:\\Windows',
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity),
  fc.boolean(),
  fc.constant(null),
);

/** A payload shaped like the method's params, with wrong or random values and sometimes extra keys. */
function nearMiss(method: MethodName): fc.Arbitrary<unknown> {
  const keys = keysOf(method);
  const known = keys.length
    ? fc.dictionary(fc.constantFrom(...keys), oddValue, { maxKeys: keys.length })
    : fc.constant({});
  return fc
    .tuple(known, fc.option(fc.dictionary(fc.string({ maxLength: 12 }), oddValue, { maxKeys: 2 })))
    .map(([a, extra]) => ({ ...a, ...(extra ?? {}) }));
}

function checkEnvelope(response: RpcResponse): void {
  expect(typeof response.ok).toBe('boolean');
  if (!response.ok) {
    expect(typeof response.error.code).toBe('string');
    expect(isReadableMessage(response.error.message), response.error.message).toBe(true);
  }
}

describe('RPC boundary, generated input', () => {
  it(
    'answers any payload to any method with an envelope, never a throw',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), fc.anything(), async (method, params) => {
          const response = await app.router.call(method, params, { transport: 'ws', peer: 'fuzz' });
          checkEnvelope(response);
        }),
        fuzzParams(2),
      );
    },
  );

  it(
    'refuses schema near-misses readably, and runs the ones that pass without crashing',
    { timeout: 120_000 },
    async () => {
      const safe = names.filter((name) => !ACTS_ON_MACHINE.has(name));
      await fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(...safe)
            .chain((method) => fc.tuple(fc.constant(method), nearMiss(method))),
          async ([method, params]) => {
            const response = await app.router.call(method, params, {
              transport: 'ws',
              peer: 'fuzz',
            });
            checkEnvelope(response);
            if (!methods[method].params.safeParse(params).success) expect(response.ok).toBe(false);
          },
        ),
        fuzzParams(3),
      );
    },
  );

  it('answers unknown method names readably', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 500 }), async (name) => {
        fc.pre(!(name in methods));
        const response = await app.router.call(name, {}, { transport: 'ws', peer: 'fuzz' });
        expect(response.ok).toBe(false);
        checkEnvelope(response);
      }),
      fuzzParams(),
    );
  });

  it('refuses a subscription to anything that is not an event', () => {
    const session = app.router.openSession('fuzz', () => undefined);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => {
        const response = session.subscribe(name);
        checkEnvelope(response);
      }),
      fuzzParams(),
    );
    session.dispose();
  });
});
