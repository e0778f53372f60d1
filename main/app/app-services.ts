import type { Logger } from '../services/logging/logger';
import type { NoticeBoard } from '../services/logging/notice-board';
import type { DockerService } from '../services/docker/docker-service';
import type { EngineService } from '../services/docker/engine-service';
import type { ContainersService } from '../services/containers/containers-service';
import type { ImagesService } from '../services/images/images-service';
import type { DemoService } from '../services/demos/demo-service';
import type { VaultDemoService } from '../services/demos/vault/vault-demo-service';
import type { VolumesService } from '../services/volumes/volumes-service';
import type { NetworksService } from '../services/networks/networks-service';
import type { AnnotationsService } from '../services/annotations/annotations-service';
import type { SettingsService } from '../services/settings/settings-service';
import type { StoreFactory } from '../services/settings/store-factory';
import type { VaultService } from '../services/vault/vault-service';
import type { CanvasService } from '../services/canvas/canvas-service';
import type { SuggestionsService } from '../services/suggestions/suggestions-service';
import type { TimelineNoteEmbeds } from '../services/timeline/timeline-note-embed';
import type { TimelineService } from '../services/timeline/timeline-service';
import type { HostCapabilities } from './host-capabilities';

/** The services of one running Berth, shared by all windows and sockets. */
export interface AppServices {
  version: string;
  host: HostCapabilities;
  log: Logger;
  /** Folder of the bundled study vault. */
  bundledVaultDir: string;
  /** Vault to open at start (from --vault, else the last one, else the bundled one). */
  initialVaultDir: string;
  userDataDir: string;
  storeFactory: StoreFactory;
  /** Notices raised since start, for windows that open later. */
  notices: NoticeBoard;
  settings: SettingsService;
  docker: DockerService;
  /** Which engine Berth talks to (contexts, saved endpoints) and switching live. */
  engines: EngineService;
  containers: ContainersService;
  images: ImagesService;
  demos: DemoService;
  /** Demos written in the open vault's notes, and per-vault trust. */
  vaultDemos: VaultDemoService;
  volumes: VolumesService;
  networks: NetworksService;
  vault: VaultService;
  /** Obsidian canvases of the open vault, read-only. */
  canvas: CanvasService;
  annotations: AnnotationsService;
  suggestions: SuggestionsService;
  /** The lifecycle timeline (live and per demo run) and its pictures saved into notes. */
  timeline: TimelineService;
  timelineEmbeds: TimelineNoteEmbeds;
  /** Root of the vault open now (annotations follow it). */
  currentVault: () => string | null;
}
