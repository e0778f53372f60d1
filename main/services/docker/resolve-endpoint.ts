import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { sshSetup, type HostKeyCheck } from './ssh-options';

/** Where the endpoint came from, in the order the docker CLI looks. */
export type EndpointSource = 'settings' | 'DOCKER_HOST' | 'context' | 'default';

/** A Docker endpoint resolved the way the docker CLI resolves it. */
export interface DockerEndpoint {
  /** e.g. unix:///var/run/docker.sock, npipe:////./pipe/docker_engine, tcp://10.0.0.2:2376 */
  url: string;
  source: EndpointSource;
  context?: string;
  /** For unix sockets and named pipes: the path to check before connecting. */
  socketPath?: string;
  /** The folder TLS files were read from, named in messages about certificates. */
  certDir?: string;
  /** For ssh:// hosts: what the last host key check found, for the failure message. */
  hostKeyCheck?: HostKeyCheck;
  options: Dockerode.DockerOptions;
}

export interface ResolveInput {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
  /** A host set in Berth's settings wins over everything else. */
  override?: string;
  readFile?: (file: string) => string | undefined;
}

/** The platform's default Docker socket (the CLI's `default` context). */
export function defaultEndpointUrl(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
}

function readFileOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

interface TlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
}

function readTls(dir: string, read: (f: string) => string | undefined): TlsFiles {
  const files: TlsFiles = {};
  const ca = read(path.join(dir, 'ca.pem'));
  const cert = read(path.join(dir, 'cert.pem'));
  const key = read(path.join(dir, 'key.pem'));
  if (ca) files.ca = ca;
  if (cert) files.cert = cert;
  if (key) files.key = key;
  return files;
}

