import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Berth itself is audited by `npm run security:audit`, a step of `npm test`; these tests check the gate.

const script = path.resolve(import.meta.dirname, 'security-audit.mjs');

function audit(files: Record<string, string>, config: Record<string, unknown>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-audit-test-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const configFile = path.join(dir, 'audit.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({ electronVersion: '45.4.1', scan: ['src'], ignore: [], excludeChecks: ['AvailableSecurityFixesGlobalCheck'], excludeReasons: { AvailableSecurityFixesGlobalCheck: 'needs the network, which the audit may not use' }, accepted: [], ...config }),
  );
  const run = spawnSync(process.execPath, [script, '--root', dir, '--config', configFile], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const insecureWindow = `const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
`;

describe('security audit (Electronegativity, offline)', () => {
  it('fails on an unexplained high finding and names it', () => {
    const result = audit({ 'src/main.js': insecureWindow }, {});
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAILED\s+HIGH\s+CONTEXT_ISOLATION_JS_CHECK src\/main\.js/);
    expect(result.output).toMatch(/FAILED\s+MEDIUM\s+SANDBOX_JS_CHECK/);
    expect(result.output).toMatch(/FAILED\s+HIGH\s+LIMIT_NAVIGATION_GLOBAL_CHECK/);
    expect(result.output).toMatch(/FAILED\s+MEDIUM\s+PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK/);
  });

  it('passes once every finding is accepted with a reason, and flags stale acceptances', () => {
    const ids = [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'AUXCLICK_JS_CHECK',
      'CSP_GLOBAL_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ];
    const accepted = [...ids, 'OPEN_EXTERNAL_JS_CHECK'].map((id) => ({ id, reason: 'accepted for this fixture, which is not shipped' }));
    const result = audit({ 'src/main.js': insecureWindow }, { accepted });
    expect(result.output).toMatch(/stale\s+OPEN_EXTERNAL_JS_CHECK/);
    expect(result.output).not.toMatch(/FAILED\s+(HIGH|MEDIUM)/);
    expect(result.status).toBe(0);
  });

  it('refuses an acceptance without a real reason', () => {
    const result = audit({ 'src/main.js': insecureWindow }, { accepted: [{ id: 'CONTEXT_ISOLATION_JS_CHECK', reason: 'ok' }] });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/needs an id and a reason/);
  });
});
