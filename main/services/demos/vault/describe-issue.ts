import type { z } from 'zod';

/** The expectation keys a step's `expect` list may use, for readable messages. */
const EXPECTATION_KEYS = [
  'exitCode',
  'exitCodeNot',
  'outputContains',
  'outputLacks',
  'count',
  'hostFileExists',
  'eventSeen',
  'durationUnderMs',
  'durationOverMs',
  'state',
  'equalsVar',
  'differsFromVar',
  'lessThanVar',
];

/** "steps › 2 › action › kind" for people (step numbers count from 1). */
export function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  path.forEach((part, i) => {
    if (typeof part === 'number')
      parts.push(path[i - 1] === 'steps' ? `step ${part + 1}` : `#${part + 1}`);
    else parts.push(String(part));
  });
  return parts.filter((p, i) => !(p === 'steps' && typeof path[i + 1] === 'number')).join(' › ');
}

/** One zod issue as a sentence a student understands. */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const where = describePath(issue.path);
  const at = where ? `${where}: ` : '';
  switch (issue.code) {
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        const shown = typeof value === 'string' ? `"${value}"` : 'missing';
        return `${at}${shown} is not an action kind; use one of ${options.join(', ')}.`;
      }
      if (issue.path.includes('expect'))
        return `${at}not an expectation Berth knows; use one of ${EXPECTATION_KEYS.join(', ')} (one per item).`;
      return `${at}does not match any allowed form.`;
    }
    case 'invalid_type':
      return value === undefined
        ? `${at}is required (${issue.expected}).`
        : `${at}should be ${article(issue.expected)}, not ${typeName(value)}.`;
    case 'unrecognized_keys':
      return `${at}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling).`;
    case 'invalid_value':
      return `${at}${JSON.stringify(value)} is not allowed; use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'too_small':
      return `${at}${issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item(s)` : issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}`}.`;
    case 'too_big':
      return `${at}${issue.message && !issue.message.startsWith('Too big') ? issue.message : issue.origin === 'string' ? `is longer than ${String(issue.maximum)} characters` : issue.origin === 'array' ? `has more than ${String(issue.maximum)} items` : `must be at most ${String(issue.maximum)}`}.`;
    default:
      return `${at}${issue.message}.`.replace(/\.\.$/, '.');
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping (key: value lines)';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
