import type {
  ContainerActionResult,
  ContainerDetail,
  ContainerList,
  ContainerLogs,
} from '../../contract/containers';
import type { Disposer, Publish } from '../../contract';
import { ChangeBatcher } from '../docker/change-batcher';
import type { DockerConnection } from '../docker/docker-connection';
import { removeContainer, startContainer, stopContainer } from './container-actions';
import { containerDetail } from './container-detail';
import { containerLogs } from './container-logs';
import { listContainerSummaries } from './container-summary';

export type ResourceConnection = Pick<
  DockerConnection,
  'onEvent' | 'onConnected' | 'requireClient'
>;

export interface ContainersServiceOptions {
  connection: ResourceConnection;
  publish: Publish;
}

/**
 * Containers for the resource browser: list, inspect, start, stop, remove (with readable
 * refusals) and logs. Container and network events become one batched `containers.changed`.
 */
export class ContainersService {
  private readonly batcher: ChangeBatcher;
  private readonly disposers: Disposer[] = [];

  constructor(private readonly options: ContainersServiceOptions) {
    this.batcher = new ChangeBatcher(
      () => options.publish('containers.changed', { at: Date.now() }),
      60,
    );
  }

  /** Follows Docker's events until disposed. */
  watch(): void {
    this.disposers.push(
      this.options.connection.onEvent((event) => {
        if (event.Type === 'container' || event.Type === 'network') this.batcher.add('containers');
      }),
      this.options.connection.onConnected(() => this.batcher.add('containers')),
    );
  }

  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.batcher.dispose();
  }

  private get docker() {
    return this.options.connection.requireClient('query');
  }

  /** Actions wait for Docker (a stop waits for the timeout, then kills): no request timeout. */
  private get actionClient() {
    return this.options.connection.requireClient('streaming');
  }

  async list(): Promise<ContainerList> {
    return { containers: await listContainerSummaries(this.docker), fetchedAt: Date.now() };
  }

  inspect(id: string): Promise<ContainerDetail> {
    return containerDetail(this.docker, id);
  }

  start(id: string): Promise<ContainerActionResult> {
    return startContainer(this.actionClient, id);
  }

  stop(id: string, timeoutSeconds: number): Promise<ContainerActionResult> {
    return stopContainer(this.actionClient, id, timeoutSeconds);
  }

  remove(id: string, force: boolean, volumes: boolean): Promise<ContainerActionResult> {
    return removeContainer(this.actionClient, id, force, volumes);
  }

  logs(id: string, tail: number): Promise<ContainerLogs> {
    return containerLogs(this.docker, id, tail);
  }
}
