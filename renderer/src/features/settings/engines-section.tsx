import { useState } from 'react';
import type { EngineChoice } from '@contract';
import { getApi } from '../../api';
import { useEngines } from '../../api/use-engines';
import { describeState, useDockerStatus } from '../../api/use-docker-status';
import { CheckIcon } from '../../ui/icons';
import { showToast } from '../../ui/toasts';
import { SavedEndpointForm } from './saved-endpoint-form';
import './engines-section.css';

const KIND_LABEL: Record<EngineChoice['kind'], string> = {
  context: 'docker context',
  DOCKER_HOST: 'DOCKER_HOST',
  setting: 'Docker host setting',
  saved: 'saved in Berth',
};

/**
 * Settings > Engines: every engine Berth can use (docker contexts, DOCKER_HOST, saved endpoints)
 * with the current one, a Use button per engine, and Berth's own endpoints to add and remove.
 */
export function EnginesSection() {
  const engines = useEngines();
  const status = useDockerStatus();
  const { tone, label } = describeState(status);
  const [busy, setBusy] = useState<string | null>(null);
  const list = engines.data;

  const act = async (key: string, work: () => Promise<unknown>, failure: string) => {
    setBusy(key);
    try {
      await work();
    } catch (error) {
      showToast({ tone: 'danger', key: 'engines-setting', title: failure, body: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="settings-h-engines" className="engines-section">
      <h3 id="settings-h-engines" className="settings-heading">
        Engines
      </h3>
      <p className="setting-description">
        Berth lists the docker contexts of {list ? <code>{list.configDir}</code> : 'your docker config'}, the engine named by{' '}
        <code>DOCKER_HOST</code> and the endpoints you save here. Switch from the status bar or with <em>Use</em>; Berth remembers the
        choice. Run history and storage history are kept per engine.
      </p>
      {!list ? (
        <p className="muted">{engines.error ? `The engines could not be listed: ${engines.error.message}` : 'Loading engines…'}</p>
      ) : (
        <ul className="engine-rows" aria-label="Engines">
          {list.choices.map((choice) => {
            const current = choice.id === list.currentId;
            return (
              <li key={choice.id} className={`engine-row${current ? ' is-current' : ''}`} data-engine={choice.id} aria-current={current || undefined}>
                <span className="engine-row-check" aria-hidden>
                  {current && <CheckIcon size={14} />}
                </span>
                <div className="engine-row-text">
                  <div className="engine-row-name">
                    <strong>{choice.name}</strong>
                    <span className="muted small">{KIND_LABEL[choice.kind]}</span>
                    {choice.cliCurrent && <span className="badge">docker CLI’s current</span>}
                    {choice.certDir && <span className="badge">TLS</span>}
                  </div>
                  <code className="engine-row-url">{choice.url || '—'}</code>
                  {choice.problem && <div className="setting-error">{choice.problem}</div>}
                  {current && (
                    <div className="engine-row-state small" role="status">
                      <span className={`status-dot dot-${tone}`} aria-hidden /> {label}
                      {status?.state !== 'connected' && status?.hint ? ` — ${status.hint}` : ''}
                    </div>
                  )}
                </div>
                <div className="engine-row-actions">
                  {current ? (
                    <span className="badge badge-ok">In use</span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-sm"
                      disabled={Boolean(choice.problem) || busy !== null}
                      aria-label={`Use ${choice.name}`}
                      onClick={() => void act(choice.id, () => getApi().call('engines.switch', { id: choice.id }), `Could not switch to ${choice.name}`)}
                    >
                      Use
                    </button>
                  )}
                  {choice.kind === 'saved' && (
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost"
                      disabled={busy !== null}
                      aria-label={`Remove ${choice.name}`}
                      onClick={() => void act(`remove:${choice.name}`, () => getApi().call('engines.removeEndpoint', { name: choice.name }), `Could not remove ${choice.name}`)}
                    >
                      Remove
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {list?.pinned && (
        <p className="small">
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => void act('automatic', () => getApi().call('engines.switch', { id: 'automatic' }), 'Could not switch back')}>
            Follow the docker CLI again
          </button>
        </p>
      )}
      <SavedEndpointForm taken={(list?.choices ?? []).filter((c) => c.kind === 'saved').map((c) => c.name)} />
    </section>
  );
}
