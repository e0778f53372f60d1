import { useId, useState } from 'react';

/** One line of an error card: the note line (when known) and what is wrong there. */
export interface ErrorLine {
  line?: number;
  text: string;
  refused?: boolean;
}

/**
 * Shown instead of a Run card when a demo written in the note is invalid or asks for something
 * Berth refuses: each problem with its note line. The rest of the note renders as usual.
 */
export function VaultDemoErrorCard({
  title,
  lines,
  source,
  refused,
}: {
  title: string;
  lines: ErrorLine[];
  source: string;
  refused?: boolean;
}) {
  const [showSource, setShowSource] = useState(false);
  const sourceId = useId();
  return (
    <div
      className={`demo-card vault-demo-card vault-demo-error${refused ? ' is-refused' : ' is-invalid'}`}
      role="group"
      aria-label={title}
    >
      <div className="demo-card-kicker">
        <span className="demo-kicker-pill vault-demo-pill">
          {refused ? 'Refused' : 'Demo block'}
        </span>
        <span>written in this note</span>
      </div>
      <div className="demo-card-title">{title}</div>
      <ul className="vault-demo-problems">
        {lines.map((item, i) => (
          <li key={i} className={item.refused ? 'is-refused' : undefined}>
            {item.line !== undefined && <span className="vault-demo-line">Line {item.line}</span>}
            <span>{item.text}</span>
          </li>
        ))}
      </ul>
      {refused && (
        <p className="vault-demo-hint">
          Demos in notes may use the demo image and images they build, volumes, tmpfs, and folders
          inside their own run folder. Nothing was started.
        </p>
      )}
      {!refused && (
        <p className="vault-demo-hint">
          Fix the block in your note; it is checked again when you save. The format is in{' '}
          <code>docs/demo-format.md</code>; <code>npm run demo -- --check NOTE.md</code> checks it
          in a terminal.
        </p>
      )}
      {source && (
        <>
          <button
            type="button"
            className="btn btn-sm vault-demo-source-toggle"
            aria-expanded={showSource}
            aria-controls={sourceId}
            onClick={() => setShowSource((v) => !v)}
          >
            {showSource ? 'Hide the block' : 'Show the block'}
          </button>
          {showSource && (
            <pre id={sourceId} className="vault-demo-source">
              {source}
            </pre>
          )}
        </>
      )}
    </div>
  );
}
