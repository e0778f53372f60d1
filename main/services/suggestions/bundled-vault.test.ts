import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInCatalogue } from '../demos/catalogue';
import { suggestForVault } from './vault-suggestions';

const catalogue = builtInCatalogue();

const bundled = path.resolve(__dirname, '../../../notes');

describe('the bundled study vault (correct notes: a precision check)', () => {
  it('flags no sentence, suggests for most headings, and never re-suggests a demo whose block is in that section', async () => {
    const report = await suggestForVault(bundled, catalogue);
    expect(report.flags).toEqual([]);
    const covered = new Set(report.suggestions.map((entry) => `${entry.note}#${entry.line}`)).size;
    expect(covered / report.headings).toBeGreaterThan(0.4);
    const overriding = report.suggestions.find(
      (entry) =>
        entry.note === 'CMD vs ENTRYPOINT.md' && entry.heading === 'Overriding at run time',
    );
    expect(overriding?.demos.map((demo) => demo.id) ?? []).not.toContain('cmd-vs-entrypoint');
    for (const entry of report.suggestions) expect(entry.demos.length).toBeLessThanOrEqual(3);
  });
});
