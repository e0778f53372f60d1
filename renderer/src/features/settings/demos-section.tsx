import { useId, useState } from 'react';
import { useQuery } from '../../api';
import type { SectionProps } from './settings-dialog';
import { TextSetting } from './text-setting';
import { useSaveSetting } from './use-save-setting';
import { VaultTrustSetting } from './vault-trust-setting';

function browserPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** The demo image override and the demo-finished notification. */
export function DemosSection({ settings }: SectionProps) {
  const info = useQuery('system.info', {});
  const { save, error } = useSaveSetting();
  const notifyId = useId();
  const suggestId = useId();
  const [permission, setPermission] = useState(browserPermission);
  const web = info.data?.mode === 'web';
  return (
    <section aria-labelledby="settings-h-demos">
      <h3 id="settings-h-demos" className="settings-heading">
        Demos
      </h3>
      <TextSetting
        label="Demo image"
        field="demoImage"
        value={settings.demoImage}
        placeholder="Automatic: busybox:1.36.1 (pinned), else berth-busybox:1.36-local"
        description="The image demos run in. Leave empty for the pinned busybox, or Berth’s own local build of it when offline. A change applies the next time Berth starts."
      />
      <div className="setting">
        <div className="setting-check">
          <input id={suggestId} type="checkbox" checked={settings.demoSuggestions} onChange={(event) => void save({ demoSuggestions: event.target.checked })} />
          <label htmlFor={suggestId} className="setting-label">
            Suggest demos in notes
          </label>
        </div>
        <p className="setting-description">
          Under headings Berth has a demo for, show a “Prove it” card, and flag sentences its demos contradict. Shown beside the note, never written into
          it unless you choose “Add to note”.
        </p>
      </div>
      <div className="setting">
        <div className="setting-check">
          <input
            id={notifyId}
            type="checkbox"
            checked={settings.notifyDemoFinished}
            onChange={(event) => void save({ notifyDemoFinished: event.target.checked })}
          />
          <label htmlFor={notifyId} className="setting-label">
            Notify me when a demo finishes while Berth is in the background
          </label>
        </div>
        {web && settings.notifyDemoFinished && (
          <p className="setting-description">
            {permission === 'granted'
              ? 'Your browser will show the notification.'
              : permission === 'denied'
                ? 'Your browser blocks notifications for this page; Berth shows them inside the window instead.'
                : permission === 'unsupported'
                  ? 'This browser has no notifications; Berth shows them inside the window.'
                  : 'In web mode your browser shows them once you allow it.'}{' '}
            {permission === 'default' && (
              <button type="button" className="btn btn-sm" onClick={() => void Notification.requestPermission().then(setPermission)}>
                Allow browser notifications
              </button>
            )}
          </p>
        )}
      </div>
      <VaultTrustSetting />
      {error && (
        <p className="setting-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
