import { AppCommand } from '@contract/app-menu';
import { useQuery } from '../../api';
import { runCommand } from '../commands';
import type { SectionProps } from './settings-dialog';

/** Where Berth keeps its settings and logs, with a way to open the logs. */
export function DataSection({ settings }: SectionProps) {
  const paths = useQuery('app.paths', {});
  return (
    <section aria-labelledby="settings-h-data">
      <h3 id="settings-h-data" className="settings-heading">
        Data &amp; logs
      </h3>
      <dl className="kv settings-paths">
        <dt>Settings file</dt>
        <dd>
          <code>{paths.data?.settingsFile ?? '…'}</code>
        </dd>
        <dt>Log file</dt>
        <dd>
          <code>{paths.data?.logFile ?? '…'}</code>
        </dd>
        <dt>Recent vaults</dt>
        <dd>{settings.recentVaults.length ? settings.recentVaults.map((v) => <code key={v}>{v}</code>) : <span className="faint">none yet</span>}</dd>
      </dl>
      <p className="setting-description">
        The log keeps Docker and connection errors for troubleshooting, without tokens or passwords. It rotates at 1 MB and keeps three old files.
      </p>
      <button type="button" className="btn" onClick={() => void runCommand(AppCommand.openLogs)}>
        Open Logs Folder
      </button>
    </section>
  );
}
