import { attributes, escapeHtml } from './html-escape';
import type { RenderEnv } from './render-env';

/** Counter of inline demo blocks on a note's render env (numbers match `noteDemoBlocks`). */
const COUNTER = 'vaultDemoCount';

/**
 * The placeholder a ```berth-demo block with a YAML body becomes: numbered in note order, with
 * the note's path, and the YAML shown as code until the demos feature mounts its card (export
 * keeps the code). In an embed the number would not match the embedded note, so it only shows.
 */
export function renderVaultDemoPlaceholder(env: RenderEnv, yaml: string): string {
  const code = `<pre class="code-block" data-lang="yaml"><code class="hljs language-yaml">${escapeHtml(yaml)}</code></pre>`;
  if (env.embedded) {
    return `<div class="berth-vault-demo-source"><div class="berth-demo-caption">A demo written in ${escapeHtml(env.sourcePath)}; open that note to run it.</div>${code}</div>\n`;
  }
  const index = typeof env[COUNTER] === 'number' ? env[COUNTER] : 0;
  env[COUNTER] = index + 1;
  return `<div${attributes({ class: 'berth-demo-card berth-vault-demo', 'data-vault-demo-index': String(index), 'data-note-path': env.sourcePath })}>${code}</div>\n`;
}
