import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventHub } from '../rpc/event-hub';
import { Router } from '../rpc/router';
import { DockerService } from '../services/docker/docker-service';
import { ContainersService } from '../services/containers/containers-service';
import { ImagesService } from '../services/images/images-service';
import { BaseImageResolver } from '../services/demos/base-image';
import { DemoService } from '../services/demos/demo-service';
import { VaultDemoService } from '../services/demos/vault/vault-demo-service';
import { VaultTrustStore } from '../services/demos/vault/vault-trust-store';
import { AnnotationsService } from '../services/annotations/annotations-service';
import { EngineService } from '../services/docker/engine-service';
import { createAppVaultService, vaultUrlsFor } from '../services/vault/create-app-vault';
import { CanvasService } from '../services/canvas/canvas-service';
import type { Logger } from '../services/logging/logger';
import { NoticeBoard } from '../services/logging/notice-board';
import { VolumesService } from '../services/volumes/volumes-service';
import { NetworksService } from '../services/networks/networks-service';
import { SettingsService } from '../services/settings/settings-service';
import { createSuggestionsService } from '../services/suggestions/create-suggestions';
import type { StoreFactory } from '../services/settings/store-factory';
import { TimelineNoteEmbeds } from '../services/timeline/timeline-note-embed';
import { TimelineService } from '../services/timeline/timeline-service';
import type { AppServices } from './app-services';
import { createHandlers } from './handlers';
import type { HostCapabilities } from './host-capabilities';

export interface CreateAppOptions {
  version: string;
  host: HostCapabilities;
  log: Logger;
  userDataDir: string;
  storeFactory: StoreFactory;
  /** Notices the host raised before the app existed (e.g. a store moved aside). */
  notices?: NoticeBoard;
  bundledVaultDir: string;
  /** True where the bundled vault must not be written (inside a packaged app's resources). */
  bundledVaultReadOnly?: boolean;
  /** A vault given on the command line wins over the remembered one. */
  vaultDir?: string;
  dockerBackoffMs?: number[];
}

/** One running Berth: its services, the event hub and the router, independent of the transport. */
export interface BerthApp {
  services: AppServices;
  hub: EventHub;
  router: Router;
  start(): void;
  dispose(): Promise<void>;
}

