import { RpcFailure } from '../../contract';
import type { HandlersFor } from '../../rpc/router';
import type { NoticeBoard } from '../../services/logging/notice-board';
import { isAllowedExternalUrl, type HostCapabilities } from '../host-capabilities';

/** Handlers for `system.*`. */
export function systemHandlers(host: HostCapabilities, version: string, notices: NoticeBoard): HandlersFor<'system'> {
  return {
    'system.info': () => ({
      name: 'Berth',
      version,
      mode: host.mode,
      platform: process.platform,
      ...(host.modeReason ? { modeReason: host.modeReason } : {}),
    }),
    'system.openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new RpcFailure('forbidden', `Berth only opens http, https and mailto links, not "${url.slice(0, 60)}".`);
      }
      await host.openExternal(url);
      return { opened: true };
    },
    'system.notices': () => notices.recent(),
  };
}
