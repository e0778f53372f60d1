import { useDockerStatus, describeState } from '../../api/use-docker-status';
import type { SectionProps } from './settings-dialog';
import { TextSetting } from './text-setting';

const sourceLabels = { settings: 'this setting', DOCKER_HOST: 'the DOCKER_HOST variable', context: 'the current docker context', default: 'the default socket' } as const;

/** The Docker host override, with the live connection it results in. */
export function DockerSection({ settings }: SectionProps) {
  const status = useDockerStatus();
  const { tone, label } = describeState(status);
  return (
    <section aria-labelledby="settings-h-docker">
      <h3 id="settings-h-docker" className="settings-heading">
        Docker
      </h3>
      <TextSetting
        label="Docker host"
        field="dockerHost"
        value={settings.dockerHost}
        placeholder="Automatic (DOCKER_HOST, docker context, default socket)"
        description={
          <>
            Leave empty to find Docker like the <code>docker</code> CLI does. Otherwise a URL such as <code>unix:///var/run/docker.sock</code>,{' '}
            <code>tcp://192.168.1.20:2375</code> or <code>ssh://me@server</code>.
          </>
        }
      >
        <div className={`connection-card tone-${tone}`} role="status" aria-live="polite" data-state={status?.state ?? 'connecting'}>
          <span className={`status-dot dot-${tone}`} aria-hidden />
          <div>
            <strong>{label}</strong>
            <div className="small muted">
              {status ? (
                <>
                  <code>{status.host}</code> — from {sourceLabels[status.source]}
                  {status.context ? ` (${status.context})` : ''}
                </>
              ) : (
                'Checking…'
              )}
            </div>
            {status?.hint && <div className="small">{status.hint}</div>}
          </div>
        </div>
      </TextSetting>
    </section>
  );
}
