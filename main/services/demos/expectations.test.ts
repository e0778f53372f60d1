import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExpectation, type ExpectationEnv, type StepResult } from './expectations';

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-expect-'));
fs.writeFileSync(path.join(workDir, 'here.txt'), 'x');
const env: ExpectationEnv = {
  expand: (t) => t.replace('{{var:name}}', 'alice'),
  vars: new Map([
    ['id', 'sha256:aaa'],
    ['size', '5000'],
  ]),
  workDir,
  containerState: async () => 'exited',
  eventSeen: async (type, action) => type === 'volume' && action === 'create',
};
const result: StepResult = { exitCode: 1, output: 'hello alice\nPermission denied', durationMs: 3100, value: 'sha256:aaa', count: 2 };

describe('checkExpectation', () => {
  it.each([
    [{ exitCode: 1 }, true],
    [{ exitCode: 0 }, false],
    [{ exitCodeNot: 0 }, true],
    [{ outputContains: 'hello {{var:name}}' }, true],
    [{ outputLacks: 'Permission denied' }, false],
    [{ count: 2 }, true],
    [{ hostFileExists: 'here.txt' }, true],
    [{ hostFileExists: '../../etc/passwd' }, false],
    [{ eventSeen: { type: 'volume', action: 'create' } }, true],
    [{ eventSeen: { type: 'network', action: 'create' } }, false],
    [{ durationOverMs: 2500 }, true],
    [{ durationUnderMs: 2000 }, false],
    [{ state: 'exited' as const }, true],
    [{ equalsVar: 'id' }, true],
    [{ differsFromVar: 'id' }, false],
    [{ equalsVar: 'never-captured' }, false],
  ])('%j -> %s', async (expectation, passed) => {
    expect((await checkExpectation(expectation, result, env)).passed).toBe(passed);
  });

  it('reports the expected and the actual', async () => {
    const verdict = await checkExpectation({ exitCode: 0 }, result, env);
    expect(verdict).toEqual({ label: 'exit code', passed: false, expected: '0', actual: '1' });
    const size = await checkExpectation({ lessThanVar: 'size' }, { ...result, value: '4000' }, env);
    expect(size.passed).toBe(true);
    const dur = await checkExpectation({ durationUnderMs: 2000 }, result, env);
    expect(dur.actual).toBe('3100 ms');
  });
});
