import { shell } from 'electron';
import { isAllowedExternalUrl } from '../app/host-capabilities';

/**
 * The one place Berth hands a URL to the operating system: only http, https and mailto pass,
 * everything else (file:, javascript:, smb:, custom schemes) is refused.
 */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}
