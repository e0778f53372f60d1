import { useEffect, useState } from 'react';
import { CheckIcon, CopyIcon } from './icons';

/** A shell command shown as `$ command` with a copy button: the CLI equivalent of an action. */
export function CliLine({ command, label }: { command: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div className="cli-line">
      {label && <span className="cli-line-label">{label}</span>}
      <code className="cli-line-code">
        <span className="cli-line-prompt" aria-hidden>
          $
        </span>
        {command}
      </code>
      <button
        type="button"
        className="icon-btn cli-line-copy"
        aria-label={copied ? 'Copied' : `Copy: ${command}`}
        title={copied ? 'Copied' : 'Copy to clipboard'}
        onClick={() => {
          void navigator.clipboard?.writeText(command).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
      </button>
    </div>
  );
}
