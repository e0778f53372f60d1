import { useState } from 'react';
import type { VaultDemo } from '@contract';
import { getApi, useQuery } from '../../api';
import { PlayIcon } from '../../ui/icons';
import { RunView } from './run-view';
import { cancelRun, isActive, rememberRun, useLatestRunId, useRun } from './runs-store';
import { VaultDemoErrorCard } from './vault-demo-error-card';
import { VaultTrustDialog } from './vault-trust-dialog';
import './vault-demos.css';

/**
 * The card a demo written in the note itself (```berth-demo with a YAML body) becomes: the
 * main process re-reads and checks the block; an invalid or refused one shows what is wrong and
 * where; a good one runs like a catalogue demo, after the vault was trusted once.
 */
export function VaultDemoCard({
  notePath,
  index,
  source,
}: {
  notePath: string;
  index: number;
  source: string;
}) {
  const list = useQuery(
    'vaultDemos.list',
    { path: notePath },
    { invalidateOn: ['vault.changed', 'vaultDemos.trustChanged'] },
  );
  const demo = list.data?.demos.find((d) => d.index === index);
  if (list.error)
    return (
      <VaultDemoErrorCard
        title="This demo could not be read"
        lines={[{ text: list.error.message }]}
        source={source}
      />
    );
  if (!list.data)
    return (
      <div className="demo-card vault-demo-card is-loading" aria-busy="true">
        Checking the demo written here…
      </div>
    );
  if (!demo)
    return (
      <VaultDemoErrorCard
        title="This demo block changed"
        lines={[{ text: 'The note changed on disk; it is being read again.' }]}
        source={source}
      />
    );
  if (demo.status !== 'ready') {
    const lines = [
      ...demo.refusals.map((r) => ({ line: r.line, text: r.reason, refused: true })),
      ...demo.problems.map((p) => ({ line: p.line, text: p.message })),
    ].sort((a, b) => a.line - b.line);
    return (
      <VaultDemoErrorCard
        title={
          demo.status === 'refused'
            ? `Berth will not run ${demo.title ? `“${demo.title}”` : 'this demo'}`
            : `This demo block has ${lines.length === 1 ? 'a problem' : `${lines.length} problems`}`
        }
        refused={demo.status === 'refused'}
        lines={lines}
        source={source}
      />
    );
  }
  return (
    <ReadyCard
      notePath={notePath}
      demo={demo}
      trusted={list.data.trusted}
      vaultPath={list.data.vaultPath}
    />
  );
}

function ReadyCard({
  notePath,
  demo,
  trusted,
  vaultPath,
}: {
  notePath: string;
  demo: VaultDemo;
  trusted: boolean;
  vaultPath: string;
}) {
  const latestId = useLatestRunId(demo.demoId);
  const run = useRun(latestId);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const active = isActive(run);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      rememberRun(await getApi().call('vaultDemos.start', { path: notePath, index: demo.index }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="demo-card vault-demo-card"
      data-vault-demo={demo.demoId}
      aria-label={`Demo: ${demo.title ?? demo.demoId}`}
      role="group"
    >
      <div className="demo-card-top">
        <div className="demo-card-text">
          <div className="demo-card-kicker">
            <span className="demo-kicker-pill vault-demo-pill">Your demo</span>
            <span>written in this note</span>
            <span>· {demo.steps.length} steps</span>
          </div>
          <div className="demo-card-title">{demo.title}</div>
          {demo.summary && <p className="demo-card-caption">{demo.summary}</p>}
        </div>
        <div className="demo-run-button">
          {active && run ? (
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => void cancelRun(run.runId).catch((e: unknown) => setError(String(e)))}
            >
              <span className="demo-stop-square" aria-hidden="true" /> Cancel
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => (trusted ? void start() : setAsking(true))}
            >
              <PlayIcon size={14} /> {run ? 'Run again' : 'Run demo'}
            </button>
          )}
        </div>
      </div>
      {error && (
        <div className="demo-start-error" role="alert">
          {error}
        </div>
      )}
      {run && <RunView run={run} compact />}
      {asking && (
        <VaultTrustDialog
          demo={demo}
          vaultPath={vaultPath}
          onClose={() => setAsking(false)}
          onTrusted={() => {
            setAsking(false);
            void start();
          }}
        />
      )}
    </div>
  );
}
