#!/usr/bin/env node
// `npm test`: lint, typecheck, security audit, unit tests, build, e2e — in that order, every step
// run even when an earlier one fails, then one summary. The last line is always
// `N passed, N failed, N skipped` (tests from vitest and Playwright, plus one per check step).
// `npm test -- --only unit,e2e` runs a subset; `-- --skip e2e` leaves steps out.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
const argv = process.argv.slice(2);
const listArg = (flag) => {
  const i = argv.indexOf(flag);
  return i >= 0 && argv[i + 1] ? argv[i + 1].split(',') : null;
};
const only = listArg('--only');
const skip = listArg('--skip') ?? [];

/** @type {{ name: string, kind: 'check' | 'tests', command: string[], results?: string, parse?: (file: string) => {passed:number, failed:number, skipped:number}, after?: string[] }[]} */
const steps = [
  { name: 'lint', kind: 'check', command: ['npx', 'eslint', '.', '--max-warnings', '0'] },
  { name: 'typecheck', kind: 'check', command: ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit'] },
  ...(fs.existsSync(path.join(root, 'scripts', 'security-audit.mjs'))
    ? [{ name: 'security', kind: 'check', command: ['node', 'scripts/security-audit.mjs'] }]
    : []),
  { name: 'deps-audit', kind: 'check', command: ['node', 'scripts/dependency-audit.mjs'] },
  {
    name: 'unit',
    kind: 'tests',
    command: ['npx', 'vitest', 'run'],
    results: path.join(results, 'unit-results.json'),
    parse: (file) => {
      const r = JSON.parse(fs.readFileSync(file, 'utf8'));
      const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
      // A file that fails to load counts as a failure even though it ran no test.
      const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
      return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + brokenFiles, skipped };
    },
  },
  { name: 'build', kind: 'check', command: ['npx', 'electron-vite', 'build', '--logLevel', 'warn'] },
  // Chaos soak (bench/soak.ts): 2 minutes against a private dockerd, needs the build's out/.
  { name: 'soak', kind: 'check', command: ['npx', 'tsx', 'bench/soak.ts', '--minutes', '2'] },
  {
    name: 'e2e',
    kind: 'tests',
    command: ['npx', 'playwright', 'test', '-c', 'e2e/playwright.config.ts'],
    results: path.join(results, 'e2e-results.json'),
    parse: (file) => {
      const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats ?? {};
      return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
    },
  },
].filter((s) => (!only || only.includes(s.name)) && !skip.includes(s.name));

fs.mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
let buildFailed = false;

for (const step of steps) {
  if ((step.name === 'e2e' || step.name === 'soak') && buildFailed) {
    rows.push([step.name, 'not run (the build failed)']);
    totals.failed += 1;
    continue;
  }
  console.log(`\n━━ ${step.name}: ${step.command.join(' ')}`);
  if (step.results) fs.rmSync(step.results, { force: true });
  const started = Date.now();
  const run = spawnSync(step.command[0], step.command.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.kind === 'check') {
    const ok = run.status === 0;
    if (!ok && step.name === 'build') buildFailed = true;
    totals[ok ? 'passed' : 'failed'] += 1;
    rows.push([step.name, `${ok ? 'ok' : `FAILED (exit ${run.status})`} in ${seconds} s`]);
    continue;
  }
  let counts;
  try {
    counts = step.parse(step.results);
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1; // crashed without reporting a failure
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  rows.push([step.name, `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${seconds} s`]);
}

console.log('\n━━ summary');
for (const [name, text] of rows) console.log(`  ${name.padEnd(10)} ${text}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
