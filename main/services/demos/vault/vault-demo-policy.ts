import { checkDockerfile } from './dockerfile-policy';

/** Where something sits in the parsed YAML: keys and list indexes from the top. */
export type YamlPath = (string | number)[];

/** A thing a vault demo asks for that Berth refuses, with the note line that asks for it. */
export interface PolicyRefusal {
  line: number;
  reason: string;
}

/** Finds note lines for YAML paths (and for a line inside a multi-line string). */
export interface LineFinder {
  lineOf(path: YamlPath): number;
  lineInText(path: YamlPath, textLine: number): number;
}

/** Keys that ask Docker for more than a demo needs, by their normalized spelling. */
const FORBIDDEN_KEYS: Record<string, string> = {
  enginehost:
    'a bind mount of a path on the machine Docker runs on (engineHost), outside the run folder',
  privileged: 'a privileged container, which could take over your machine',
  capadd:
    'extra Linux capabilities (cap_add), which lift the limits that keep a container away from your machine',
  capabilities:
    'extra Linux capabilities, which lift the limits that keep a container away from your machine',
  devices: "your machine's devices (disks, USB, GPUs) inside the container",
  device: "your machine's devices (disks, USB, GPUs) inside the container",
  devicerequests: "your machine's devices (GPUs) inside the container",
  pid: "the host's process namespace (pid), which lets the container see and signal your programs",
  pidmode:
    "the host's process namespace (pid), which lets the container see and signal your programs",
  ipc: "the host's IPC namespace (ipc), which lets the container reach your programs' shared memory",
  ipcmode:
    "the host's IPC namespace (ipc), which lets the container reach your programs' shared memory",
  uts: "the host's UTS namespace (hostname)",
  utsmode: "the host's UTS namespace (hostname)",
  userns: 'a different user namespace mode, which can turn container root into host root',
  usernsmode: 'a different user namespace mode, which can turn container root into host root',
  networkmode: 'a raw network mode; use "network:" with a network the demo creates',
  securityopt: 'changed security options (seccomp, AppArmor), which remove protections',
  binds: 'raw bind mounts of host paths; use "mounts:" with a folder inside the run folder',
  volumesfrom: "another container's volumes, which may belong to something else on your machine",
  hostconfig: 'raw Docker host settings, which can ask for anything',
  cgroupparent: 'a different control group, which escapes the resource limits',
  sysctls: 'kernel settings (sysctls)',
  runtime: 'a different container runtime',
  compose:
    'a compose file; compose files can ask for anything (privileged, host paths), so Berth does not run them from notes',
};

/** Values of these keys are free text or file contents, never options: the key walk skips them. */
const OPAQUE_KEYS = new Set([
  'files',
  'filler',
  'rows',
  'columns',
  'cmd',
  'entrypoint',
  'content',
  'explain',
  'summary',
  'title',
  'claims',
  'keywords',
  'headings',
]);

const FILLER_LIMIT = 64 * 1024 * 1024;

/** `app` and `app:latest` are the same image, as Docker reads them. */
const imageRef = (value: string) => (value.includes(':') ? value : `${value}:latest`);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const normalize = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

function hostPathProblem(source: string): string | null {
  const slashed = source.replace(/\\/g, '/');
  if (/^(?:\/|~|[a-z]:)/i.test(slashed))
    return `bind-mounts "${source}" from your machine; a demo in a note may only mount folders inside its own run folder (e.g. "source: data").`;
  if (slashed.split('/').includes('..'))
    return `bind-mounts "${source}", which climbs out of the run folder with "..".`;
  if (slashed.includes('{{'))
    return `bind-mounts "${source}", a path built from placeholders; write the folder name plainly.`;
  return null;
}

function networkProblem(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const lower = value.toLowerCase();
  if (lower === 'host')
    return "the host network (network: host), which puts the container on your machine's own network interfaces.";
  if (lower.startsWith('container:')) return "another container's network namespace.";
  return null;
}

/**
 * Checks a vault demo's raw parsed YAML (before the schema strips unknown keys) against what a
 * note may ask of Docker. Refuses privileged containers, capabilities, devices, host
 * namespaces and host network, bind mounts outside the run folder, images not built in the run,
 * Dockerfiles FROM anything but `base`, and compose. Returns every refusal with its line.
 */
