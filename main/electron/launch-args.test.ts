import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vaultFromArgs } from './launch-args';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-args-'));
const vault = path.join(base, 'My Vault');
fs.mkdirSync(vault);
fs.writeFileSync(path.join(base, 'note.md'), '# not a folder');

describe('vaultFromArgs', () => {
  it('reads --vault=DIR and --vault DIR', () => {
    expect(vaultFromArgs(['/opt/Berth/berth', `--vault=${vault}`], '/')).toBe(vault);
    expect(vaultFromArgs(['/opt/Berth/berth', '--vault', vault], '/')).toBe(vault);
  });

  it('accepts a bare folder, relative to the launching shell', () => {
    expect(vaultFromArgs(['/opt/Berth/berth', 'My Vault'], base)).toBe(vault);
    expect(vaultFromArgs(['electron', '/work/out/main/index.js', '--inspect=0', vault], '/')).toBe(
      vault,
    );
  });

  it('never takes the app folder of an unpackaged launch (`electron .`) for a vault', () => {
    expect(vaultFromArgs(['electron', '.'], base, 2)).toBeUndefined();
    expect(vaultFromArgs(['electron', base, 'My Vault'], base, 2)).toBe(vault);
    expect(vaultFromArgs(['electron', '.', `--vault=${vault}`], base, 2)).toBe(vault);
  });

  it('ignores files, missing paths and flags', () => {
    expect(vaultFromArgs(['/opt/Berth/berth', path.join(base, 'note.md')], '/')).toBeUndefined();
    expect(vaultFromArgs(['/opt/Berth/berth', '--vault=/nope/nothing'], '/')).toBeUndefined();
    expect(
      vaultFromArgs(['/opt/Berth/berth', '--no-sandbox', '--enable-logging'], '/'),
    ).toBeUndefined();
    expect(vaultFromArgs(['/opt/Berth/berth', '--vault'], '/')).toBeUndefined();
  });
});
