/**
 * Runs Berth's demos in the terminal with the same engine as the app.
 *   npm run demo -- --list [--json]     list the catalogue
 *   npm run demo -- ID [ID...] [--json] run demos; exit code 0 only when every expectation held
 *   npm run demo -- --all               run the whole catalogue
 *   npm run demo -- --all --json        one JSON object: the engine and a row per demo (id, status, reason, ms)
 *   npm run demo -- ID [ID...] --matrix the same object for the named demos
 *   npm run demo -- --sweep             remove leftovers of runs that died
 *   npm run demo -- ID --step           step through: Enter runs each step, then the cleanup
 *   npm run demo -- ID --print-script   print the demo as a bash script (the same as "Copy all as script")
 *   npm run demo -- --vault DIR --note "NAME" [--yes] [--json] [--user-data DIR]
 *                                       run the demos written in a note (asks to trust the vault first)
 *   npm run demo -- --check FILE.md     validate a note's demo blocks without running them
 *   npm run demo -- ID --timeline-svg FILE   run the demo and write its lifecycle timeline as SVG
 *   npm run demo -- --suggest --vault DIR [--json]
 *                                       demos suggested per heading of every note, and flagged claims
 */
import path from 'node:path';
import Dockerode from 'dockerode';
import { resolveLocalEndpoint } from '../services/docker/resolve-endpoint';
import { BaseImageResolver } from '../services/demos/base-image';
import { builtInCatalogue, findDemo } from '../services/demos/catalogue';
import { DemoRun } from '../services/demos/demo-runner';
import { describeSweep, sweepLeftovers } from '../services/demos/sweep';
import { demoScript } from '../services/demos/cli-script';
import type { RunRecord } from '../services/demos/run-types';
import { demoMatrix, matrixEngine } from './demo-matrix';
import { followEnterKey, stepPrompt } from './demo-step-prompt';
import { renderRunEvent } from './demo-terminal';
import { runSuggestCli } from './suggest-cli';
import { writeRunTimelineSvg } from './timeline-cli';
import { checkNoteFile, EXIT, runVaultNote } from './vault-demo-cli';

const catalogue = builtInCatalogue();

function usage(): never {
  process.stderr.write('Usage: npm run demo -- --list [--json] | ID [ID...] | --all | --sweep | --vault DIR --note NAME [--yes] | --check FILE.md\n');
  process.exit(64);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const color = process.stdout.isTTY && !process.env.NO_COLOR;
  const valueOf = (flag: string) => {
    const at = args.indexOf(flag);
    const value = at >= 0 ? args[at + 1] : undefined;
    return value && !value.startsWith('--') ? value : undefined;
  };
  const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t), color: Boolean(color) };
  if (args.includes('--suggest')) return runSuggestCli(valueOf('--vault'), json, io);
  if (args.includes('--check')) {
    const file = valueOf('--check');
    return file ? checkNoteFile(file, io, json) : usage();
  }
  if (args.includes('--vault') || args.includes('--note')) {
    const vaultDir = valueOf('--vault');
    const note = valueOf('--note');
    if (!vaultDir || !note) usage();
    const userDataDir = valueOf('--user-data');
    return runVaultNote(
      {
        vaultDir: path.resolve(vaultDir),
        note,
        yes: args.includes('--yes'),
        json,
        ...(userDataDir ? { userDataDir: path.resolve(userDataDir) } : {}),
        baseImage: new BaseImageResolver(),
        docker: async () => {
          const docker = new Dockerode(resolveLocalEndpoint(process.env.BERTH_DOCKER_HOST).options);
          try {
            await docker.ping();
          } catch (error) {
            process.stderr.write(`Docker is not reachable (${error instanceof Error ? error.message : String(error)}). Start the daemon and try again.\n`);
            process.exit(EXIT.noDocker);
          }
          const swept = describeSweep(await sweepLeftovers(docker));
          if (swept) process.stderr.write(`${swept}\n`);
          return docker;
        },
      },
      io,
    );
  }
  if (args.includes('--list')) {
    const list = catalogue.map((d) => ({ id: d.id, title: d.title, topic: d.topic, note: d.note, heading: d.heading ?? null, summary: d.summary, steps: d.steps.length, requires: d.requires ?? null }));
    if (json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    else for (const d of list) process.stdout.write(`${d.id.padEnd(28)} ${d.topic.padEnd(11)} ${d.title}\n`);
    return 0;
  }
  const timelineFile = valueOf('--timeline-svg');
  const ids = args.includes('--all') ? catalogue.map((d) => d.id) : args.filter((a) => !a.startsWith('--') && a !== timelineFile);
  if (!ids.length && !args.includes('--sweep')) usage();
  const unknown = ids.filter((id) => !findDemo(id));
  if (unknown.length) {
    process.stderr.write(`Unknown demo${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Run with --list to see them.\n`);
    return 64;
  }
  const endpoint = resolveLocalEndpoint(process.env.BERTH_DOCKER_HOST);
  const docker = new Dockerode(endpoint.options);
  let engine;
  try {
    await docker.ping();
    engine = await matrixEngine(docker, endpoint.url);
  } catch (error) {
    process.stderr.write(`Docker is not reachable (${error instanceof Error ? error.message : String(error)}). Start the daemon and try again.\n`);
    return 69;
  }
  const matrix = args.includes('--matrix') || (json && args.includes('--all'));
  const startedAt = Date.now();
  const baseImage = new BaseImageResolver();
  if (args.includes('--print-script')) {
    const image = (await baseImage.resolve(docker)).image;
    for (const id of ids) process.stdout.write(demoScript(findDemo(id)!, image));
    return 0;
  }
  const step = args.includes('--step');
  const sweep = await sweepLeftovers(docker);
  const swept = describeSweep(sweep);
  if (swept) process.stderr.write(`${swept}\n`);
  if (!ids.length) return 0;
  let exit = 0;
  const results: RunRecord[] = [];
  for (const id of ids) {
    const demo = findDemo(id);
    if (!demo) continue;
    const holder: { run?: DemoRun } = {};
    const keys = step ? followEnterKey(() => holder.run) : undefined;
    const run = new DemoRun(demo, { docker: () => docker, baseImage, stepThrough: step, engine }, (event) => {
      if (!json && !matrix) process.stdout.write(renderRunEvent(event, demo, color) + (step ? stepPrompt(event, demo, color) : ''));
      keys?.onEvent(event);
    });
    holder.run = run;
    const onSignal = () => run.cancel();
    process.once('SIGINT', onSignal);
    const record = await run.done;
    process.off('SIGINT', onSignal);
    keys?.dispose();
    results.push(record);
    if (timelineFile) {
      const target = writeRunTimelineSvg(record, ids.length > 1 ? timelineFile.replace(/(\.svg)?$/, `-${id}.svg`) : timelineFile);
      process.stderr.write(`Timeline written to ${target}\n`);
    }
    if (record.status === 'skipped') exit = Math.max(exit, 2);
    else if (record.status !== 'passed') exit = 1;
  }
  if (matrix) process.stdout.write(`${JSON.stringify(demoMatrix(engine, results, startedAt))}\n`);
  else if (json) process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results)}\n`);
  return exit;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
