import type Dockerode from 'dockerode';
import { identifyEngine, type EngineIdentity } from '../docker/identify-engine';
import type { Demo, DemoEngine, DemoExpectation, DemoStep } from './demo-schema';
import { LABEL_OWNER, LABEL_PID } from './run-context';
import { markSkipped } from './run-preconditions';
import type { RunRecord } from './run-types';

/** The demo-catalogue name of an engine that behaves otherwise than Docker Engine (undefined for Docker's behaviour). */
export function demoEngineOf(engine: Pick<EngineIdentity, 'product'> | undefined): DemoEngine | undefined {
  return engine?.product === 'podman' ? 'podman' : undefined;
}

/** `make(docker)`, asked once per client (a client talks to one endpoint; a reconnect makes a new one) unless `keep` turns the answer down. */
function oncePerClient<T>(cache: WeakMap<Dockerode, Promise<T>>, docker: Dockerode, make: (docker: Dockerode) => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
  let known = cache.get(docker);
  if (!known) {
    known = make(docker);
    cache.set(docker, known);
    void known.then((value) => keep(value) || cache.delete(docker), () => cache.delete(docker));
  }
  return known;
}

async function identifyDemoEngine(docker: Dockerode): Promise<EngineIdentity | undefined> {
  try {
    return identifyEngine((await docker.version()) as Parameters<typeof identifyEngine>[0], {});
  } catch {
    return undefined; // the run's first Docker call reports an engine that is away
  }
}

const enginesByClient = new WeakMap<Dockerode, Promise<EngineIdentity | undefined>>();

/**
 * Which engine answers on this client, from `/version` (~0.1 s on a busy Engine; enough to tell
 * Podman from Docker), asked once per client; undefined, and not remembered, when it does not answer.
 */
export function engineBehind(docker: Dockerode): Promise<EngineIdentity | undefined> {
  return oncePerClient(enginesByClient, docker, identifyDemoEngine, (identity) => identity !== undefined);
}

/** The expectations a step has on this engine: its own where it states a difference, else Docker's. */
export function stepExpectations(step: DemoStep, engine: DemoEngine | undefined): DemoExpectation[] {
  return (engine && step.onEngine?.[engine]?.expect) || step.expect;
}

/** The step's explanation with the engine's difference added as part of the lesson. */
export function stepExplanation(step: DemoStep, engine: DemoEngine | undefined): string | undefined {
  const note = engine ? step.onEngine?.[engine]?.note : undefined;
  if (!note) return step.explain;
  return step.explain ? `${step.explain} ${note}` : note;
}

const dnsProbes = new WeakMap<Dockerode, Promise<string | undefined>>();

/**
 * Podman resolves container names on user-defined networks only with its DNS plugin (dnsname for
 * CNI, aardvark-dns for netavark); without one a new network's `dns_enabled` stays false. Creates
 * and removes a labelled probe network and reads that flag from Podman's own API (once per client).
 */
export function podmanNetworkDns(docker: Dockerode): Promise<string | undefined> {
  return oncePerClient(dnsProbes, docker, probeDns);
}

async function probeDns(docker: Dockerode): Promise<string | undefined> {
  const name = `berth-dns-probe-${process.pid}-${Date.now().toString(36)}`;
  const network = await docker.createNetwork({ Name: name, Labels: { [LABEL_OWNER]: 'probe', [LABEL_PID]: String(process.pid) } });
  try {
    const info = await new Promise<{ dns_enabled?: boolean }>((resolve, reject) => {
      docker.modem.dial(
        { path: `/v4.0.0/libpod/networks/${name}/json`, method: 'GET', statusCodes: { 200: true, 404: 'no such network', 500: 'server error' } },
        (error: unknown, data: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(data as { dns_enabled?: boolean })),
      );
    });
    if (info.dns_enabled) return undefined;
    return 'On Podman, containers on a user-defined network find each other by name only with its DNS plugin (dnsname for CNI, aardvark-dns for netavark); this Podman has none, so the names this demo looks up are never answered.';
  } finally {
    await network.remove().catch(() => {});
  }
}

/** Why the demo does not run on this engine (the engine limit it states, or one a probe found), or undefined to run it. */
export async function engineSkipReason(demo: Demo, engine: DemoEngine | undefined, docker: () => Dockerode): Promise<string | undefined> {
  const rules = engine ? demo.onEngine?.[engine] : undefined;
  if (rules?.skip) return rules.skip;
  if (rules?.requires === 'network-dns' && engine === 'podman') return podmanNetworkDns(docker());
  return undefined;
}

/**
 * Fits a run's record to its engine: each step's explanation gains the engine's stated difference,
 * and a demo the engine cannot run is marked skipped with the reason. True when skipped.
 */
export async function fitRecordToEngine(demo: Demo, record: RunRecord, engine: DemoEngine | undefined, docker: () => Dockerode): Promise<boolean> {
  for (const rec of record.steps) {
    const step = demo.steps[rec.index];
    const explain = step && stepExplanation(step, engine);
    if (explain) rec.explain = explain;
  }
  const reason = await engineSkipReason(demo, engine, docker);
  return reason ? markSkipped(record, reason) : false;
}
