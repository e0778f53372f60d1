import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Creates a temp vault from `{ relativePath: content }`; returns its root. For tests only. */
export async function makeTempVault(files: Record<string, string | Buffer>): Promise<string> {
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'berth-vault-')));
  for (const [relative, content] of Object.entries(files)) {
    const absolute = path.join(root, relative);
    await fs.mkdir(path.dirname(absolute), { recursive: true });
    await fs.writeFile(absolute, content);
  }
  return root;
}
