import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParams } from '../../testing/fuzz-config';
import { confineVaultPath, linkRule } from './canvas-rules';

describe('confineVaultPath', () => {
  it('keeps vault-relative paths, normalized', () => {
    expect(confineVaultPath('Docker/Volumes.md')).toEqual({ path: 'Docker/Volumes.md' });
    expect(confineVaultPath('./attachments//whale.png')).toEqual({ path: 'attachments/whale.png' });
    expect(confineVaultPath('attachments\\whale.png')).toEqual({ path: 'attachments/whale.png' });
  });

  it.each([
    ['../../etc/passwd', /climbs out/],
    ['notes/../../secret.md', /climbs out/],
    ['/etc/passwd', /absolute/],
    ['C:\\Windows\\win.ini', /absolute/],
    ['\\\\server\\share\\x.md', /UNC/],
    ['file:///etc/passwd', /URL/],
    ['javascript:alert(1)', /URL/],
    ['.obsidian/workspace.json', /\.obsidian/],
    ['a\0b.md', /NUL/],
    ['   ', /empty/],
  ])('refuses %j', (raw, why) => {
    const result = confineVaultPath(raw);
    expect('refused' in result && result.refused).toMatch(why);
  });

  it('never lets a generated path climb out or be absolute', () => {
    const segment = fc.oneof(fc.constantFrom('..', '.', '', 'a', '.obsidian', 'C:', '\\', '%2e%2e'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.tuple(fc.array(segment, { maxLength: 8 }), fc.constantFrom('/', '\\')).map(([parts, sep]) => parts.join(sep)), (raw) => {
        const result = confineVaultPath(raw);
        if ('path' in result) {
          expect(result.path.split('/')).not.toContain('..');
          expect(result.path.startsWith('/')).toBe(false);
          expect(result.path).not.toMatch(/^[a-z]:/i);
          expect(result.path).not.toContain('\\');
        }
      }),
      fuzzParams(),
    );
  });
});

describe('linkRule', () => {
  it('opens http and https only', () => {
    expect(linkRule('https://docs.docker.com/storage/')).toEqual({ url: 'https://docs.docker.com/storage/', host: 'docs.docker.com', safe: true });
    expect(linkRule(' http://localhost:8080 ')).toMatchObject({ host: 'localhost:8080', safe: true });
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>x</script>', 'file:///etc/passwd', 'vbscript:x', 'not a url', '//evil.example', ''])
      expect(linkRule(bad).safe, bad).toBe(false);
  });

  it('never calls anything safe that is not http(s)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string().map((s) => `javascript:${s}`)), (raw) => {
        const rule = linkRule(raw);
        if (rule.safe) expect(new URL(rule.url).protocol).toMatch(/^https?:$/);
      }),
      fuzzParams(),
    );
  });
});
