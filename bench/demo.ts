/**
 * Times the named-volume persistence demo: Berth's engine vs the same steps as plain docker
 * CLI commands, alternating, BENCH_RUNS (default 9, at least 7) runs each after one warm-up of each.
 * Prints one JSON line last: {"berth_median_ms","cli_median_ms","ratio",...} with the machine's
 * load (before and after) and the calibration figure, and where the time goes: Berth's own share
 * of a run outside its steps (`berth_own_median_ms`) and the client cost of one CLI command
 * (`cli_client_median_ms`, the CLI runs four); the rest of both is the daemon's. The floor
 * (`floor_median_ms`, `floor_ratio`): the same daemon operations through dockerode with nothing
 * around them, pipelined as Berth pipelines them (the reader is created while the writer runs, the
 * writer's removal is not waited for); no demo engine can beat it against this daemon.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import Dockerode from 'dockerode';
import { BaseImageResolver } from '../main/services/demos/base-image';
import { findDemo } from '../main/services/demos/catalogue';
import { DemoRun } from '../main/services/demos/demo-runner';
import { resolveLocalEndpoint } from '../main/services/docker/resolve-endpoint';
import { machineFacts } from './machine';

const run = promisify(execFile);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 9));
const docker = new Dockerode(resolveLocalEndpoint(process.env.BERTH_DOCKER_HOST).options);
const baseImage = new BaseImageResolver();
const demo = findDemo('named-volume-persists');
if (!demo) throw new Error('named-volume-persists is missing from the catalogue');

/** Berth's time outside its steps (setup, cleanup) per run: the steps themselves are Docker's work. */
const berthOwn: number[] = [];

async function berthOnce(): Promise<number> {
  const began = performance.now();
  const record = await new DemoRun(demo!, { docker: () => docker, baseImage }, () => {}).done;
  const ms = performance.now() - began;
  if (record.status !== 'passed') throw new Error(`Berth run ${record.runId} ${record.status}: ${record.reason ?? ''}`);
  berthOwn.push(ms - record.steps.reduce((sum, step) => sum + (step.durationMs ?? 0), 0));
  return ms;
}

/** What the CLI pays per command before and after the daemon's work: starting the client, one request. */
async function cliClientOnce(): Promise<number> {
  const began = performance.now();
  await run('docker', ['version', '--format', '{{.Server.APIVersion}}']);
  return performance.now() - began;
}

async function cliOnce(image: string, i: number): Promise<number> {
  const volume = `berth-bench-cli-${process.pid}-${i + 1}`;
  const label = ['--label', 'berth.owner=demo', '--label', `berth.run=bench${process.pid}x${i + 1}`, '--label', `berth.pid=${process.pid}`, '--label', `berth.host=${os.hostname()}`];
  const began = performance.now();
  await run('docker', ['volume', 'create', ...label, volume]);
  await run('docker', ['run', '--rm', '--network', 'none', ...label, '-v', `${volume}:/data`, image, 'sh', '-c', 'echo "written by the first container" > /data/note.txt && echo saved']);
  const { stdout } = await run('docker', ['run', '--rm', '--network', 'none', ...label, '-v', `${volume}:/data`, image, 'cat', '/data/note.txt']);
  await run('docker', ['volume', 'rm', volume]);
  const ms = performance.now() - began;
  if (!stdout.includes('written by the first container')) throw new Error('CLI run did not read the file back');
  return ms;
}

/** The named-volume demo's daemon work alone, pipelined like Berth's run: the floor of any engine. */
async function floorOnce(image: string, i: number): Promise<number> {
  const volume = `berth-bench-floor-${process.pid}-${i + 1}`;
  const Labels = { 'berth.owner': 'demo', 'berth.run': `benchfloor${process.pid}x${i + 1}`, 'berth.pid': String(process.pid), 'berth.host': os.hostname() };
  const make = (Cmd: string[]) =>
    docker.createContainer({
      Image: image,
      Cmd,
      Labels,
      AttachStdout: true,
      AttachStderr: true,
      HostConfig: { AutoRemove: true, NetworkMode: 'none', Mounts: [{ Type: 'volume', Source: volume, Target: '/data' }] },
    });
  const attach = async (container: Dockerode.Container) => {
    const stream = (await container.attach({ stream: true, stdout: true, stderr: true })) as unknown as NodeJS.ReadableStream & { destroy(): void };
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    return { stream, text: () => text };
  };
  const began = performance.now();
  await docker.createVolume({ Name: volume, Labels });
  const writer = await make(['sh', '-c', 'echo "written by the first container" > /data/note.txt && echo saved']);
  const writerOut = await attach(writer);
  const writerExit = writer.wait({ condition: 'next-exit' });
  await writer.start();
  const reader = await make(['cat', '/data/note.txt']);
  const readerOut = await attach(reader);
  await writerExit;
  const readerRemoved = reader.wait({ condition: 'removed' });
  await reader.start();
  await readerRemoved;
  await docker.getVolume(volume).remove();
  const ms = performance.now() - began;
  writerOut.stream.destroy();
  readerOut.stream.destroy();
  if (!readerOut.text().includes('written by the first container')) throw new Error('the floor run did not read the file back');
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

const loadBefore = os.loadavg()[0] ?? 0;
const { image } = await baseImage.resolve(docker);
await berthOnce();
await cliOnce(image, -1);
await floorOnce(image, -1);
const berth: number[] = [];
const cli: number[] = [];
const floor: number[] = [];
for (let i = 0; i < runs; i++) {
  // Alternate which goes first, so drift on a busy machine hits both alike.
  if (i % 2 === 0) {
    berth.push(await berthOnce());
    cli.push(await cliOnce(image, i));
  } else {
    cli.push(await cliOnce(image, i));
    berth.push(await berthOnce());
  }
  floor.push(await floorOnce(image, i));
  process.stderr.write(`run ${i + 1}/${runs}: berth ${Math.round(berth[i] ?? 0)} ms, cli ${Math.round(cli[i] ?? 0)} ms, floor ${Math.round(floor[i] ?? 0)} ms\n`);
}
const cliClient: number[] = [];
for (let i = 0; i < runs; i++) cliClient.push(await cliClientOnce());
const berthMedian = median(berth);
const cliMedian = median(cli);
const floorMedian = median(floor);
process.stdout.write(
  `${JSON.stringify({
    berth_median_ms: Math.round(berthMedian),
    cli_median_ms: Math.round(cliMedian),
    ratio: Number((berthMedian / cliMedian).toFixed(3)),
    // Where the time goes: Berth's own share of a run, and the client cost of each of the CLI's
    // four commands; the rest of both is the daemon starting and running the two containers.
    // The same daemon work with nothing around it: what no engine can go under here.
    floor_median_ms: Math.round(floorMedian),
    floor_ratio: Number((floorMedian / cliMedian).toFixed(3)),
    berth_over_floor: Number((berthMedian / floorMedian).toFixed(3)),
    berth_own_median_ms: Math.round(median(berthOwn.slice(1))),
    cli_client_median_ms: Math.round(median(cliClient)),
    runs,
    image,
    berth_ms: berth.map(Math.round),
    cli_ms: cli.map(Math.round),
    floor_ms: floor.map(Math.round),
    load_1m_before: Math.round(loadBefore * 100) / 100,
    ...machineFacts(),
  })}\n`,
);
