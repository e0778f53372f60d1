import { z } from 'zod';
import { demoRunRecordSchema } from './demos';
import { event, method, noParams } from './define';

const notePath = z.string().min(1).max(1000);

const lineProblemSchema = z.object({ line: z.number().int(), message: z.string() });
const lineRefusalSchema = z.object({ line: z.number().int(), reason: z.string() });

/** A demo written inline in a note (a ```berth-demo block whose body is YAML), checked. */
export const vaultDemoSchema = z.object({
  /** Position among the note's inline demo blocks, 0-based (the placeholder's `data-vault-demo-index`). */
  index: z.number().int(),
  /** Note line of the opening fence (1-based). */
  line: z.number().int(),
  /** The id its runs carry (`vault-…`), for the run history. */
  demoId: z.string(),
  /** `ready` to run; `invalid` (YAML or schema problems); `refused` (asks for something Berth never does). */
  status: z.enum(['ready', 'invalid', 'refused']),
  title: z.string().optional(),
  summary: z.string().optional(),
  /** Every step with its `docker` command, shown before the first run of a vault's demo. */
  steps: z.array(z.object({ title: z.string(), explain: z.string().optional(), cli: z.string() })),
  problems: z.array(lineProblemSchema),
  refusals: z.array(lineRefusalSchema),
});
export type VaultDemo = z.infer<typeof vaultDemoSchema>;

export const trustedVaultSchema = z.object({ path: z.string(), grantedAt: z.number() });
export type TrustedVault = z.infer<typeof trustedVaultSchema>;

export const vaultDemosMethods = {
  'vaultDemos.list': method(
    'The inline demos of a note of the open vault (re-read from disk and checked), and whether the vault is trusted to run them.',
    z.object({ path: notePath }).strict(),
    z.object({ vaultPath: z.string(), trusted: z.boolean(), demos: z.array(vaultDemoSchema) }),
  ),
  'vaultDemos.start': method(
    "Starts a note's inline demo (the note is re-read and re-checked; the vault must be trusted). Progress comes as demos.run events.",
    z.object({ path: notePath, index: z.number().int().min(0).max(1000) }).strict(),
    demoRunRecordSchema,
  ),
  'vaultDemos.trust': method(
    'Trusts the open vault to run the demos written in its notes (asked once per vault).',
    noParams,
    trustedVaultSchema,
  ),
  'vaultDemos.trusted': method(
    'The vaults trusted to run their own demos.',
    noParams,
    z.object({ vaults: z.array(trustedVaultSchema) }),
  ),
  'vaultDemos.revoke': method(
    'Stops trusting a vault: its demos ask again before the next run.',
    z.object({ vaultPath: z.string().min(1).max(4096) }).strict(),
    z.object({ revoked: z.boolean(), vaults: z.array(trustedVaultSchema) }),
  ),
} as const;

export const vaultDemosEvents = {
  'vaultDemos.trustChanged': event(
    'A vault was trusted or its trust revoked; re-query vaultDemos.trusted / vaultDemos.list.',
    z.object({ at: z.number() }),
  ),
} as const;
