import { demoSchema, type Demo } from '../demo-schema';
import { containerRuntimeDemos } from './container-runtime-demos';
import { containerStorageDemos } from './container-storage-demos';
import { dockerfileDemos } from './dockerfile-demos';
import { imageBuildDemos } from './image-build-demos';
import { imageDemos } from './image-demos';
import { imageTagDemos } from './image-tag-demos';
import { isolationDemos } from './isolation-demos';
import { moreStorageDemos } from './more-storage-demos';
import { mountDemos } from './mount-demos';
import { networkDemos } from './network-demos';
import { networkLiveDemos } from './network-live-demos';
import { runtimeDemos } from './runtime-demos';
import { storageDemos } from './storage-demos';

function validated(input: unknown, index: number, seen: Set<string>): Demo {
  const parsed = demoSchema.safeParse(input);
  const id = (input as { id?: unknown })?.id;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Demo ${typeof id === 'string' ? `"${id}"` : `#${index + 1}`} is invalid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}`,
    );
  }
  if (seen.has(parsed.data.id)) throw new Error(`Demo "${parsed.data.id}" is defined twice.`);
  seen.add(parsed.data.id);
  return parsed.data;
}

/** Validation a demo per step (a generator that yields between demos). */
function* validating(inputs: unknown[]): Generator<void, Demo[], void> {
  const seen = new Set<string>();
  const demos: Demo[] = [];
  for (const [index, input] of inputs.entries()) {
    demos.push(validated(input, index, seen));
    yield;
  }
  return demos;
}

/** Validates demo definitions; throws one readable error naming the demo and the field. */
export function loadCatalogue(inputs: unknown[]): Demo[] {
  const steps = validating(inputs);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const builtInInputs = (): unknown[] => [
  ...storageDemos,
  ...moreStorageDemos,
  ...containerStorageDemos,
  ...mountDemos,
  ...imageDemos,
  ...imageTagDemos,
  ...imageBuildDemos,
  ...runtimeDemos,
  ...containerRuntimeDemos,
  ...dockerfileDemos,
  ...isolationDemos,
  ...networkDemos,
  ...networkLiveDemos,
];

let builtIn: readonly Demo[] | undefined;

/** Every demo Berth ships, validated at the first call (all at once: ~50 ms on this machine). */
export function builtInCatalogue(): readonly Demo[] {
  builtIn ??= loadCatalogue(builtInInputs());
  return builtIn;
}

/**
 * `builtInCatalogue` as steps, a demo each, for a caller that runs them in slices of a few
 * milliseconds; the result is the one `builtInCatalogue` answers from then on.
 */
export function* builtInCatalogueSteps(): Generator<void, readonly Demo[], void> {
  if (!builtIn) {
    const demos = yield* validating(builtInInputs());
    builtIn ??= demos;
  }
  return builtIn;
}

/** The demo with this id, or undefined. */
export function findDemo(id: string): Demo | undefined {
  return builtInCatalogue().find((demo) => demo.id === id);
}
