import { z } from 'zod';
import { event, method, noParams } from './define';
import { savedEndpointSchema } from './engines';

export const settingsValueSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']),
  fontSize: z.number().int().min(10).max(28),
  dockerHost: z.string().max(2048),
  demoImage: z.string().max(512),
  lastVault: z.string().optional(),
  recentVaults: z.array(z.string()),
  lastNotes: z.record(z.string(), z.string()),
  paneSizes: z.record(z.string(), z.number()),
  zoom: z.number().min(0.5).max(2),
  notifyDemoFinished: z.boolean(),
  hiddenPanes: z.array(z.enum(['sidebar', 'dock'])),
  demoSuggestions: z.boolean(),
  engine: z.string(),
  savedEndpoints: z.array(savedEndpointSchema),
});
export type SettingsValue = z.infer<typeof settingsValueSchema>;

export const settingsPatchSchema = z
  .object({
    theme: z.enum(['system', 'light', 'dark']),
    fontSize: z.number().int().min(10).max(28),
    dockerHost: z
      .string()
      .max(2048)
      .refine((v) => v === '' || /^(unix|npipe|tcp|ssh|https?):\/\//.test(v), 'must start with unix://, npipe://, tcp:// or ssh://'),
    demoImage: z
      .string()
      .max(512)
      .refine((v) => v === '' || /^[a-z0-9][a-z0-9._/:@-]*$/i.test(v), 'must be an image reference such as busybox:1.36 (no spaces)'),
    paneSizes: z.record(z.string(), z.number().min(0).max(10000)),
    zoom: z.number().min(0.5).max(2),
    notifyDemoFinished: z.boolean(),
    hiddenPanes: z.array(z.enum(['sidebar', 'dock'])).max(2),
    demoSuggestions: z.boolean(),
  })
  .partial()
  .strict();

export const settingsMethods = {
  'settings.get': method('All settings.', noParams, settingsValueSchema),
  'settings.update': method('Changes some settings and returns all of them.', settingsPatchSchema, settingsValueSchema),
} as const;

export const settingsEvents = {
  'settings.changed': event('Settings changed (from any window).', settingsValueSchema),
} as const;
