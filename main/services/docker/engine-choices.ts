import fs from 'node:fs';
import path from 'node:path';
import type { EngineChoice, SavedEndpoint } from '../../contract/engines';
import { cliCurrentContext, defaultEndpointUrl, dockerConfigDir } from './resolve-endpoint';

export interface ChoiceInput {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
  /** The Docker host setting (Settings > Docker), empty when unset. */
  dockerHostSetting: string;
  saved: readonly SavedEndpoint[];
}

/** A docker context as the CLI stores it (`contexts/meta/<sha256 of name>/meta.json`). */
interface ContextMeta {
  Name?: unknown;
  Metadata?: { Description?: unknown };
  Endpoints?: { docker?: { Host?: unknown } };
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function contextChoices(configDir: string, current: string): EngineChoice[] {
  const metaDir = path.join(configDir, 'contexts', 'meta');
  let ids: string[] = [];
  try {
    ids = fs.readdirSync(metaDir);
  } catch {
    return [];
  }
  const choices: EngineChoice[] = [];
  for (const id of ids) {
    const file = path.join(metaDir, id, 'meta.json');
    if (!fs.existsSync(file)) continue;
    let meta: ContextMeta;
    try {
      meta = readJson(file) as ContextMeta;
    } catch {
      choices.push({ id: `context:#${id}`, kind: 'context', name: id.slice(0, 12), url: '', cliCurrent: false, problem: `${file} is not valid JSON` });
      continue;
    }
    const name = typeof meta.Name === 'string' ? meta.Name : '';
    if (!name || name === 'default') continue;
    const host = meta.Endpoints?.docker?.Host;
    const description = typeof meta.Metadata?.Description === 'string' && meta.Metadata.Description ? meta.Metadata.Description : undefined;
    const tlsDir = path.join(configDir, 'contexts', 'tls', id, 'docker');
    choices.push({
      id: `context:${name}`,
      kind: 'context',
      name,
      url: typeof host === 'string' ? host : '',
      ...(description ? { description } : {}),
      ...(fs.existsSync(tlsDir) ? { certDir: tlsDir } : {}),
      cliCurrent: name === current,
      ...(typeof host === 'string' && host ? {} : { problem: 'This context has no Docker endpoint.' }),
    });
  }
  return choices.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every engine a person can switch to, in the order a picker shows them: the docker CLI's
 * `default` context, its other contexts (config folder's meta store), DOCKER_HOST if set, the
 * Docker host setting if set, then the endpoints saved in Berth.
 */
export function listEngineChoices(input: ChoiceInput): EngineChoice[] {
  const configDir = dockerConfigDir(input.env, input.homeDir);
  const current = cliCurrentContext(configDir, input.env);
  const choices: EngineChoice[] = [
    { id: 'context:default', kind: 'context', name: 'default', url: defaultEndpointUrl(input.platform), description: 'The platform’s default Docker socket', cliCurrent: current === 'default' },
    ...contextChoices(configDir, current),
  ];
  const envHost = input.env.DOCKER_HOST?.trim();
  if (envHost) {
    const certDir = input.env.DOCKER_CERT_PATH?.trim();
    choices.push({
      id: 'env:DOCKER_HOST',
      kind: 'DOCKER_HOST',
      name: 'DOCKER_HOST',
      url: envHost,
      description: 'From the DOCKER_HOST variable Berth was started with',
      ...(certDir ? { certDir } : {}),
      cliCurrent: false,
    });
  }
  const setting = input.dockerHostSetting.trim();
  if (setting) {
    choices.push({ id: 'setting:dockerHost', kind: 'setting', name: 'Docker host setting', url: setting, description: 'Settings > Docker > Docker host', cliCurrent: false });
  }
  for (const saved of input.saved) {
    choices.push({
      id: `saved:${saved.name}`,
      kind: 'saved',
      name: saved.name,
      url: saved.url,
      description: 'Saved in Berth',
      ...(saved.certDir ? { certDir: saved.certDir } : {}),
      cliCurrent: false,
    });
  }
  return choices;
}
