import { useState } from 'react';
import { useQuery } from '../../api';
import { CliLine } from '../../ui/cli-line';
import { RefreshIcon } from '../../ui/icons';

const TAILS = [50, 200, 1000];

/** The last lines a container printed, stderr marked, refreshed when containers change. */
export function ContainerLogsView({ id, name }: { id: string; name: string }) {
  const [tail, setTail] = useState(200);
  const logs = useQuery('containers.logs', { id, tail }, { invalidateOn: ['containers.changed'] });
  const lines = logs.data?.lines;
  return (
    <div className="rb-logs">
      <div className="rb-logs-toolbar">
        <label className="rb-inline-label">
          Last
          <select
            className="input rb-select"
            value={tail}
            onChange={(e) => setTail(Number(e.target.value))}
            aria-label="Number of log lines"
          >
            {TAILS.map((t) => (
              <option key={t} value={t}>
                {t} lines
              </option>
            ))}
          </select>
        </label>
        <span className="faint rb-logs-count">
          {lines ? `${lines.length} line${lines.length === 1 ? '' : 's'}` : ''}
        </span>
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          onClick={logs.refetch}
          disabled={logs.loading}
          aria-label="Refresh logs"
        >
          <RefreshIcon size={13} /> Refresh
        </button>
      </div>
      {logs.error && (
        <div className="inline-alert tone-danger" role="alert">
          {logs.error.message}
        </div>
      )}
      {lines && lines.length === 0 && (
        <div className="muted rb-pad">This container has printed nothing yet.</div>
      )}
      {lines && lines.length > 0 && (
        <pre className="rb-log-lines" aria-label={`Logs of ${name}`} tabIndex={0}>
          {lines.map((line, i) => (
            <span key={i} className={`rb-log-line stream-${line.stream}`}>
              {line.text}
              {'\n'}
            </span>
          ))}
        </pre>
      )}
      <CliLine command={`docker logs --tail ${tail} ${name}`} label="Same as" />
    </div>
  );
}