/** Turns an endpoint URL into dockerode options; throws a readable error for unsupported forms. */
export function optionsForUrl(url: string, tls?: TlsFiles, tlsVerify = false): { options: Dockerode.DockerOptions; socketPath?: string } {
  if (url.startsWith('unix://')) {
    const socketPath = url.slice('unix://'.length);
    return { options: { socketPath }, socketPath };
  }
  if (url.startsWith('npipe://')) {
    const socketPath = url.slice('npipe://'.length).replace(/\//g, '\\');
    return { options: { socketPath }, socketPath };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a Docker host Berth understands (use unix://, npipe://, tcp:// or ssh://).`);
  }
  if (parsed.protocol === 'tcp:' || parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    const useTls = parsed.protocol === 'https:' || tlsVerify || Boolean(tls?.cert);
    const port = parsed.port ? Number(parsed.port) : useTls ? 2376 : 2375;
    const options: Dockerode.DockerOptions = { host: parsed.hostname, port, protocol: useTls ? 'https' : 'http' };
    if (useTls && tls) Object.assign(options, tls);
    return { options };
  }
  if (parsed.protocol === 'ssh:') {
    const options: Dockerode.DockerOptions = {
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : 22,
      protocol: 'ssh',
    };
    if (parsed.username) options.username = decodeURIComponent(parsed.username);
    return { options };
  }
  throw new Error(`"${url}" is not a Docker host Berth understands (use unix://, npipe://, tcp:// or ssh://).`);
}

/** The docker CLI's config folder: $DOCKER_CONFIG or ~/.docker. */
export function dockerConfigDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  return env.DOCKER_CONFIG && env.DOCKER_CONFIG.length > 0 ? env.DOCKER_CONFIG : path.join(homeDir, '.docker');
}

/** The docker CLI's current context: DOCKER_CONTEXT, else config.json's `currentContext`, else `default`. */
export function cliCurrentContext(configDir: string, env: NodeJS.ProcessEnv, read: (file: string) => string | undefined = readFileOrUndefined): string {
  const fromEnv = env.DOCKER_CONTEXT?.trim();
  if (fromEnv) return fromEnv;
  const config = read(path.join(configDir, 'config.json'));
  if (config) {
    try {
      const parsed = JSON.parse(config) as { currentContext?: unknown };
      if (typeof parsed.currentContext === 'string' && parsed.currentContext) return parsed.currentContext;
    } catch {
      // A broken config.json does not stop the CLI from using the default; neither does it stop us.
    }
  }
  return 'default';
}

/**
 * Resolves the Docker endpoint like the docker CLI: a settings override, then DOCKER_HOST
 * (with DOCKER_TLS_VERIFY/DOCKER_CERT_PATH), then DOCKER_CONTEXT or the config's current
 * context, then the platform's default socket. ssh:// hosts get the user's SSH keys and a
 * known_hosts check.
 */
export function resolveDockerEndpoint(input: ResolveInput): DockerEndpoint {
  const endpoint = resolveWithoutSsh(input);
  if (endpoint.options.protocol !== 'ssh' || !endpoint.options.host) return endpoint;
  const ssh = sshSetup({
    host: endpoint.options.host,
    port: Number(endpoint.options.port ?? 22),
    ...(endpoint.options.username ? { username: endpoint.options.username } : {}),
    env: input.env,
    homeDir: input.homeDir,
    read: input.readFile ?? readFileOrUndefined,
  });
  return {
    ...endpoint,
    hostKeyCheck: ssh.hostKeyCheck,
    options: { ...endpoint.options, username: ssh.username, sshOptions: ssh.sshOptions },
  };
}

function resolveWithoutSsh(input: ResolveInput): DockerEndpoint {
  const read = input.readFile ?? readFileOrUndefined;
  const { env } = input;
  const configDir = dockerConfigDir(env, input.homeDir);

  if (input.override && input.override.trim()) {
    const url = input.override.trim();
    // Like `docker -H … --tlsverify`: TLS for https://, port 2376 or DOCKER_TLS_VERIFY, with the
    // files of DOCKER_CERT_PATH (or the docker config folder).
    const tlsVerify = Boolean(env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0');
    const wantsTls = /^https:/i.test(url) || /^tcp:\/\/[^/]*:2376\b/i.test(url) || tlsVerify;
    if (!wantsTls) return { url, source: 'settings', ...optionsForUrl(url) };
    const certDir = env.DOCKER_CERT_PATH || configDir;
    const tls = readTls(certDir, read);
    if (!tls.ca || !tls.cert || !tls.key) {
      throw new Error(
        `${url} needs TLS, but ca.pem, cert.pem and key.pem were not all found in ${certDir}. Set DOCKER_CERT_PATH to the folder that holds them.`,
      );
    }
    return { url, source: 'settings', certDir, ...optionsForUrl(url, tls, true) };
  }

  if (env.DOCKER_HOST && env.DOCKER_HOST.trim()) {
    const url = env.DOCKER_HOST.trim();
    const tlsVerify = Boolean(env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0');
    const certDir = env.DOCKER_CERT_PATH || configDir;
    const tls = tlsVerify || env.DOCKER_CERT_PATH ? readTls(certDir, read) : undefined;
    if (tlsVerify && (!tls?.ca || !tls.cert || !tls.key)) {
      throw new Error(`DOCKER_TLS_VERIFY is set but ca.pem, cert.pem and key.pem were not all found in ${certDir}.`);
    }
    return {
      url,
      source: 'DOCKER_HOST',
      ...(tls ? { certDir } : {}),
      ...optionsForUrl(url, tls, tlsVerify),
    };
  }

  const contextName = cliCurrentContext(configDir, env, read);
  if (contextName !== 'default') {
    const id = createHash('sha256').update(contextName).digest('hex');
    const metaFile = path.join(configDir, 'contexts', 'meta', id, 'meta.json');
    const meta = read(metaFile);
    if (!meta) {
      throw new Error(`Docker context "${contextName}" is selected but ${metaFile} does not exist. Run \`docker context use default\` or create the context.`);
    }
    let host: string | undefined;
    let skipTlsVerify = false;
    try {
      const parsed = JSON.parse(meta) as { Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } } };
      host = parsed.Endpoints?.docker?.Host;
      skipTlsVerify = Boolean(parsed.Endpoints?.docker?.SkipTLSVerify);
    } catch {
      throw new Error(`Docker context "${contextName}" has an unreadable ${metaFile}.`);
    }
    if (!host) throw new Error(`Docker context "${contextName}" has no docker endpoint.`);
    const certDir = path.join(configDir, 'contexts', 'tls', id, 'docker');
    const tls = readTls(certDir, read);
    const hasTls = Boolean(tls.ca || tls.cert);
    const resolved = optionsForUrl(host, hasTls ? tls : undefined, hasTls && !skipTlsVerify);
    return {
      url: host,
      source: 'context',
      context: contextName,
      ...(hasTls ? { certDir } : {}),
      ...resolved,
    };
  }

  const url = defaultEndpointUrl(input.platform);
  return { url, source: 'default', ...optionsForUrl(url) };
}

/** Resolves the endpoint for this process. */
export function resolveLocalEndpoint(override?: string): DockerEndpoint {
  return resolveDockerEndpoint({ env: process.env, platform: process.platform, homeDir: os.homedir(), override });
}
