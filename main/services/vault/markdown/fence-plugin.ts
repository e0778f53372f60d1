import type MarkdownIt from 'markdown-it';
import { isVaultDemoInfo } from '../../demos/vault/vault-demo-fence';
import { highlighterFor } from './code-highlighter';
import { isDiagramLanguage, renderDiagramFence } from './diagram-fence';
import { attributes, escapeHtml } from './html-escape';
import { asRenderEnv } from './render-env';
import { renderVaultDemoPlaceholder } from './vault-demo-placeholder';

/** Code above this size is shown without highlighting, to keep huge notes fast. */
const HIGHLIGHT_LIMIT = 100_000;
const DEMO_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

/** The placeholder a `berth-demo <id>` fence becomes; the demos feature mounts its Run card into it. */
export function renderDemoCard(demoId: string, caption: string): string {
  return `<div${attributes({ class: 'berth-demo-card', 'data-demo-id': demoId })}><div class="berth-demo-caption">${escapeHtml(caption.trim())}</div></div>\n`;
}

function highlight(code: string, language: string): string {
  try {
    const hljs = code.length <= HIGHLIGHT_LIMIT && language ? highlighterFor(language) : undefined;
    if (hljs) return hljs.highlight(code, { language, ignoreIllegals: true }).value;
  } catch {
    // Fall through to plain text: a highlighter that fails to load or throws must never hide the code.
  }
  return escapeHtml(code);
}

/**
 * Fenced code with highlight.js; `berth-demo <id>` blocks and inline YAML demos as demo card
 * placeholders; diagram fences (mermaid) marked for the reader.
 */
export function fencePlugin(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, idx, _options, env) => {
    const token = tokens[idx];
    if (!token) return '';
    const info = token.info.trim();
    const [language = '', ...rest] = info.split(/\s+/);
    if (language === 'berth-demo') {
      if (isVaultDemoInfo(info)) return renderVaultDemoPlaceholder(asRenderEnv(env), token.content);
      const demoId = rest[0] ?? '';
      if (!DEMO_ID.test(demoId)) {
        return `<div class="berth-demo-card is-invalid"><div class="berth-demo-caption">This demo block has no valid id (write \`\`\`berth-demo &lt;id&gt;).</div></div>\n`;
      }
      return renderDemoCard(demoId, token.content);
    }
    const lang = language.toLowerCase();
    if (isDiagramLanguage(lang)) return renderDiagramFence(lang, token.content);
    const cls = lang ? `hljs language-${lang.replace(/[^a-z0-9_+-]/g, '')}` : 'hljs';
    return `<pre${attributes({ class: 'code-block', 'data-lang': lang || undefined })}><code class="${escapeHtml(cls)}">${highlight(token.content, lang)}</code></pre>\n`;
  };
}
