import { createHash } from 'node:crypto';
import { splitFrontmatter } from '../../vault/frontmatter';
import MarkdownIt from 'markdown-it';
import { MAX_NESTING } from '../../vault/markdown/create-markdown';
import { stripComments } from '../../vault/strip-comments';
import type { Demo } from '../demo-schema';
import { checkVaultDemoYaml, type CheckedVaultDemo } from './parse-vault-demo';
import { isVaultDemoInfo } from './vault-demo-fence';
import { VAULT_DEMO_PREFIX } from './vault-demo-schema';

/** One ```berth-demo block of a note that defines its demo inline. */
export interface NoteDemoBlock extends CheckedVaultDemo {
  /** Position among the note's inline demo blocks (0-based), as the reader numbers them. */
  index: number;
  /** Note line (1-based) of the opening fence. */
  line: number;
  /** The run id of this demo (`vault-…`), stable while the note path and block order stay. */
  demoId: string;
  /** The demo ready to run: set only when the block is valid and nothing was refused. */
  runnable?: Demo;
}

// The reader's block options (raw HTML on, same nesting limit): fences land where the reader
// finds them. Only blocks matter here, so the reader's inline plugins are left out.
const md = new MarkdownIt({ html: true });
(md.options as { maxNesting?: number }).maxNesting = MAX_NESTING;
md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes']);

/** Demo blocks at most this many per note are read (a hostile note cannot make thousands). */
export const MAX_DEMO_BLOCKS = 50;

function defaultDemoId(notePath: string, index: number): string {
  return `${VAULT_DEMO_PREFIX}${createHash('sha256').update(notePath).digest('hex').slice(0, 8)}-${index + 1}`;
}

/**
 * Finds and checks every inline demo block of a note, parsing the note the way the reader does
 * (front matter split, `%%comments%%` removed, markdown-it fences), so block numbers match the
 * rendered placeholders and lines are lines of the note file.
 */
export function noteDemoBlocks(notePath: string, text: string): NoteDemoBlock[] {
  const front = splitFrontmatter(text);
  const tokens = md.parse(stripComments(front.body), {});
  const blocks: NoteDemoBlock[] = [];
  for (const token of tokens) {
    if (token.type !== 'fence' || !isVaultDemoInfo(token.info)) continue;
    const index = blocks.length;
    if (index >= MAX_DEMO_BLOCKS) break;
    const line = front.lineOffset + (token.map?.[0] ?? 0) + 1;
    const checked = checkVaultDemoYaml(token.content, line + 1);
    const demoId = checked.demo?.id
      ? `${VAULT_DEMO_PREFIX}${checked.demo.id}`
      : defaultDemoId(notePath, index);
    const block: NoteDemoBlock = { index, line, demoId, ...checked };
    if (checked.demo && !checked.refusals.length) {
      const { id: _id, summary, topic, ...rest } = checked.demo;
      block.runnable = {
        ...rest,
        id: demoId,
        note: notePath,
        summary: summary ?? checked.demo.title,
        topic: topic ?? 'Runtime',
      };
    }
    blocks.push(block);
  }
  // Two blocks of one note with the same `id` would share a history: the second is an error.
  const seen = new Map<string, number>();
  for (const block of blocks) {
    const first = seen.get(block.demoId);
    if (first !== undefined) {
      block.problems.push({
        line: block.line,
        message: `Another demo block above (line ${first}) already uses the id "${block.demoId.slice(VAULT_DEMO_PREFIX.length)}"; give each demo its own id.`,
      });
      delete block.runnable;
    } else seen.set(block.demoId, block.line);
  }
  return blocks;
}
