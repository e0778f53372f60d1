import { AppCommand, helpLinks } from '@contract/app-menu';
import { useQuery } from '../../api';
import { BerthLogo } from '../../ui/icons';
import { runCommand } from './command-registry';
import { Dialog } from '../../ui/dialog';

/** Help > About Berth: version, where it runs, where its data lives. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const info = useQuery('system.info', {});
  const paths = useQuery('app.paths', {});
  const docker = useQuery('docker.status', {}, { invalidateOn: ['docker.status'] });
  const data = info.data;
  return (
    <Dialog
      title="About Berth"
      onClose={onClose}
      className="about-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={() => void runCommand(AppCommand.openLogs)}>
            Open Logs Folder
          </button>
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <div className="about-hero">
        <BerthLogo size={64} />
        <div>
          <h3>Berth</h3>
          <p className="muted">A desktop companion for learning Docker: your notes beside what the daemon really does.</p>
        </div>
      </div>
      <dl className="kv about-facts">
        <dt>Version</dt>
        <dd data-testid="about-version">{data?.version ?? '…'}</dd>
        <dt>Running as</dt>
        <dd>
          {data ? (data.mode === 'web' ? 'Web mode (in your browser)' : 'Desktop app') : '…'}
          {data?.modeReason && <span className="faint"> — {data.modeReason}</span>}
        </dd>
        <dt>Platform</dt>
        <dd>{data?.platform ?? '…'}</dd>
        <dt>Docker</dt>
        <dd>{docker.data ? `${docker.data.message} (${docker.data.host})` : '…'}</dd>
        <dt>Data</dt>
        <dd>
          <code>{paths.data?.userData ?? '…'}</code>
        </dd>
        <dt>Log file</dt>
        <dd>
          <code>{paths.data?.logFile ?? '…'}</code>
        </dd>
      </dl>
      <p className="small faint">
        Docker documentation:{' '}
        <a
          href={helpLinks[AppCommand.docsDocker]}
          onClick={(event) => {
            event.preventDefault();
            void runCommand(AppCommand.docsDocker);
          }}
        >
          docs.docker.com
        </a>
      </p>
    </Dialog>
  );
}
