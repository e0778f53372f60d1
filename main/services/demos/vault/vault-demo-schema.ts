import { z } from 'zod';
import { demoSchema, demoTopicSchema } from '../demo-schema';

/**
 * A demo written inline in a student's note (a ```berth-demo fence whose body is YAML). The
 * same schema as the catalogue's, minus what only a shipped demo has: the id is optional
 * (scoped to the vault), the note is the note the block sits in, the summary defaults to the
 * title, and compose is not offered at all.
 */
export const vaultDemoSchema = demoSchema
  .omit({ id: true, note: true, summary: true, topic: true, requires: true })
  .extend({
    id: z
      .string()
      .regex(
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
        'use lower-case letters, digits and single dashes (e.g. "my-volume-test")',
      )
      .max(40)
      .optional(),
    summary: z.string().min(1).max(400).optional(),
    topic: demoTopicSchema.optional(),
    steps: demoSchema.shape.steps.max(30, 'a demo in a note may have at most 30 steps'),
  });
export type VaultDemoInput = z.infer<typeof vaultDemoSchema>;

/** Prefix of every vault demo's id, so it never collides with a catalogue id. */
export const VAULT_DEMO_PREFIX = 'vault-';
