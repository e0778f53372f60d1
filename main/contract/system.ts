import { z } from 'zod';
import { event, method, noParams } from './define';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'web']),
  platform: z.string(),
  /** Present in web mode: why the desktop shell was not used. */
  modeReason: z.string().optional(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const noticeSchema = z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string() });
export type Notice = z.infer<typeof noticeSchema>;

export const systemMethods = {
  'system.info': method('Name, version and mode (electron or web) of the running Berth.', noParams, appInfoSchema),
  'system.openExternal': method(
    'Opens an http(s) or mailto link in the system browser.',
    z.object({ url: z.string().max(4096) }).strict(),
    z.object({ opened: z.boolean() }),
  ),
  'system.notices': method(
    'Notices the main process raised since it started (newest last), including those from before any window listened.',
    noParams,
    z.array(noticeSchema.extend({ at: z.number() })),
  ),
} as const;

export const systemEvents = {
  'system.notice': event(
    'A message for the user from the main process (e.g. a recovered store).',
    noticeSchema,
  ),
} as const;
