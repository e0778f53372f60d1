import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  type Document,
  type Node,
} from 'yaml';
import { describeIssue } from './describe-issue';
import { unknownKeyProblems } from './unknown-keys';
import {
  checkVaultDemoPolicy,
  type LineFinder,
  type PolicyRefusal,
  type YamlPath,
} from './vault-demo-policy';
import { vaultDemoSchema, type VaultDemoInput } from './vault-demo-schema';

/** A problem with a demo block, at a line of the note (1-based). */
export interface DemoProblem {
  line: number;
  message: string;
}

/** What checking one demo block found. A block is runnable only with a `demo` and no refusals. */
export interface CheckedVaultDemo {
  demo?: VaultDemoInput;
  /** The YAML does not parse or does not fit the demo schema. */
  problems: DemoProblem[];
  /** Things Berth will not do whatever the YAML says. */
  refusals: PolicyRefusal[];
}

/** Demo blocks longer than this are not parsed at all. */
export const VAULT_DEMO_MAX_CHARS = 32 * 1024;
/** YAML anchors/aliases expanded at most this many times (stops "billion laughs"). */
const MAX_ALIASES = 50;

function valueAt(doc: Document, path: YamlPath): { node: Node | null; key: Node | null } {
  let node: unknown = doc.contents;
  let key: Node | null = null;
  let best: Node | null = (doc.contents as Node | null) ?? null;
  for (const part of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find(
        (item) =>
          isPair(item) &&
          (isScalar(item.key)
            ? String(item.key.value) === String(part)
            : String(item.key) === String(part)),
      );
      if (!pair) break;
      key = (pair.key as Node | null) ?? key;
      node = pair.value;
      best = (pair.value as Node | null) ?? key ?? best;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      if (!node) break;
      best = node as Node;
      key = null;
    } else break;
  }
  return { node: best, key };
}

function lineFinder(doc: Document, counter: LineCounter, firstLine: number): LineFinder {
  const lineAtOffset = (offset: number | undefined) =>
    offset === undefined ? firstLine : firstLine + counter.linePos(offset).line - 1;
  return {
    lineOf: (path) => {
      const { node, key } = valueAt(doc, path);
      // A key's own line reads better than its value's for mappings and lists.
      const target = key && (isMap(node) || isSeq(node) || node === null) ? key : node;
      return lineAtOffset(target?.range?.[0]);
    },
    lineInText: (path, textLine) => {
      const { node } = valueAt(doc, path);
      const start = lineAtOffset(node?.range?.[0]);
      const block =
        isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
      return start + textLine - (block ? 0 : 1);
    },
  };
}

/**
 * Parses and checks the YAML body of a ```berth-demo block: YAML errors, the demo schema (the
 * catalogue's, see `vault-demo-schema.ts`), unknown keys, and the vault policy. `firstLine` is
 * the note line (1-based) of the body's first line, so every problem names a note line.
 */
export function checkVaultDemoYaml(text: string, firstLine: number): CheckedVaultDemo {
  if (text.length > VAULT_DEMO_MAX_CHARS) {
    return {
      problems: [
        {
          line: firstLine,
          message: `This demo block is ${Math.round(text.length / 1024)} kB long; a demo in a note may be at most ${VAULT_DEMO_MAX_CHARS / 1024} kB.`,
        },
      ],
      refusals: [],
    };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: counter,
    prettyErrors: true,
    uniqueKeys: true,
    strict: true,
    stringKeys: true,
  });
  const lines = lineFinder(doc, counter, firstLine);
  if (doc.errors.length) {
    return {
      problems: doc.errors.slice(0, 5).map((error) => ({
        line: firstLine + (error.linePos?.[0].line ?? 1) - 1,
        message: `YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
      refusals: [],
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const why =
      error instanceof Error && /alias/i.test(error.message)
        ? `it repeats YAML anchors (*aliases) too often; write the steps out.`
        : error instanceof Error
          ? error.message
          : String(error);
    return {
      problems: [{ line: firstLine, message: `This demo block cannot be read: ${why}` }],
      refusals: [],
    };
  }
  if (raw === null || raw === undefined)
    return {
      problems: [
        {
          line: firstLine,
          message:
            'This demo block is empty; write a title and steps in YAML (see docs/demo-format.md).',
        },
      ],
      refusals: [],
    };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      problems: [
        {
          line: firstLine,
          message:
            'A demo block is a YAML mapping ("title:", "steps:" …), not a single value or a list.',
        },
      ],
      refusals: [],
    };
  }
  const refusals = checkVaultDemoPolicy(raw, lines);
  const problems: DemoProblem[] = unknownKeyProblems(raw as Record<string, unknown>).map((p) => ({
    line: lines.lineOf(p.path),
    message: p.message,
  }));
  const parsed = vaultDemoSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const value = issue.path.reduce<unknown>(
        (at, part) =>
          at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[part] : undefined,
        raw,
      );
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const keyPath =
        issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path;
      problems.push({ line: lines.lineOf(keyPath), message: describeIssue(issue, value) });
    }
  }
  // Keys the policy refused are not also reported as unknown.
  const refusedLines = new Set(refusals.map((r) => r.line));
  const shown = problems.filter(
    (p) => !(refusedLines.has(p.line) && /unknown key/.test(p.message)),
  );
  const unique = shown
    .filter((p, i) => shown.findIndex((q) => q.line === p.line && q.message === p.message) === i)
    .sort((a, b) => a.line - b.line);
  return {
    ...(parsed.success && !unique.length ? { demo: parsed.data } : {}),
    problems: unique,
    refusals,
  };
}
