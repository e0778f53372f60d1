import { composeTool } from './compose-tool';
import type { DemoAction, DemoMount } from './demo-schema';
import { networkCreateFlags, networkRunFlags } from './network-cli';
import { LABEL_ANONYMOUS, type RunContext } from './run-context';

/**
 * Stand-ins for the run id and the work folder when a command is written for a script: the
 * script picks its own run id (`$run`) and temp folder (`$work`), so it can run again and again.
 */
export const SCRIPT_RUN_TOKEN = 'BERTHxRUNxTOKEN';
export const SCRIPT_WORK_TOKEN = 'BERTHxWORKxTOKEN';
/** Stands for a captured value (`{{var:name}}`) in a script: the shell variable `v_name`. */
export const scriptVarToken = (name: string) => `BERTHxVARx${name}xEND`;
const VAR_TOKEN = /BERTHxVARx([A-Za-z0-9_]+?)xEND/g;
const TOKENS = new RegExp(`(${SCRIPT_RUN_TOKEN}|${SCRIPT_WORK_TOKEN}|BERTHxVARx[A-Za-z0-9_]+?xEND)`);

function quotePart(arg: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Quotes an argument for a POSIX shell only when it needs it. Script tokens become `${run}` and
 * `"${work}"` outside the quotes, so the shell expands them.
 */
export function shellQuote(arg: string): string {
  if (!TOKENS.test(arg)) return quotePart(arg);
  return arg
    .split(TOKENS)
    .filter(Boolean)
    .map((part) =>
      part === SCRIPT_RUN_TOKEN ? '${run}' : part === SCRIPT_WORK_TOKEN ? '"${work}"' : part.startsWith('BERTHxVARx') ? `"\${v_${part.slice(10, -4)}}"` : quotePart(part),
    )
    .join('');
}

/** Turns the script tokens left in unquoted text (names) into shell variables. */
export function expandScriptTokens(text: string): string {
  return text.replaceAll(SCRIPT_RUN_TOKEN, '${run}').replaceAll(SCRIPT_WORK_TOKEN, '"${work}"').replace(VAR_TOKEN, '${v_$1}');
}

const labelFlags = (ctx: RunContext) =>
  Object.entries(ctx.publicLabels)
    .map(([k, v]) => `--label ${shellQuote(`${k}=${v}`)}`)
    .join(' ');

const volumeLabels = (ctx: RunContext, extra: Record<string, string> = {}) =>
  Object.entries({ ...ctx.publicLabels, ...extra })
    .map(([k, v]) => `,volume-label=${k}=${v}`)
    .join('');

/**
 * The `--mount` flag of a mount. Volumes Docker creates on the fly get Berth's labels through
 * `volume-label`, which is how the run's volumes (named on first use, and anonymous ones) can
 * be found and removed by label, by the app and by a pasted command alike.
 */
function mountFlag(mount: DemoMount, ctx: RunContext): string {
  const ro = 'readOnly' in mount && mount.readOnly ? ',readonly' : '';
  switch (mount.type) {
    case 'volume': {
      if (mount.source) {
        const name = ctx.volumeName(mount.source);
        const labels = ctx.created.volume.has(name) ? '' : volumeLabels(ctx);
        return `--mount ${shellQuote(`type=volume,src=${name},dst=${mount.target}${ro}${labels}`)}`;
      }
      const labels = volumeLabels(ctx, mount.anonymous ? { [LABEL_ANONYMOUS]: mount.anonymous } : {});
      return `--mount ${shellQuote(`type=volume,dst=${mount.target}${ro}${labels}`)}`;
    }
    case 'bind': {
      const source = mount.engineHost ? mount.source : ctx.bindSource(mount.source);
      return `-v ${shellQuote(`${source}:${mount.target}${mount.readOnly ? ':ro' : ''}`)}`;
    }
    case 'tmpfs':
      return `--mount type=tmpfs,dst=${mount.target}`;
  }
}

const args = (list: string[], ctx: RunContext) => list.map((a) => shellQuote(ctx.expand(a))).join(' ');

/** Joins flag groups on one line, or over several with `\` continuations when it gets long. */
function command(groups: (string | false | undefined)[]): string {
  const parts = groups.filter((g): g is string => Boolean(g));
  const line = parts.join(' ');
  return line.length <= 100 ? line : parts.join(' \\\n    ');
}

/** The host folder a build step's context is written to. */
export function buildContextDir(image: string, ctx: RunContext): string {
  return `${ctx.workDir}/build-${image.replace(':', '-')}`;
}

/** The image as a person types it: a key without a tag stays without one (Docker reads `:latest`). */
const imageRef = (key: string, ctx: RunContext) => (key.includes(':') ? ctx.imageName(key) : ctx.imageName(key).replace(/:latest$/, ''));

function runCommand(action: Extract<DemoAction, { kind: 'run' }>, ctx: RunContext): string {
  const network = action.network ?? ctx.defaultNetwork;
  const options = [
    network && `--network ${ctx.networkName(network)}`,
    action.user && `--user ${shellQuote(action.user)}`,
    action.stopTimeoutSec !== undefined && `--stop-timeout ${action.stopTimeoutSec}`,
    ...networkRunFlags(action),
    action.restart && `--restart ${action.restart}`,
    action.pid && `--pid ${action.pid}`,
    ...Object.entries(action.env ?? {}).map(([k, v]) => `-e ${shellQuote(`${k}=${ctx.expand(v)}`)}`),
    action.entrypoint && `--entrypoint ${shellQuote(ctx.expand(action.entrypoint[0] ?? ''))}`,
  ].filter(Boolean);
  const rest = [...(action.entrypoint?.slice(1) ?? []), ...(action.cmd ?? [])];
  return command([
    `docker run${action.detach ? ' -d' : ''}${action.autoRemove ? ' --rm' : ''} --name ${ctx.containerName(action.container)}`,
    labelFlags(ctx),
    ...(action.mounts ?? []).map((m) => mountFlag(m, ctx)),
    options.join(' '),
    [action.image ? imageRef(action.image, ctx) : ctx.baseImage, rest.length ? args(rest, ctx) : ''].filter(Boolean).join(' '),
  ]);
}

/**
 * The `docker` command a person would type to do what the step does: pasted into a shell it
 * has the same effect (same names, same labels), which the script test proves for every demo.
 */
export function cliEquivalent(action: DemoAction, ctx: RunContext): string {
  switch (action.kind) {
    case 'volume-create':
      return `docker volume create ${labelFlags(ctx)} ${ctx.volumeName(action.volume)}`;
    case 'run':
      return runCommand(action, ctx);
    case 'exec':
      return `docker exec${action.user ? ` --user ${shellQuote(action.user)}` : ''} ${ctx.containerName(action.container)} ${args(action.cmd, ctx)}`;
    case 'start':
      return `docker start ${ctx.containerName(action.container)}`;
    case 'stop':
      return `docker stop${action.timeoutSec !== undefined ? ` -t ${action.timeoutSec}` : ''} ${ctx.containerName(action.container)}`;
    case 'kill':
      return `docker kill --signal ${action.signal} ${ctx.containerName(action.container)}`;
    case 'remove':
      return `docker rm${action.force ? ' -f' : ''}${action.volumes ? ' -v' : ''} ${ctx.containerName(action.container)}`;
    case 'inspect-container':
      return `docker inspect --format 'State: {{.State.Status}} (exit code {{.State.ExitCode}}){{range .Mounts}} | {{.Type}} {{if .Name}}{{.Name}}{{else}}{{.Source}}{{end}} -> {{.Destination}}{{end}}' ${ctx.containerName(action.container)}`;
    case 'host-write': {
      const file = `${ctx.workDir}/${ctx.expand(action.path)}`;
      return `mkdir -p ${shellQuote(file.slice(0, file.lastIndexOf('/')))} && printf %s ${shellQuote(ctx.expand(action.content))} > ${shellQuote(file)}`;
    }
    case 'host-read':
      return `cat ${shellQuote(`${ctx.workDir}/${ctx.expand(action.path)}`)}`;
    case 'build':
      return command([
        `DOCKER_BUILDKIT=0 docker build --network none --force-rm`,
        labelFlags(ctx),
        `-t ${ctx.imageName(action.image)} ${shellQuote(buildContextDir(action.image, ctx))}`,
      ]);
    case 'tag':
      return `docker tag ${imageRef(action.source, ctx)} ${imageRef(action.target, ctx)}`;
    case 'image-inspect': {
      const extra = action.show === 'size' ? ' size={{.Size}}' : action.show === 'base-layer' ? ' base-layer={{index .RootFS.Layers 0}}' : '';
      return `docker image inspect --format '{{.Id}} {{json .RepoTags}} {{json .RepoDigests}}${extra}' ${imageRef(action.image, ctx)}`;
    }
    case 'image-history':
      return `docker history --no-trunc ${ctx.imageName(action.image)}`;
    case 'network-create':
      return [`docker network create ${labelFlags(ctx)}`, networkCreateFlags(action, ctx), ctx.networkName(action.network)].filter(Boolean).join(' ');
    case 'port':
      return `docker port ${ctx.containerName(action.container)} ${action.port}/${action.proto ?? 'tcp'}`;
    case 'network-connect':
      return `docker network connect ${ctx.networkName(action.network)} ${ctx.containerName(action.container)}`;
    case 'volume-list':
      return `docker volume ls --filter label=berth.run=${ctx.runId}${action.anonymous ? ` --filter label=${LABEL_ANONYMOUS}=${action.anonymous}` : ''}${action.dangling ? ' --filter dangling=true' : ''}`;
    case 'compose':
      return `${composeTool().cli} -p berth-${ctx.runId} -f ${shellQuote(`${ctx.workDir}/compose.yaml`)} ${args(action.args, ctx)}`;
    case 'table':
      return '# a summary of the steps above (no docker command)';
    case 'image-remove':
      return `docker rmi ${imageRef(action.image, ctx)}`;
    case 'system-df':
      return `docker system df -v`;
    case 'engine-info':
      return `docker info --format 'Kernel Version: {{.KernelVersion}} / Operating System: {{.OperatingSystem}} / Docker Root Dir: {{.DockerRootDir}}'`;
    case 'volume-inspect':
      return `docker volume inspect ${ctx.volumeName(action.volume)}`;
    case 'volume-prune':
      return `docker volume prune --force --filter label=berth.run=${ctx.runId}`;
    case 'logs':
      return `docker logs ${ctx.containerName(action.container)}`;
    case 'diff':
      return `docker diff ${ctx.containerName(action.container)}`;
    case 'container-volumes':
      return `docker inspect --format '{{.Name}}: {{range .Mounts}}{{.Name}} -> {{.Destination}} {{end}}' ${action.containers.map((c) => ctx.containerName(c)).join(' ')}`;
    case 'watch-restarts': {
      const name = ctx.containerName(action.container);
      return [
        `for i in $(seq ${Math.ceil((action.timeoutMs ?? 20_000) / 200)}); do`,
        `  set -- $(docker inspect -f '{{.RestartCount}} {{.State.Restarting}} {{.State.Running}}' ${name})`,
        `  [ "$1" -ge ${action.restarts} ] && [ "$2" = false ] && [ "$3" = false ] && break; sleep 0.2`,
        `done; docker inspect -f 'RestartCount {{.RestartCount}}; state {{.State.Status}} (exit code {{.State.ExitCode}})' ${name}`,
      ].join('\n');
    }
  }
}
