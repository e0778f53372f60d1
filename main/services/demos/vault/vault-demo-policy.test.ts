import { describe, expect, it } from 'vitest';
import { hostileDemos } from './hostile-demo-corpus';
import { checkVaultDemoYaml } from './parse-vault-demo';

describe('vault demo policy', () => {
  for (const hostile of hostileDemos) {
    it(`refuses: ${hostile.name}`, () => {
      const result = checkVaultDemoYaml(hostile.yaml, 1);
      expect(result.refusals.length, JSON.stringify(result)).toBeGreaterThan(0);
      expect(result.refusals.map((r) => r.reason).join('\n')).toMatch(hostile.reason);
      expect(result.refusals.every((r) => r.reason.startsWith('Refused: '))).toBe(true);
      if (hostile.line !== undefined) expect(result.refusals[0]?.line).toBe(hostile.line);
    });
  }

  it('allows what a demo needs: bind folders inside the run folder, images it built, multi-stage FROM base', () => {
    const yaml = [
      'title: ok',
      'steps:',
      '  - title: build',
      '    action:',
      '      kind: build',
      '      image: app',
      '      files:',
      '        Dockerfile: |',
      '          FROM base AS build',
      '          RUN echo hi > /hi',
      '          FROM {{base}}',
      '          COPY --from=build /hi /hi',
      '  - title: tag',
      '    action: { kind: tag, source: "app:latest", target: "app:v2" }',
      '  - title: build on top',
      '    action: { kind: build, image: "app:v3", files: { Dockerfile: "FROM {{image:app:v2}}\\nCMD [\\"cat\\", \\"/hi\\"]" } }',
      '  - title: run it',
      '    action: { kind: run, container: c, image: "app:v3", network: none, mounts: [{ type: bind, source: data/sub, target: /data }] }',
    ].join('\n');
    const result = checkVaultDemoYaml(yaml, 1);
    expect(result.refusals).toEqual([]);
    expect(result.problems).toEqual([]);
  });
});