export function checkVaultDemoPolicy(raw: unknown, lines: LineFinder): PolicyRefusal[] {
  const refusals: PolicyRefusal[] = [];
  const refuse = (path: YamlPath, what: string, asks = true) =>
    refusals.push({
      line: lines.lineOf(path),
      reason: `Refused: this demo ${asks ? 'asks for ' : ''}${what}`,
    });

  const walk = (value: unknown, path: YamlPath) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    if (!isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const what = FORBIDDEN_KEYS[normalize(key)];
      if (what) {
        refuse([...path, key], what.endsWith('.') ? what : `${what}.`);
        continue;
      }
      if (normalize(key) === 'network' || normalize(key) === 'net') {
        const problem = networkProblem(child);
        if (problem) refuse([...path, key], problem);
      }
      if (!OPAQUE_KEYS.has(key)) walk(child, [...path, key]);
    }
  };
  walk(raw, []);
  if (!isRecord(raw)) return refusals;
  if (raw.requires !== undefined)
    refuse(
      ['requires'],
      `needs "${String(raw.requires)}", which notes cannot ask for (compose is not run from notes).`,
      false,
    );

  const built = new Set<string>();
  let filler = 0;
  const steps = Array.isArray(raw.steps) ? raw.steps : [];
  steps.forEach((step, i) => {
    const action = isRecord(step) ? step.action : undefined;
    if (!isRecord(action)) return;
    const at = (...rest: YamlPath): YamlPath => ['steps', i, 'action', ...rest];
    switch (action.kind) {
      case 'compose':
        refuse(
          at('kind'),
          'runs docker compose; compose files can ask for anything (privileged, host paths), so Berth does not run them from notes.',
          false,
        );
        break;
      case 'run': {
        if (
          action.image !== undefined &&
          !(typeof action.image === 'string' && built.has(imageRef(action.image)))
        ) {
          refuse(
            at('image'),
            `runs the image "${String(action.image)}", which is neither the demo base image (leave "image" out) nor built earlier in this demo.`,
            false,
          );
        }
        const mounts = Array.isArray(action.mounts) ? action.mounts : [];
        mounts.forEach((mount, m) => {
          if (!isRecord(mount) || typeof mount.source !== 'string') return;
          // A volume source that looks like a path is a bind mount in `docker run -v` terms.
          const looksLikePath = /^(?:[/.~\\]|[a-z]:)/i.test(mount.source);
          const problem =
            mount.type === 'volume' && !looksLikePath ? null : hostPathProblem(mount.source);
          if (problem) refuse(at('mounts', m, 'source'), problem, false);
        });
        break;
      }
      case 'build': {
        const files = isRecord(action.files) ? action.files : {};
        for (const name of Object.keys(files)) {
          const slashed = name.replace(/\\/g, '/');
          if (slashed.startsWith('/') || slashed.split('/').includes('..'))
            refuse(
              at('files', name),
              `puts the build file "${name}" outside the build folder.`,
              false,
            );
        }
        if (typeof files.Dockerfile === 'string') {
          for (const problem of checkDockerfile(files.Dockerfile, built)) {
            refusals.push({
              line: lines.lineInText(at('files', 'Dockerfile'), problem.line),
              reason: `Refused: ${problem.reason}`,
            });
          }
        }
        if (isRecord(action.filler))
          for (const size of Object.values(action.filler))
            if (typeof size === 'number') filler += size;
        if (typeof action.image === 'string') built.add(imageRef(action.image));
        break;
      }
      case 'tag':
        if (typeof action.source === 'string' && !built.has(imageRef(action.source)))
          refuse(
            at('source'),
            `tags the image "${action.source}", which was not built earlier in this demo.`,
            false,
          );
        if (typeof action.target === 'string') built.add(imageRef(action.target));
        break;
      case 'host-write':
      case 'host-read':
        if (typeof action.path === 'string') {
          const slashed = action.path.replace(/\\/g, '/');
          if (/^(?:\/|~|[a-z]:)/i.test(slashed) || slashed.split('/').includes('..'))
            refuse(
              at('path'),
              `${action.kind === 'host-write' ? 'writes' : 'reads'} "${action.path}", outside the run folder.`,
              false,
            );
        }
        break;
      default:
        break;
    }
  });
  if (filler > FILLER_LIMIT)
    refuse(
      ['steps'],
      `${Math.round(filler / 1_000_000)} MB of filler files; notes may use up to ${FILLER_LIMIT / 1024 / 1024} MB.`,
    );
  return refusals;
}