function isDirectory(dir: string | undefined): dir is string {
  if (!dir) return false;
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Builds the services and the router; the Electron shell and the web host both start here. */
export function createApp(options: CreateAppOptions): BerthApp {
  const log = options.log;
  const hub = new EventHub(log.child('events'));
  const notices = options.notices ?? new NoticeBoard();
  hub.on('system.notice', (notice) => notices.record(notice));
  const settings = new SettingsService(options.storeFactory);
  if (settings.droppedOnLoad.length) {
    log.warn('settings had invalid values that were reset', { keys: settings.droppedOnLoad });
  }

  const remembered = settings.get().lastVault;
  const initialVaultDir = path.resolve(
    options.vaultDir ?? (isDirectory(remembered) ? remembered : options.bundledVaultDir),
  );

  const engines = new EngineService({
    settings,
    env: process.env,
    platform: process.platform,
    homeDir: os.homedir(),
    publish: hub.publish,
    log: log.child('engines'),
    moveConnection: (sameEngine) => (sameEngine ? docker.reconnect() : docker.switchEngine()),
  });
  const docker = new DockerService({
    resolveEndpoint: () => engines.resolveEndpoint(),
    publish: hub.publish,
    log: log.child('docker'),
    ...(options.dockerBackoffMs ? { backoffMs: options.dockerBackoffMs } : {}),
    // Slow engines on a loaded machine (Podman's /info under load in tests): a longer "not answering" threshold.
    ...(Number(process.env.BERTH_DOCKER_TIMEOUT_MS) > 0 ? { requestTimeoutMs: Number(process.env.BERTH_DOCKER_TIMEOUT_MS) } : {}),
  });

  const containers = new ContainersService({ connection: docker.connection, publish: hub.publish });
  const images = new ImagesService({ connection: docker.connection, publish: hub.publish });

  const annotations = new AnnotationsService({
    baseDir: path.join(options.userDataDir, 'annotations'),
    vaultPath: initialVaultDir,
    openStore: (store) => options.storeFactory(store),
    log: log.child('annotations'),
    onChanged: (notePaths) => hub.publish('annotations.changed', { notePaths, at: Date.now() }),
    onNotice: (notice) => hub.publish('system.notice', { level: notice.level, message: notice.message }),
  });

  const demoImage = settings.get().demoImage;
  const demos = new DemoService({
    docker: () => docker.connection.requireClient('streaming'),
    // Settings > Demos > Demo image replaces the pinned image (read at start).
    ...(demoImage ? { baseImage: new BaseImageResolver({ pinned: demoImage }) } : {}),
    historyDir: path.join(options.userDataDir, 'demo-runs'),
    engine: engines,
    log: log.child('demos'),
    onRunEvent: (event) => {
      hub.publish('demos.run', event);
      if (event.type === 'run-started' || event.type === 'run-finished') {
        const record = event.record;
        hub.publish('demos.history', { runId: record.runId, demoId: record.demoId, at: Date.now() });
      }
    },
    onNotice: (message) => hub.publish('system.notice', { level: 'info', message }),
  });
  // Sweep leftovers of runs that died, at start and whenever Docker comes back.
  docker.connection.onConnected(() => {
    demos.sweep().catch((error: unknown) => log.warn('demo sweep failed', { error: String(error) }));
  });

  const vaultDemos = new VaultDemoService({
    demos,
    trust: new VaultTrustStore(options.userDataDir),
    vaultRoot: () => vault.root,
    onTrustChanged: () => hub.publish('vaultDemos.trustChanged', { at: Date.now() }),
  });

  const vault = createAppVaultService({ host: options.host, settings, hub, log, bundledVaultDir: options.bundledVaultDir, bundledVaultReadOnly: options.bundledVaultReadOnly ?? false });

  const volumes = new VolumesService({
    connection: docker.connection,
    engine: engines,
    publishDelta: (delta) => hub.publish('volumes.delta', delta),
    log: log.child('volumes'),
    userDataDir: options.userDataDir,
    onNotice: (message) => hub.publish('system.notice', { level: 'warning', message }),
  });

  const networks = new NetworksService({
    connection: docker.connection,
    engine: engines,
    onChanged: (revision) => hub.publish('networks.changed', { revision, at: Date.now() }),
    log: log.child('networks'),
    userDataDir: options.userDataDir,
    onNotice: (message) => hub.publish('system.notice', { level: 'warning', message }),
  });

  const timeline = new TimelineService({
    storageLineage: () => volumes.lineage(undefined, 10_000).entries,
    networkLineage: () => networks.lineage(undefined, 10_000).entries,
    recentEvents: () => volumes.events(5_000).events,
    getRun: (runId) => demos.getRun(runId),
  });

  const suggestions = createSuggestionsService({ settings, storeFactory: options.storeFactory, hub, vault, bundledVaultDir: options.bundledVaultDir });

  const services: AppServices = {
    version: options.version,
    host: options.host,
    log,
    bundledVaultDir: options.bundledVaultDir,
    initialVaultDir,
    userDataDir: options.userDataDir,
    storeFactory: options.storeFactory,
    notices,
    settings,
    docker,
    engines,
    containers,
    images,
    demos,
    vaultDemos,
    volumes,
    networks,
    annotations,
    suggestions,
    timeline,
    timelineEmbeds: new TimelineNoteEmbeds(),
    currentVault: () => vault.root,
    vault,
    canvas: new CanvasService({ vault, urls: vaultUrlsFor(options.host.mode) }),
  };

  let lastDockerHost = settings.get().dockerHost;
  const disposeSettingsWatch = settings.onChange((value) => {
    hub.publish('settings.changed', value);
    if (value.dockerHost !== lastDockerHost) {
      lastDockerHost = value.dockerHost;
      engines.dockerHostChanged();
    }
  });

  const router = new Router(createHandlers(services), hub, log.child('rpc'));
  /** The suggester is built a second after start, once the first note has usually been asked for. */
  let warmUp: NodeJS.Timeout | undefined;
  let dockerWait: NodeJS.Timeout | undefined;
  let dockerStarted = false;
  const startDocker = () => {
    clearTimeout(dockerWait);
    if (dockerStarted) return;
    dockerStarted = true;
    volumes.start();
    networks.start();
    containers.watch();
    images.watch();
    docker.start();
  };

  return {
    services,
    hub,
    router,
    start() {
      void vault.openInitial(initialVaultDir);
      // Docker and its trackers start once the reader has its first note, or after 2 s without a
      // reader: their first queries (versions, lists, inspections) delayed that note on 2 cores.
      dockerWait = setTimeout(startDocker, 2000);
      void vault.firstNoteRead().then(startDocker);
      warmUp = setTimeout(() => {
        suggestions.warmUp().catch((error: unknown) => log.warn('the demo suggester could not be built', { error: String(error) }));
      }, 1000);
      warmUp.unref();
    },
    async dispose() {
      clearTimeout(warmUp);
      clearTimeout(dockerWait);
      dockerStarted = true;
      disposeSettingsWatch();
      await demos.dispose();
      await volumes.stop();
      await networks.stop();
      containers.dispose();
      images.dispose();
      await docker.stop();
      await vault.stop();
    },
  };
}
