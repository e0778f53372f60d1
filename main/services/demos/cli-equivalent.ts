import type { DemoAction, DemoMount } from './demo-schema';
import type { RunContext } from './run-context';

/** Quotes an argument for a POSIX shell only when it needs it. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

function mountFlag(mount: DemoMount, ctx: RunContext): string {
  switch (mount.type) {
    case 'volume': {
      const ro = mount.readOnly ? ':ro' : '';
      return mount.source ? `-v ${ctx.volumeName(mount.source)}:${mount.target}${ro}` : `-v ${mount.target}${ro}`;
    }
    case 'bind':
      if (mount.engineHost) return `--mount type=bind,source=${shellQuote(mount.source)},target=${mount.target}${mount.readOnly ? ',readonly' : ''}`;
      return `-v ${shellQuote(`${ctx.workDir}/${mount.source}`)}:${mount.target}${mount.readOnly ? ':ro' : ''}`;
    case 'tmpfs':
      return `--tmpfs ${mount.target}`;
  }
}

const args = (list: string[], ctx: RunContext) => list.map((a) => shellQuote(ctx.expand(a))).join(' ');

/** The `docker` command a person would type to do what the step does. */
export function cliEquivalent(action: DemoAction, ctx: RunContext): string {
  switch (action.kind) {
    case 'volume-create':
      return `docker volume create ${ctx.volumeName(action.volume)}`;
    case 'run': {
      const parts = ['docker run'];
      if (action.detach) parts.push('-d');
      if (action.autoRemove) parts.push('--rm');
      parts.push(`--name ${ctx.containerName(action.container)}`);
      for (const mount of action.mounts ?? []) parts.push(mountFlag(mount, ctx));
      const network = action.network ?? ctx.defaultNetwork;
      if (network) parts.push(`--network ${ctx.networkName(network)}`);
      if (action.user) parts.push(`--user ${action.user}`);
      if (action.stopTimeoutSec !== undefined) parts.push(`--stop-timeout ${action.stopTimeoutSec}`);
      if (action.restart) parts.push(`--restart ${action.restart}`);
      if (action.pid) parts.push(`--pid ${action.pid}`);
      for (const [name, value] of Object.entries(action.env ?? {})) parts.push(`-e ${shellQuote(`${name}=${ctx.expand(value)}`)}`);
      if (action.entrypoint) parts.push(`--entrypoint ${shellQuote(action.entrypoint[0] ?? '')}`);
      parts.push(action.image ? ctx.imageName(action.image) : ctx.baseImage);
      const rest = [...(action.entrypoint?.slice(1) ?? []), ...(action.cmd ?? [])];
      if (rest.length) parts.push(args(rest, ctx));
      return parts.join(' ');
    }
    case 'exec':
      return `docker exec${action.user ? ` --user ${action.user}` : ''} ${ctx.containerName(action.container)} ${args(action.cmd, ctx)}`;
    case 'start':
      return `docker start ${ctx.containerName(action.container)}`;
    case 'stop':
      return `docker stop${action.timeoutSec !== undefined ? ` -t ${action.timeoutSec}` : ''} ${ctx.containerName(action.container)}`;
    case 'kill':
      return `docker kill --signal ${action.signal} ${ctx.containerName(action.container)}`;
    case 'remove':
      return `docker rm${action.force ? ' -f' : ''}${action.volumes ? ' -v' : ''} ${ctx.containerName(action.container)}`;
    case 'inspect-container':
      return `docker inspect --format '{{.State.Status}} {{json .Mounts}}' ${ctx.containerName(action.container)}`;
    case 'host-write':
      return `printf %s ${shellQuote(ctx.expand(action.content))} > ${shellQuote(`${ctx.workDir}/${action.path}`)}`;
    case 'host-read':
      return `cat ${shellQuote(`${ctx.workDir}/${action.path}`)}`;
    case 'build':
      return `DOCKER_BUILDKIT=0 docker build --network none -t ${ctx.imageName(action.image)} ${shellQuote(`${ctx.workDir}/build-${action.image.replace(':', '-')}`)}`;
    case 'tag':
      return `docker tag ${ctx.imageName(action.source)} ${ctx.imageName(action.target)}`;
    case 'image-inspect': {
      const format = { id: '{{.Id}} {{json .RepoTags}} {{json .RepoDigests}}', size: '{{.Size}}', 'base-layer': '{{json .RootFS.Layers}}' }[action.show ?? 'id'];
      return `docker image inspect --format '${format}' ${ctx.imageName(action.image)}`;
    }
    case 'image-remove':
      return `docker rmi ${ctx.imageName(action.image)}`;
    case 'system-df':
      return `docker system df -v`;
    case 'engine-info':
      return `docker info --format 'Kernel Version: {{.KernelVersion}} / Operating System: {{.OperatingSystem}} / Docker Root Dir: {{.DockerRootDir}}'`;
    case 'volume-inspect':
      return `docker volume inspect ${ctx.volumeName(action.volume)}`;
    case 'logs':
      return `docker logs ${ctx.containerName(action.container)}`;
    case 'diff':
      return `docker diff ${ctx.containerName(action.container)}`;
    case 'container-volumes':
      return `docker inspect --format '{{.Name}}: {{range .Mounts}}{{.Name}} -> {{.Destination}} {{end}}' ${action.containers.map((c) => ctx.containerName(c)).join(' ')}`;
    case 'watch-restarts': {
      const name = ctx.containerName(action.container);
      return `until [ "$(docker inspect --format '{{.RestartCount}} {{.State.Restarting}}' ${name})" = '${action.restarts} false' ]; do sleep 0.2; done; docker inspect --format '{{.RestartCount}} {{.State.Status}}' ${name}`;
    }
    case 'image-history':
      return `docker history ${ctx.imageName(action.image)}`;
    case 'network-create':
      return `docker network create ${ctx.networkName(action.network)}`;
    case 'network-connect':
      return `docker network connect ${ctx.networkName(action.network)} ${ctx.containerName(action.container)}`;
    case 'volume-list':
      return `docker volume ls --filter label=berth.run=${ctx.runId}${action.anonymous ? ` --filter label=berth.anonymous=${action.anonymous}` : ''}${action.dangling ? ' --filter dangling=true' : ''}`;
    case 'compose':
      return `docker compose -p berth-${ctx.runId} -f ${shellQuote(`${ctx.workDir}/${action.file}`)} ${args(action.args, ctx)}`;
    case 'table':
      return '(summary of the runs above)';
  }
}
