import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { MAIN_PROCESS_V8_FLAGS } from '../../scripts/main-process-flags.mjs';

export interface WebHostProcess {
  url: string;
  openUrl: string;
  token: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the built web host (`out/main/web-host.js`, with the flags `npm start` gives it) and waits for the URL it prints. */
export async function startWebHostProcess(options: {
  vaultDir?: string;
  userDataDir: string;
  env?: NodeJS.ProcessEnv;
  root?: string;
  /** How long to wait for the address (default 20 s; a loaded machine may need more). */
  startTimeoutMs?: number;
}): Promise<WebHostProcess> {
  const root = options.root ?? process.cwd();
  const args = [
    ...MAIN_PROCESS_V8_FLAGS,
    // For profiling a benchmark's host, e.g. BERTH_HOST_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
    ...(process.env.BERTH_HOST_NODE_ARGS ?? '').split(' ').filter(Boolean),
    path.join(root, 'out/main/web-host.js'),
    '--no-open',
    '--port',
    '0',
    '--user-data',
    options.userDataDir,
  ];
  if (options.vaultDir) args.push('--vault', options.vaultDir);
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`web host did not start:\n${output}`)),
      options.startTimeoutMs ?? 20_000,
    );
    const check = () => {
      const match = /(http:\/\/\S+#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  const url = new URL(openUrl);
  const token = decodeURIComponent(url.hash.replace(/^#token=/, ''));
  return {
    url: `${url.protocol}//${url.host}`,
    openUrl,
    token,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
