import type { DockerEvent } from './docker-event';
import type { EngineIdentity } from './identify-engine';

/** The parts of Berth that follow Docker events to stay current. */
export type TrackedArea = 'containers' | 'volumes' | 'networks';

/** What an engine does differently from Docker Engine where Berth relies on it. */
export interface EngineCapabilities {
  product: EngineIdentity['product'];
  productName: string;
  /**
   * The event action an engine sends in place of Docker's (per `type action`), e.g. Podman's
   * `container remove` where Docker sends `container destroy`.
   */
  renamedEvents: Readonly<Record<string, string>>;
  /** Events Docker sends that this engine never does (`type action`). */
  missingEvents: readonly string[];
  /** Per tracked area: the plain-words reason it is re-read on a timer, when events do not cover it. */
  reconcile: Readonly<Partial<Record<TrackedArea, string>>>;
  /** How often an area without full events is re-read. */
  reconcileEveryMs: number;
}

/** How often Berth re-reads what an engine does not report through events. */
export const RECONCILE_EVERY_MS = 2000;

const DOCKER: EngineCapabilities = {
  product: 'docker',
  productName: 'Docker Engine',
  renamedEvents: {},
  missingEvents: [],
  reconcile: {},
  reconcileEveryMs: RECONCILE_EVERY_MS,
};

/**
 * Podman 4.x (its Docker-compatible API), as measured against `podman system service` 4.3:
 * containers end with `remove` (no `destroy`), volumes with `remove`, no volume `mount`/`unmount`,
 * and no network events at all (create, connect, disconnect, destroy).
 */
const PODMAN: EngineCapabilities = {
  product: 'podman',
  productName: 'Podman',
  renamedEvents: { 'container destroy': 'remove', 'volume destroy': 'remove' },
  missingEvents: ['network create', 'network connect', 'network disconnect', 'network destroy', 'volume mount', 'volume unmount'],
  reconcile: {
    networks: 'Podman does not report network changes (no network events); refreshed every 2 s',
    volumes: 'Podman does not report volume mounts; refreshed every 2 s',
  },
  reconcileEveryMs: RECONCILE_EVERY_MS,
};

/** What Berth may expect from the engine it talks to (Docker Engine's behaviour when unknown). */
export function engineCapabilities(engine: { product?: EngineIdentity['product'] } | undefined): EngineCapabilities {
  if (engine?.product === 'podman') return PODMAN;
  if (!engine?.product || engine.product === 'docker') return DOCKER;
  return { ...DOCKER, product: engine.product, productName: engine.product === 'docker-desktop' ? 'Docker Desktop' : 'A Docker-compatible engine' };
}

/** The action this engine sends for Docker's `type action` (the same action when it does not differ). */
export function engineEventAction(capabilities: EngineCapabilities, type: string, action: string): string {
  return capabilities.renamedEvents[`${type} ${action}`] ?? action;
}

/** Docker's name for an event this engine sends under another action (`remove` on Podman reads as `destroy`). */
export function dockerEventAction(capabilities: EngineCapabilities, type: string, action: string): string {
  for (const [docker, engine] of Object.entries(capabilities.renamedEvents)) {
    const [dockerType, dockerAction] = docker.split(' ');
    if (dockerType === type && engine === action && dockerAction) return dockerAction;
  }
  return action;
}

/** Whether the engine ever sends this Docker event (under its own or another action). */
export function engineSendsEvent(capabilities: EngineCapabilities, type: string, action: string): boolean {
  return !capabilities.missingEvents.includes(`${type} ${action}`);
}

/**
 * The event as Docker Engine would send it: Docker's action name (Podman's `remove` reads as
 * `destroy`) and, for volumes, the volume's name as `Actor.ID` (Podman leaves the ID empty and
 * names the volume only in `Actor.Attributes.name`).
 */
export function asDockerEvent(capabilities: EngineCapabilities, event: DockerEvent): DockerEvent {
  const action = dockerEventAction(capabilities, event.Type, event.Action);
  const id = event.Type === 'volume' && !event.Actor.ID ? (event.Actor.Attributes.name ?? '') : event.Actor.ID;
  if (action === event.Action && id === event.Actor.ID) return event;
  return { ...event, Action: action, Actor: { ...event.Actor, ID: id } };
}
