import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const churn = `let kept = []; for (let i = 0; i < 2e6; i++) { kept.push({ i }); if (kept.length > 1e5) kept = []; }`;
const newSpaceMb = `require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576`;

describe('startWorker', () => {
  it('gives a worker V8’s default young generation when the web host runs with a small one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-worker-heap-'));
    try {
      const workerFile = path.join(dir, 'churn.cjs');
      fs.writeFileSync(workerFile, `${churn}\nrequire('node:worker_threads').parentPort.postMessage(${newSpaceMb});\n`);
      const entry = pathToFileURL(path.join(__dirname, 'worker-entry.ts')).href;
      const script = `
        const { startWorker } = await import(${JSON.stringify(entry)});
        const { createRequire } = await import('node:module');
        const require = createRequire(import.meta.url);
        ${churn}
        const main = ${newSpaceMb};
        const worker = startWorker(${JSON.stringify(workerFile)});
        const inWorker = await new Promise((resolve) => worker.once('message', resolve));
        await worker.terminate();
        console.log(JSON.stringify({ main, inWorker }));`;
      const scriptFile = path.join(dir, 'host.mts');
      fs.writeFileSync(scriptFile, script);
      const out = execFileSync(process.execPath, ['--max-semi-space-size=2', '--import', 'tsx', scriptFile], { encoding: 'utf8' });
      const { main, inWorker } = JSON.parse(out.trim().split('\n').pop()!) as { main: number; inWorker: number };
      expect(main).toBeLessThanOrEqual(4);
      expect(inWorker).toBeGreaterThan(main);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
