import type { DemoAction } from './demo-schema';
import type { RunContext } from './run-context';

type RunAction = Extract<DemoAction, { kind: 'run' }>;
type NetworkCreate = Extract<DemoAction, { kind: 'network-create' }>;

const quote = (arg: string) =>
  /^[A-Za-z0-9_./:=@%+,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;

/** The network flags of a `docker run`: `-p`, `--network-alias`, `--add-host`, `--cap-add`. */
export function networkRunFlags(action: RunAction): string[] {
  return [
    ...(action.publish ?? []).map((p) => `-p ${p}`),
    ...(action.aliases ?? []).map((a) => `--network-alias ${a}`),
    ...(action.addHosts ?? []).map((h) => `--add-host ${h}`),
    ...(action.capAdd ?? []).map((c) => `--cap-add ${c}`),
  ];
}

/** The options of `docker network create` after the labels: driver, subnet, internal, `-o`. */
export function networkCreateFlags(action: NetworkCreate, ctx: RunContext): string {
  return [
    action.driver && action.driver !== 'bridge' && `--driver ${action.driver}`,
    action.subnet && `--subnet ${action.subnet}`,
    action.internal && '--internal',
    ...Object.entries(action.options ?? {}).map(([k, v]) => `-o ${quote(`${k}=${ctx.expand(v)}`)}`),
  ]
    .filter(Boolean)
    .join(' ');
}

/** Docker's port bindings for `-p` specs (`[ip:]hostPort:containerPort[/proto]`). */
export function portBindings(publish: string[]): {
  exposed: Record<string, object>;
  bindings: Record<string, { HostIp: string; HostPort: string }[]>;
} {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const spec of publish) {
    const [addr, proto = 'tcp'] = spec.split('/');
    const parts = addr!.split(':');
    const containerPort = parts.pop()!;
    const hostPort = parts.pop() ?? '';
    const hostIp = parts.pop() ?? '';
    const key = `${containerPort}/${proto}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: hostIp, HostPort: hostPort });
  }
  return { exposed, bindings };
}
