import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { runAnnotationsCli } from './annotations-cli';
import { AnnotationsService } from './annotations-service';
import { confShardFactory } from './conf-shard-factory';
import { tempDirs } from './test-support/sample-annotations';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = runAnnotationsCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('export --annotations', () => {
  it('exports a vault to stdout or a file and imports it into another data folder', () => {
    const dirs = tempDirs();
    cleanups.push(dirs.cleanup);
    const userData = path.join(dirs.root, 'user-data');
    const service = new AnnotationsService({ baseDir: path.join(userData, 'annotations'), vaultPath: dirs.vault, openStore: confShardFactory, log: silentLogger });
    const text = 'Volumes\nA named volume outlives its container.\n';
    service.create({ notePath: 'Volumes.md', rendered: { text, headings: [{ offset: 0, text: 'Volumes', level: 1 }] }, start: 8, end: 22, color: 'blue', comment: 'yes', tags: ['t'], evidence: null });

    const printed = run(['--annotations', '--vault', dirs.vault, '--user-data', userData]);
    expect(printed.code).toBe(0);
    expect(printed.out).toContain('> > A named volume');
    expect(printed.out).toContain('[[Volumes#Volumes]] · #t');

    const file = path.join(dirs.root, 'out.md');
    expect(run(['--annotations', '--vault', dirs.vault, '--user-data', userData, '--note', 'Volumes.md', '--out', file]).err).toMatch(/Wrote 1 annotation/);
    const other = path.join(dirs.root, 'other-user-data');
    const imported = run(['--annotations', '--vault', dirs.vault, '--user-data', other, '--import', file]);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.out).toMatch(/Imported 1 new/);
    expect(fs.readdirSync(path.join(other, 'annotations'))).toHaveLength(1);
  });

  it('explains bad arguments and a missing vault', () => {
    expect(run(['--annotations', '--bogus'])).toMatchObject({ code: 2 });
    expect(run(['--annotations', '--vault', '/nonexistent/vault']).err).toMatch(/There is no vault folder/);
  });
});
