import { z } from 'zod';
import { savedEndpointSchema } from '../../contract/engines';

/** Current version of the settings document; bump it and add a migration when the shape changes. */
export const SETTINGS_VERSION = 4;

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});

/** Everything Berth remembers between runs, apart from per-vault stores. */
export const settingsSchema = z.object({
  version: z.number().int(),
  theme: z.enum(['system', 'light', 'dark']),
  fontSize: z.number().int().min(10).max(28),
  /** Overrides DOCKER_HOST and the docker context when set. */
  dockerHost: z.string().max(2048),
  /** Demo image override; empty means the pinned default. */
  demoImage: z.string().max(512),
  lastVault: z.string().optional(),
  recentVaults: z.array(z.string()).max(20),
  /** Last open note per vault (vault real path -> note path). */
  lastNotes: z.record(z.string(), z.string()),
  /** Pane sizes in pixels, by pane id. */
  paneSizes: z.record(z.string(), z.number()),
  window: windowStateSchema.optional(),
  /** Page zoom factor of the UI (View > Zoom In/Out). */
  zoom: z.number().min(0.5).max(2),
  /** Show a system notification when a demo finishes while Berth is in the background. */
  notifyDemoFinished: z.boolean(),
  /** Panes the user collapsed (`sidebar`, `dock`). */
  hiddenPanes: z.array(z.enum(['sidebar', 'dock'])).max(2),
  /** Suggest demos under the headings of notes and flag misconceptions (issue 11). */
  demoSuggestions: z.boolean(),
  /** The engine picked in the status bar's switcher (`context:<name>`, `saved:<name>`, …); empty follows the docker CLI. */
  engine: z.string().max(300),
  /** Endpoints saved in Berth (Settings > Engines), listed next to the docker contexts. */
  savedEndpoints: z.array(savedEndpointSchema).max(50),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  version: SETTINGS_VERSION,
  theme: 'system',
  fontSize: 15,
  dockerHost: '',
  demoImage: '',
  recentVaults: [],
  lastNotes: {},
  paneSizes: {},
  zoom: 1,
  notifyDemoFinished: true,
  hiddenPanes: [],
  demoSuggestions: true,
  engine: '',
  savedEndpoints: [],
};

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** Migrations by the version they produce. */
export const settingsMigrations: Record<number, Migration> = {
  // Version 0 had no version field; everything else was compatible.
  1: (old) => ({ ...old, version: 1 }),
  // Version 2 added zoom, demo notifications and collapsible panes; the defaults fill them in.
  2: (old) => ({ ...old, version: 2 }),
  // Version 3 added demo suggestions (issue 11), on unless the user turns them off.
  3: (old) => ({ ...old, version: 3, demoSuggestions: typeof old.demoSuggestions === 'boolean' ? old.demoSuggestions : true }),
  // Version 4 added the engine switcher (issue 16): nothing picked, nothing saved.
  4: (old) => ({ ...old, version: 4 }),
};

/**
 * Brings a stored document to the current version and fills what is missing from the defaults.
 * Fields that fail validation fall back to their default one by one, so one bad value does not
 * lose the rest.
 */
export function normalizeSettings(raw: unknown): { settings: Settings; dropped: string[] } {
  let doc: Record<string, unknown> = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {};
  const from = typeof doc.version === 'number' ? doc.version : 0;
  for (let v = from + 1; v <= SETTINGS_VERSION; v++) {
    const migrate = settingsMigrations[v];
    if (migrate) doc = migrate(doc);
  }
  const dropped: string[] = [];
  const result: Record<string, unknown> = { ...defaultSettings };
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    if (!(key in doc)) continue;
    const parsed = shape[key].safeParse(doc[key]);
    if (parsed.success) result[key] = parsed.data;
    else dropped.push(key);
  }
  result.version = SETTINGS_VERSION;
  return { settings: settingsSchema.parse(result), dropped };
}
