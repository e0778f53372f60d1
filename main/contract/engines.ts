import { z } from 'zod';
import { event, method, noParams } from './define';

/** Where an engine choice comes from. */
export const engineChoiceKindSchema = z.enum(['context', 'DOCKER_HOST', 'setting', 'saved']);
export type EngineChoiceKind = z.infer<typeof engineChoiceKindSchema>;

/** URLs Berth can connect to, as a saved endpoint accepts them. */
export const endpointUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter the engine’s URL')
  .max(2048)
  .refine((v) => /^(unix|npipe|tcp|ssh):\/\/\S+$/.test(v), 'must start with unix://, npipe://, tcp:// or ssh:// (for example unix:///run/podman/podman.sock)');

/** One engine a person can switch to: a docker context, DOCKER_HOST, the Docker host setting, or a saved endpoint. */
export const engineChoiceSchema = z.object({
  /** Stable id: `context:<name>`, `env:DOCKER_HOST`, `setting:dockerHost`, `saved:<name>`. */
  id: z.string(),
  kind: engineChoiceKindSchema,
  name: z.string(),
  /** The endpoint URL; empty when it could not be read. */
  url: z.string(),
  /** A short line about it: the context's description, "from DOCKER_HOST", "saved in Berth". */
  description: z.string().optional(),
  /** Uses TLS client certificates (from this folder). */
  certDir: z.string().optional(),
  /** The docker CLI's own current context. */
  cliCurrent: z.boolean(),
  /** Why it cannot be used, e.g. a context whose meta.json is unreadable. */
  problem: z.string().optional(),
});
export type EngineChoice = z.infer<typeof engineChoiceSchema>;

export const engineListSchema = z.object({
  choices: z.array(engineChoiceSchema),
  /** The choice Berth uses now. */
  currentId: z.string(),
  /** False when Berth follows the docker CLI (nothing picked in Berth). */
  pinned: z.boolean(),
  /** Key of the engine in use now (its endpoint URL): run history and storage history are kept per key. */
  engineKey: z.string(),
  /** The key of the engine Berth uses when nothing is picked; history from before engines were told apart shows there. */
  defaultKey: z.string(),
  /** The docker CLI's config folder the contexts were read from. */
  configDir: z.string(),
});
export type EngineList = z.infer<typeof engineListSchema>;

const savedName = z
  .string()
  .trim()
  .min(1, 'Give the endpoint a name')
  .max(64)
  .refine((v) => /^[\w.@ -]+$/.test(v), 'may use letters, digits, spaces, dots, dashes, @ and _');

export const savedEndpointSchema = z.object({
  name: savedName,
  url: endpointUrlSchema,
  /** Folder with ca.pem, cert.pem and key.pem for TLS (tcp://). */
  certDir: z.string().trim().max(1024).optional(),
});
export type SavedEndpoint = z.infer<typeof savedEndpointSchema>;

export const enginesMethods = {
  'engines.list': method(
    'The engines Berth can use: docker contexts, DOCKER_HOST, the Docker host setting and endpoints saved in Berth, with the current one.',
    noParams,
    engineListSchema,
  ),
  'engines.switch': method(
    'Switches Berth to another engine (or back to following the docker CLI with `automatic`) and remembers the choice.',
    z.object({ id: z.string().min(1).max(300) }).strict(),
    engineListSchema,
  ),
  'engines.saveEndpoint': method(
    'Saves (or replaces, by name) an endpoint in Berth’s own list.',
    savedEndpointSchema.strict(),
    engineListSchema,
  ),
  'engines.removeEndpoint': method(
    'Removes a saved endpoint; if Berth was using it, Berth goes back to following the docker CLI.',
    z.object({ name: z.string().min(1).max(64) }).strict(),
    engineListSchema,
  ),
} as const;

export const enginesEvents = {
  'engines.changed': event(
    'The engine in use or the list of engines changed; re-query engines.list (and everything shown from the engine).',
    z.object({ currentId: z.string(), engineKey: z.string(), at: z.number() }),
  ),
} as const;
