import Module, { createRequire } from 'node:module';
import type Dockerode from 'dockerode';

const requireHere = createRequire(import.meta.url);
type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Puts a stand-in for a CommonJS module that exports one function into Node's module cache: the
 * real module loads at the stand-in's first call. A module already loaded is left as it is.
 */
function deferFunctionModule(file: string): void {
  if (requireHere.cache[file]) return;
  let real: AnyFunction | undefined;
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = function deferred(this: unknown, ...args: unknown[]): unknown {
    if (!real) {
      delete requireHere.cache[file];
      real = requireHere(file) as AnyFunction;
    }
    return real.apply(this, args);
  };
  requireHere.cache[file] = standIn;
}

let deferred = false;

/**
 * dockerode requires gRPC and protobuf (for BuildKit sessions) and ssh2 (for ssh:// engines) as
 * it loads: about half of its 200 ms, paid on the main thread at every start. Berth builds with
 * the classic builder, and ssh2 serves only an ssh:// engine, so those two modules (dockerode's
 * `lib/session.js` and docker-modem's `lib/ssh.js`, each one exported function) load at their
 * first call instead.
 */
export function deferDockerodeExtras(): void {
  if (deferred) return;
  deferred = true;
  try {
    const dockerodeMain = requireHere.resolve('dockerode');
    const fromDockerode = createRequire(dockerodeMain);
    deferFunctionModule(fromDockerode.resolve('./session'));
    deferFunctionModule(createRequire(fromDockerode.resolve('docker-modem')).resolve('./ssh'));
  } catch {
    // Another layout of dockerode's files: it loads whole, as before.
  }
}

/** dockerode's client class, loaded at first use (with its rarely used parts deferred). */
export function loadDockerode(): typeof Dockerode {
  deferDockerodeExtras();
  return requireHere('dockerode') as typeof Dockerode;
}
