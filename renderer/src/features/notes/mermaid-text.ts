// Pure helpers for mermaid diagrams: what to say about them. No DOM, no mermaid import; loaded with mermaid.
import { MERMAID_TIMEOUT_MS } from './mermaid-limits';

/** The notice for a diagram mermaid took too long to draw. */
export const MERMAID_TIMEOUT_MESSAGE = `Mermaid took longer than ${MERMAID_TIMEOUT_MS / 1000} s to draw this diagram. Its code is shown instead.`;

const KINDS: Readonly<Record<string, string>> = {
  flowchart: 'flowchart',
  'flowchart-v2': 'flowchart',
  'flowchart-elk': 'flowchart',
  graph: 'flowchart',
  sequence: 'sequence diagram',
  class: 'class diagram',
  classDiagram: 'class diagram',
  state: 'state diagram',
  stateDiagram: 'state diagram',
  er: 'entity relationship diagram',
  gantt: 'Gantt chart',
  pie: 'pie chart',
  journey: 'user journey',
  gitGraph: 'git graph',
  mindmap: 'mind map',
  timeline: 'timeline',
  architecture: 'architecture diagram',
  quadrantChart: 'quadrant chart',
  requirement: 'requirement diagram',
  sankey: 'Sankey diagram',
  xychart: 'XY chart',
  block: 'block diagram',
  packet: 'packet diagram',
  c4: 'C4 diagram',
};

/** Plain words for mermaid's diagram type (`flowchart-v2` → `flowchart`). */
export function diagramKind(type: string): string {
  return KINDS[type] ?? (type.replace(/-v\d+$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() || 'diagram');
}

const ALT_LIMIT = 300;

/**
 * The image's text alternative: `Mermaid flowchart: client, nginx, app, db` (its title when it
 * has one, else its labels in order, each once, cut at ~300 characters).
 */
export function diagramAlt(type: string, labels: readonly string[], title = ''): string {
  const head = `Mermaid ${diagramKind(type)}`;
  if (title.trim()) return `${head}: ${title.trim().slice(0, ALT_LIMIT)}`;
  const seen = new Set<string>();
  const words: string[] = [];
  let length = 0;
  for (const raw of labels) {
    const label = raw.replace(/\s+/g, ' ').trim();
    if (!label || seen.has(label)) continue;
    seen.add(label);
    if (length + label.length > ALT_LIMIT) {
      words.push('…');
      break;
    }
    words.push(label);
    length += label.length + 2;
  }
  return words.length ? `${head}: ${words.join(', ')}` : head;
}

interface ErrorLike {
  message?: unknown;
  hash?: { loc?: { first_line?: unknown }; line?: unknown; expected?: unknown; token?: unknown };
}

/** The 1-based line of `source` a mermaid parse error points at, if it says. */
export function errorLine(error: unknown): number | undefined {
  const e = (typeof error === 'object' && error ? error : {}) as ErrorLike;
  const first = e.hash?.loc?.first_line;
  if (typeof first === 'number' && first > 0) return first;
  if (typeof e.hash?.line === 'number') return e.hash.line + 1;
  const match = /\bline:?\s*(\d+)/i.exec(typeof e.message === 'string' ? e.message : String(error));
  return match ? Number(match[1]) : undefined;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Mermaid's (jison) token names students meet most, in the characters they stand for. */
const TOKENS: Readonly<Record<string, string>> = {
  PE: '“)”', PS: '“(”', SQE: '“]”', SQS: '“[”', CYLINDEREND: '“)]”', CYLINDERSTART: '“[(”',
  DIAMOND_STOP: '“}”', DIAMOND_START: '“{”', STADIUMEND: '“])”', SUBROUTINEEND: '“]]”', DOUBLECIRCLEEND: '“)))”',
  TAGEND: '“>”', SEMI: '“;”', COLON: '“:”', PIPE: '“|”', NEWLINE: 'the end of the line', EOF: 'the end of the diagram',
  NODE_STRING: 'a name', TEXT: 'text', UNICODE_TEXT: 'text', STR: 'a quoted label', LINK: 'an arrow (-->)', ARROW_POINT: 'an arrow',
  end: '“end”', AMP: '“&”', MINUS: '“-”', DIR: 'a direction',
};

const tokenWords = (token: string) => TOKENS[token.replace(/^'|'$/g, '')];

/** What a mermaid error says, in one short line without its caret drawing. */
function reason(error: unknown): string {
  const e = (typeof error === 'object' && error ? error : {}) as ErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (/No diagram type detected/i.test(message)) return 'the first line does not name a diagram type (e.g. flowchart LR, sequenceDiagram, classDiagram)';
  const expected = Array.isArray(e.hash?.expected) ? e.hash.expected.filter((x): x is string => typeof x === 'string') : [];
  const got = typeof e.hash?.token === 'string' ? e.hash.token : '';
  if (expected.length || got) {
    const wanted = [...new Set(expected.map(tokenWords).filter((words): words is string => Boolean(words)))].slice(0, 3);
    const found = tokenWords(got) ?? (got ? `“${got.replace(/^'|'$/g, '')}”` : 'something');
    return `found ${found}${wanted.length ? ` where mermaid expected ${wanted.join(' or ')}` : ' where mermaid did not expect it'}`;
  }
  // Jison's message: "Parse error on line 3:\n<code>\n----^\nExpecting …": its last line is the reason.
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  const last = lines.at(-1) ?? 'mermaid could not read it';
  return last.replace(/^Parse error on line \d+:?\s*/i, '').replace(/^Parsing failed:\s*/i, '') || 'mermaid could not read it';
}

/**
 * The message shown above a diagram mermaid cannot draw:
 * `This mermaid diagram has an error on line 3 (client -> ngin x): expected 'SEMI', …`.
 */
export function mermaidErrorMessage(error: unknown, source: string): string {
  const line = errorLine(error);
  const text = line ? source.split('\n')[line - 1]?.trim() : undefined;
  const where = line ? ` on line ${line}${text ? ` (${clip(text, 60)})` : ''}` : '';
  return `This mermaid diagram has an error${where}: ${clip(reason(error), 200)}`;
}
