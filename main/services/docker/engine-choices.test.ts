import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEngineChoices } from './engine-choices';
import { cliCurrentContext } from './resolve-endpoint';

/** Writes a docker config folder the way `docker context create` leaves it. */
function dockerConfig(contexts: { name: string; host?: string; description?: string; tls?: boolean }[], current?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-docker-config-'));
  if (current !== undefined) fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: {}, currentContext: current }));
  for (const context of contexts) {
    const id = createHash('sha256').update(context.name).digest('hex');
    fs.mkdirSync(path.join(dir, 'contexts', 'meta', id), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'contexts', 'meta', id, 'meta.json'),
      JSON.stringify({
        Name: context.name,
        Metadata: context.description ? { Description: context.description } : {},
        Endpoints: context.host ? { docker: { Host: context.host, SkipTLSVerify: false } } : {},
      }),
    );
    if (context.tls) {
      fs.mkdirSync(path.join(dir, 'contexts', 'tls', id, 'docker'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'contexts', 'tls', id, 'docker', 'ca.pem'), 'x');
    }
  }
  return dir;
}

const base = { platform: 'linux' as const, homeDir: '/nonexistent-home', dockerHostSetting: '', saved: [] };

describe('listing the engines a person can switch to', () => {
  it('lists the default context, the contexts of the meta store (sorted) and marks the CLI’s current one', () => {
    const dir = dockerConfig(
      [
        { name: 'podman', host: 'unix:///run/podman/podman.sock', description: 'Podman on this machine' },
        { name: 'build-box', host: 'tcp://10.0.0.5:2376', tls: true },
      ],
      'podman',
    );
    const choices = listEngineChoices({ ...base, env: { DOCKER_CONFIG: dir } });
    expect(choices.map((c) => c.id)).toEqual(['context:default', 'context:build-box', 'context:podman']);
    expect(choices[0]).toMatchObject({ url: 'unix:///var/run/docker.sock', cliCurrent: false });
    expect(choices[2]).toMatchObject({ name: 'podman', url: 'unix:///run/podman/podman.sock', description: 'Podman on this machine', cliCurrent: true });
    expect(choices[1]!.certDir).toMatch(/contexts\/tls\/[0-9a-f]{64}\/docker$/);
    expect(choices[2]!.certDir).toBeUndefined();
  });

  it('adds DOCKER_HOST, the Docker host setting and the saved endpoints after the contexts', () => {
    const dir = dockerConfig([]);
    const choices = listEngineChoices({
      ...base,
      env: { DOCKER_CONFIG: dir, DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_CERT_PATH: '/certs' },
      dockerHostSetting: 'ssh://me@server',
      saved: [{ name: 'Podman', url: 'unix:///run/podman/podman.sock' }],
    });
    expect(choices.map((c) => [c.id, c.url])).toEqual([
      ['context:default', 'unix:///var/run/docker.sock'],
      ['env:DOCKER_HOST', 'tcp://127.0.0.1:2376'],
      ['setting:dockerHost', 'ssh://me@server'],
      ['saved:Podman', 'unix:///run/podman/podman.sock'],
    ]);
    expect(choices[1]!.certDir).toBe('/certs');
  });

  it('keeps a broken or endpoint-less context in the list with the problem, instead of failing the list', () => {
    const dir = dockerConfig([{ name: 'empty' }], 'nope');
    const broken = path.join(dir, 'contexts', 'meta', 'f'.repeat(64));
    fs.mkdirSync(broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'meta.json'), '{ not json');
    const choices = listEngineChoices({ ...base, env: { DOCKER_CONFIG: dir } });
    expect(choices.find((c) => c.id === 'context:empty')?.problem).toBe('This context has no Docker endpoint.');
    expect(choices.find((c) => c.id.startsWith('context:#'))?.problem).toMatch(/not valid JSON/);
  });

  it('reads the CLI’s current context from DOCKER_CONTEXT, else config.json, else default', () => {
    const dir = dockerConfig([], 'podman');
    expect(cliCurrentContext(dir, {})).toBe('podman');
    expect(cliCurrentContext(dir, { DOCKER_CONTEXT: 'other' })).toBe('other');
    fs.writeFileSync(path.join(dir, 'config.json'), '{ broken');
    expect(cliCurrentContext(dir, {})).toBe('default');
    expect(cliCurrentContext(path.join(dir, 'missing'), {})).toBe('default');
  });
});
