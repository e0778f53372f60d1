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

/** Validates demo definitions; throws one readable error naming the demo and the field. */
export function loadCatalogue(inputs: unknown[]): Demo[] {
  const seen = new Set<string>();
  return inputs.map((input, index) => {
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
  });
}

let validated: readonly Demo[] | undefined;

/** Every demo Berth ships, validated at the first call (validating them all takes ~50 ms of a start). */
export function builtInCatalogue(): readonly Demo[] {
  validated ??= loadCatalogue([
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
  ]);
  return validated;
}

/** The demo with this id, or undefined. */
export function findDemo(id: string): Demo | undefined {
  return builtInCatalogue().find((demo) => demo.id === id);
}
