import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDockerEndpoint } from './resolve-endpoint';

const home = '/home/ada';
const files = (map: Record<string, string>) => (file: string) => map[file];
const contextId = (name: string) => createHash('sha256').update(name).digest('hex');

describe('resolveDockerEndpoint', () => {
  it('uses the platform default socket when nothing is configured', () => {
    const linux = resolveDockerEndpoint({ env: {}, platform: 'linux', homeDir: home, readFile: files({}) });
    expect(linux).toMatchObject({ url: 'unix:///var/run/docker.sock', source: 'default', socketPath: '/var/run/docker.sock' });
    const windows = resolveDockerEndpoint({ env: {}, platform: 'win32', homeDir: home, readFile: files({}) });
    expect(windows).toMatchObject({ url: 'npipe:////./pipe/docker_engine', source: 'default' });
    expect(windows.options.socketPath).toBe('\\\\.\\pipe\\docker_engine');
  });

  it('honours DOCKER_HOST in unix, tcp and ssh forms', () => {
    const unix = resolveDockerEndpoint({ env: { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }, platform: 'linux', homeDir: home, readFile: files({}) });
    expect(unix).toMatchObject({ source: 'DOCKER_HOST', socketPath: '/run/user/1000/docker.sock' });
    const tcp = resolveDockerEndpoint({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2375' }, platform: 'linux', homeDir: home, readFile: files({}) });
    expect(tcp.options).toMatchObject({ host: '10.0.0.5', port: 2375, protocol: 'http' });
    const ssh = resolveDockerEndpoint({ env: { DOCKER_HOST: 'ssh://ada@build-box' }, platform: 'linux', homeDir: home, readFile: files({}) });
    expect(ssh.options).toMatchObject({ host: 'build-box', port: 22, protocol: 'ssh', username: 'ada' });
  });

  it('reads TLS material from DOCKER_CERT_PATH when DOCKER_TLS_VERIFY is set', () => {
    const certs = '/certs';
    const endpoint = resolveDockerEndpoint({
      env: { DOCKER_HOST: 'tcp://docker.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs },
      platform: 'linux',
      homeDir: home,
      readFile: files({ [path.join(certs, 'ca.pem')]: 'CA', [path.join(certs, 'cert.pem')]: 'CERT', [path.join(certs, 'key.pem')]: 'KEY' }),
    });
    expect(endpoint.options).toMatchObject({ protocol: 'https', port: 2376, ca: 'CA', cert: 'CERT', key: 'KEY' });
  });

  it('explains missing TLS files instead of connecting without them', () => {
    expect(() =>
      resolveDockerEndpoint({ env: { DOCKER_HOST: 'tcp://x:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nope' }, platform: 'linux', homeDir: home, readFile: files({}) }),
    ).toThrow(/ca.pem, cert.pem and key.pem/);
  });

  it('follows the current docker context from config.json', () => {
    const id = contextId('colima');
    const config = path.join(home, '.docker');
    const endpoint = resolveDockerEndpoint({
      env: {},
      platform: 'darwin',
      homeDir: home,
      readFile: files({
        [path.join(config, 'config.json')]: JSON.stringify({ currentContext: 'colima' }),
        [path.join(config, 'contexts', 'meta', id, 'meta.json')]: JSON.stringify({ Name: 'colima', Endpoints: { docker: { Host: 'unix:///Users/ada/.colima/default/docker.sock' } } }),
      }),
    });
    expect(endpoint).toMatchObject({ source: 'context', context: 'colima', socketPath: '/Users/ada/.colima/default/docker.sock' });
  });

  it('lets DOCKER_CONTEXT and DOCKER_CONFIG override the config file', () => {
    const id = contextId('remote');
    const endpoint = resolveDockerEndpoint({
      env: { DOCKER_CONTEXT: 'remote', DOCKER_CONFIG: '/etc/dockercfg' },
      platform: 'linux',
      homeDir: home,
      readFile: files({
        [path.join('/etc/dockercfg', 'contexts', 'meta', id, 'meta.json')]: JSON.stringify({ Endpoints: { docker: { Host: 'tcp://remote:2375' } } }),
      }),
    });
    expect(endpoint).toMatchObject({ source: 'context', context: 'remote', url: 'tcp://remote:2375' });
  });

  it('says which context file is missing', () => {
    expect(() => resolveDockerEndpoint({ env: { DOCKER_CONTEXT: 'gone' }, platform: 'linux', homeDir: home, readFile: files({}) })).toThrow(/context "gone"/);
  });

  it('treats the "default" context and a broken config.json as the default socket', () => {
    const config = path.join(home, '.docker', 'config.json');
    expect(resolveDockerEndpoint({ env: {}, platform: 'linux', homeDir: home, readFile: files({ [config]: '{"currentContext":"default"}' }) }).source).toBe('default');
    expect(resolveDockerEndpoint({ env: {}, platform: 'linux', homeDir: home, readFile: files({ [config]: '{broken' }) }).source).toBe('default');
  });

  it('puts a settings override first and rejects unknown schemes', () => {
    expect(resolveDockerEndpoint({ env: { DOCKER_HOST: 'tcp://x:1' }, platform: 'linux', homeDir: home, override: 'unix:///tmp/d.sock', readFile: files({}) })).toMatchObject({ source: 'settings', socketPath: '/tmp/d.sock' });
    expect(() => resolveDockerEndpoint({ env: { DOCKER_HOST: 'ftp://x' }, platform: 'linux', homeDir: home, readFile: files({}) })).toThrow(/not a Docker host/);
  });

  it('uses TLS for a settings host on https://, port 2376 or with DOCKER_TLS_VERIFY, and says when files are missing', () => {
    const certs = '/certs';
    const readFile = files({
      [path.join(certs, 'ca.pem')]: 'CA',
      [path.join(certs, 'cert.pem')]: 'CERT',
      [path.join(certs, 'key.pem')]: 'KEY',
    });
    const tls = resolveDockerEndpoint({
      env: { DOCKER_CERT_PATH: certs },
      platform: 'linux',
      homeDir: home,
      override: 'tcp://lab:2376',
      readFile,
    });
    expect(tls).toMatchObject({
      source: 'settings',
      certDir: certs,
      options: { protocol: 'https', port: 2376, ca: 'CA', cert: 'CERT', key: 'KEY' },
    });
    const plain = resolveDockerEndpoint({
      env: { DOCKER_CERT_PATH: certs },
      platform: 'linux',
      homeDir: home,
      override: 'tcp://lab:2375',
      readFile,
    });
    expect(plain.options).toMatchObject({ protocol: 'http', port: 2375 });
    expect(() =>
      resolveDockerEndpoint({
        env: {},
        platform: 'linux',
        homeDir: home,
        override: 'https://lab:2376',
        readFile: files({}),
      }),
    ).toThrow(
      /needs TLS, but ca.pem, cert.pem and key.pem were not all found in \/home\/ada\/.docker/,
    );
  });
});
