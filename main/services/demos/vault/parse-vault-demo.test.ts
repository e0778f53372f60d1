import { describe, expect, it } from 'vitest';
import { checkVaultDemoYaml, VAULT_DEMO_MAX_CHARS } from './parse-vault-demo';

const lines = (...rows: string[]) => rows.join('\n');

describe('checkVaultDemoYaml', () => {
  it('accepts a demo written the way a student writes it (flow maps, comments, umlauts)', () => {
    const result = checkVaultDemoYaml(
      lines(
        'title: Volumen überleben den Container  # my test',
        'steps:',
        '  - title: schreiben',
        '    action: { kind: run, container: w, cmd: [sh, -c, "echo hallo > /d/x"], mounts: [{ type: volume, source: v, target: /d }] }',
        '    expect: [{ exitCode: 0 }]',
      ),
      20,
    );
    expect(result.problems).toEqual([]);
    expect(result.refusals).toEqual([]);
    expect(result.demo?.steps[0]?.action.kind).toBe('run');
  });

  it('names the note line of a YAML syntax error', () => {
    const result = checkVaultDemoYaml(
      lines('title: ok', 'steps:', '  - title: [unclosed', '    action: x'),
      10,
    );
    expect(result.demo).toBeUndefined();
    expect(result.problems[0]?.line).toBeGreaterThanOrEqual(12);
    expect(result.problems[0]?.message).toMatch(/^YAML: /);
  });

  it('maps schema problems to the line that has them, in words', () => {
    const result = checkVaultDemoYaml(
      lines(
        'title: Typos everywhere', //          line 5
        'steps:', //                           6
        '  - title: first', //                 7
        '    action:', //                      8
        '      kind: runn', //                 9
        '      container: c', //               10
        '  - title: second', //                11
        '    action:', //                      12
        '      kind: run', //                  13
        '      container: Big Name', //        14
        '      comand: [ls]', //               15
        '    expect:', //                      16
        '      - exitCod: 0', //               17
      ),
      5,
    );
    const byLine = Object.fromEntries(result.problems.map((p) => [p.line, p.message]));
    expect(byLine[9]).toMatch(/"runn" is not an action kind; use one of .*run/);
    expect(byLine[14]).toMatch(/container: use lower-case/);
    expect(byLine[15]).toMatch(/unknown key "comand"/);
    expect(byLine[17]).toMatch(/not an expectation Berth knows/);
    expect(result.demo).toBeUndefined();
  });

  it('reports a missing title and a missing steps list at the top', () => {
    const result = checkVaultDemoYaml('summary: only this', 3);
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(/title: is required/);
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(/steps: is required/);
    expect(result.problems.every((p) => p.line === 3)).toBe(true);
  });

  it('refuses a list or a single value as the whole block', () => {
    expect(checkVaultDemoYaml('- a\n- b', 1).problems[0]?.message).toMatch(/mapping/);
    expect(checkVaultDemoYaml('', 1).problems[0]?.message).toMatch(/empty/);
  });

  it('stops a billion-laughs alias bomb without expanding it', () => {
    const bomb = lines(
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    );
    const started = performance.now();
    const result = checkVaultDemoYaml(bomb, 1);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.problems[0]?.message).toMatch(/anchors/);
  });

  it('does not parse a huge block at all', () => {
    const huge = `title: x\nsteps:\n${'  - title: t\n    action: { kind: start, container: c }\n'.repeat(2000)}`;
    expect(huge.length).toBeGreaterThan(VAULT_DEMO_MAX_CHARS);
    expect(checkVaultDemoYaml(huge, 1).problems[0]?.message).toMatch(/at most 32 kB/);
  });

  it('rejects duplicate keys instead of silently keeping the last', () => {
    const result = checkVaultDemoYaml(lines('title: a', 'title: b', 'steps: []'), 1);
    expect(result.problems[0]?.line).toBe(2);
  });
});
