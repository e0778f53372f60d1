import { z } from 'zod';
import { event, method, noParams } from './define';

export * from './app-menu';

export const appPathsSchema = z.object({
  userData: z.string(),
  logsFolder: z.string(),
  logFile: z.string(),
  settingsFile: z.string(),
});
export type AppPaths = z.infer<typeof appPathsSchema>;

export const appMethods = {
  'app.paths': method('Where Berth keeps its data, settings and logs.', noParams, appPathsSchema),
  'app.openLogsFolder': method(
    'Opens the logs folder in the file manager (desktop); in web mode only returns where it is.',
    noParams,
    z.object({ path: z.string(), opened: z.boolean() }),
  ),
  'app.setAvailableCommands': method(
    'The renderer tells the native menu which commands are registered, so the others show disabled.',
    z.object({ commands: z.array(z.string().max(200)).max(500) }).strict(),
    z.object({ ok: z.literal(true) }),
  ),
} as const;

export const appEvents = {
  'app.command': event(
    'Run a renderer command (from the native menu, a second launch or the dock). `arg` is an optional argument, e.g. a vault path.',
    z.object({ id: z.string().max(200), arg: z.string().max(4096).optional() }),
  ),
} as const;
