import { useEffect } from 'react';
import type { Notice } from '@contract';
import { getApi, useEvent } from '../../api';
import { showToast } from '../../ui/toasts';

const TONE = { info: 'info', warning: 'warn', error: 'danger' } as const;
const TITLE = { info: 'Berth', warning: 'Berth recovered from a problem', error: 'Berth hit a problem' } as const;

function toast(notice: Notice) {
  showToast({ tone: TONE[notice.level], title: TITLE[notice.level], body: notice.message });
}

/** Shows the main process's notices as toasts: the ones raised before this window opened, then each new one. */
export function useSystemNotices(): void {
  useEffect(() => {
    getApi()
      .call('system.notices', {})
      .then((notices) => notices.forEach(toast))
      .catch(() => undefined);
  }, []);
  useEvent('system.notice', toast);
}
