import type { z } from 'zod';
import { actionSchema, mountSchema, stepSchema } from '../demo-schema';
import type { YamlPath } from './vault-demo-policy';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function keysOfOption(
  options: readonly z.ZodObject[],
  tag: string,
  value: unknown,
): string[] | null {
  const option = options.find(
    (o) => (o.shape[tag] as { value?: unknown } | undefined)?.value === value,
  );
  return option ? Object.keys(option.shape) : null;
}

/**
 * Keys in steps, actions and mounts that the schema does not know. Zod drops them silently
 * (those objects are not strict), so a typo like `comand:` would otherwise just do nothing.
 */
export function unknownKeyProblems(
  raw: Record<string, unknown>,
): { path: YamlPath; message: string }[] {
  const out: { path: YamlPath; message: string }[] = [];
  const check = (value: unknown, allowed: string[] | null, path: YamlPath, what: string) => {
    if (!isRecord(value) || !allowed) return;
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key))
        out.push({
          path: [...path, key],
          message: `${what} has an unknown key "${key}" (Berth would ignore it); known keys: ${allowed.join(', ')}.`,
        });
    }
  };
  const stepKeys = Object.keys(stepSchema.shape);
  const steps = Array.isArray(raw.steps) ? raw.steps : [];
  steps.forEach((step, i) => {
    check(step, stepKeys, ['steps', i], `Step ${i + 1}`);
    const action = isRecord(step) ? step.action : undefined;
    if (!isRecord(action)) return;
    check(
      action,
      keysOfOption(actionSchema.options as unknown as z.ZodObject[], 'kind', action.kind),
      ['steps', i, 'action'],
      `The ${String(action.kind)} action of step ${i + 1}`,
    );
    const mounts = Array.isArray(action.mounts) ? action.mounts : [];
    mounts.forEach((mount, m) => {
      if (isRecord(mount))
        check(
          mount,
          keysOfOption(mountSchema.options as unknown as z.ZodObject[], 'type', mount.type),
          ['steps', i, 'action', 'mounts', m],
          `Mount ${m + 1} of step ${i + 1}`,
        );
    });
  });
  return out;
}
