#!/usr/bin/env node
// `npm run security:audit`: runs @doyensec/electronegativity over Berth's Electron code, offline,
// and fails on every high or medium finding that scripts/security-audit.config.json does not
// accept with a written reason. Accepted findings that no longer occur are reported as stale, so
// the list never outlives its reasons.
//
//   node scripts/security-audit.mjs [--json] [--root DIR] [--config FILE]
//   (--json prints the full result as JSON; --root/--config audit another tree, for tests)
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: cli } = parseArgs({ options: { json: { type: 'boolean' }, root: { type: 'string' }, config: { type: 'string' } } });
const root = path.resolve(cli.root ?? repo);
const require = createRequire(import.meta.url);
const configFile = path.resolve(cli.config ?? path.join(repo, 'scripts', 'security-audit.config.json'));

/**
 * Electronegativity reaches the network twice (translations for the locale, and Electron's release
 * list for AVAILABLE_SECURITY_FIXES). Berth audits offline: `got` is replaced by a stub that fails at
 * once, so the tool falls back to its bundled English strings, and the release check is excluded
 * in the config (the Electron version is pinned in package.json and updated by Dependabot-like review).
 */
function forceOffline() {
  const originalLoad = Module._load;
  const offline = () => Promise.reject(new Error('Berth runs Electronegativity offline'));
  offline.head = offline;
  offline.get = offline;
  Module._load = function load(request, parent, isMain) {
    if (request === 'got' && parent?.filename?.includes(`${path.sep}electronegativity${path.sep}`)) return offline;
    return originalLoad.call(this, request, parent, isMain);
  };
}

/** Copies the code Electronegativity should read into a scratch folder: what ships, minus tests. */
function stageInput(config) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-audit-'));
  const include = (rel) => {
    const from = path.join(root, rel);
    if (!fs.existsSync(from)) return;
    fs.cpSync(from, path.join(stage, rel), {
      recursive: true,
      filter: (src) => !config.ignore.some((pattern) => new RegExp(pattern).test(path.relative(root, src).split(path.sep).join('/'))),
    });
  };
  for (const rel of config.scan) include(rel);
  return stage;
}

function keyOf(issue) {
  return `${issue.id}:${issue.file}`;
}

/** True when an accepted entry covers an issue: same check id, and the file matches when it names one. */
function covers(entry, issue) {
  return entry.id === issue.id && (!entry.file || entry.file === issue.file);
}

async function main() {
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  const unexplainedExclusions = config.excludeChecks.filter((id) => (config.excludeReasons?.[id] ?? '').trim().length < 20);
  if (unexplainedExclusions.length) {
    console.error(`security-audit.config.json: every excluded check needs a reason in excludeReasons: ${unexplainedExclusions.join(', ')}`);
    return 1;
  }
  const bad = config.accepted.filter((a) => !a.id || typeof a.reason !== 'string' || a.reason.trim().length < 20);
  if (bad.length) {
    console.error(`security-audit.config.json: every accepted finding needs an id and a reason of at least 20 characters:\n${JSON.stringify(bad, null, 2)}`);
    return 1;
  }
  forceOffline();
  const run = require('@doyensec/electronegativity');
  const input = stageInput(config);
  let result;
  const log = console.log;
  try {
    console.log = () => undefined; // the library prints its own chatter when it cannot go online
    result = await run({
      input,
      output: undefined,
      isRelative: true,
      severitySet: 'informational',
      confidenceSet: 'tentative',
      customScan: [],
      excludeFromScan: config.excludeChecks,
      electronVersionOverride: config.electronVersion,
      parserPlugins: [],
    });
  } finally {
    console.log = log;
    fs.rmSync(input, { recursive: true, force: true });
  }

  const issues = result.issues.map((i) => ({
    id: i.id,
    file: i.file.split(path.sep).join('/'),
    line: i.location?.line ?? 0,
    severity: i.severity.name ?? String(i.severity.value),
    confidence: i.confidence.name ?? String(i.confidence.value),
    review: Boolean(i.manualReview),
    description: i.description,
  }));
  const serious = issues.filter((i) => ['HIGH', 'MEDIUM'].includes(String(i.severity).toUpperCase()));
  const unexplained = serious.filter((i) => !config.accepted.some((a) => covers(a, i)));
  const explained = serious.filter((i) => config.accepted.some((a) => covers(a, i)));
  const stale = config.accepted.filter((a) => !issues.some((i) => covers(a, i)));
  const fatalErrors = result.errors.filter((e) => !e.tolerable);

  if (cli.json) {
    console.log(JSON.stringify({ checks: result.globalChecks + result.atomicChecks, issues, unexplained, stale, errors: result.errors }, null, 2));
  }
  console.log(`Electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${result.atomicChecks + result.globalChecks} checks over ${config.scan.join(', ')} (offline).`);
  const bySeverity = issues.reduce((acc, i) => ({ ...acc, [i.severity]: (acc[i.severity] ?? 0) + 1 }), {});
  console.log(`Findings: ${issues.length} (${Object.entries(bySeverity).map(([s, n]) => `${n} ${s.toLowerCase()}`).join(', ') || 'none'}).`);
  for (const issue of explained) {
    const entry = config.accepted.find((a) => covers(a, issue));
    console.log(`  accepted  ${issue.severity.padEnd(6)} ${issue.id} ${issue.file}:${issue.line} — ${entry.reason}`);
  }
  for (const entry of stale) console.warn(`  stale     ${entry.id}${entry.file ? ` ${entry.file}` : ''}: accepted in the config but no longer found; remove it.`);
  for (const error of fatalErrors) console.error(`  unparsed  ${error.file}: ${error.message}`);
  for (const issue of unexplained) {
    console.error(`  FAILED    ${issue.severity.padEnd(6)} ${issue.id} ${issue.file}:${issue.line} — ${issue.description}`);
  }
  const seen = new Set();
  for (const issue of issues.filter((i) => !serious.includes(i))) {
    if (seen.has(keyOf(issue))) continue;
    seen.add(keyOf(issue));
    console.log(`  info      ${issue.severity.padEnd(6)} ${issue.id} ${issue.file}:${issue.line}`);
  }
  if (unexplained.length || fatalErrors.length) {
    console.error(
      `\nSecurity audit failed: ${unexplained.length} unexplained high/medium finding(s)${fatalErrors.length ? `, ${fatalErrors.length} file(s) that could not be parsed` : ''}. ` +
        'Fix them, or accept each in scripts/security-audit.config.json with the reason.',
    );
    return 1;
  }
  console.log('Security audit passed: no unexplained high or medium finding.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Security audit could not run: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
