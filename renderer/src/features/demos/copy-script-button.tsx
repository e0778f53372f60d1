import { useState } from 'react';
import { getApi } from '../../api';

/** "Copy all as script": the demo as a bash script that reproduces it and removes what it made. */
export function CopyScriptButton({ demoId }: { demoId: string }) {
  const [state, setState] = useState<'idle' | 'copied' | string>('idle');
  return (
    <span className="demo-copy-script">
      <button
        type="button"
        className="btn btn-sm btn-ghost"
        title="Copy every command of this demo as one bash script (it removes what it creates when it ends)"
        onClick={() => {
          void getApi()
            .call('demos.script', { demoId })
            .then(({ script }) => navigator.clipboard.writeText(script))
            .then(() => {
              setState('copied');
              window.setTimeout(() => setState('idle'), 1500);
            })
            .catch((e: unknown) =>
              setState(`Could not copy the script: ${e instanceof Error ? e.message : String(e)}`),
            );
        }}
      >
        {state === 'copied' ? 'Copied script' : 'Copy all as script'}
      </button>
      {state !== 'idle' && state !== 'copied' && (
        <span className="demo-copy-script-error" role="alert">
          {state}
        </span>
      )}
    </span>
  );
}
