import os from 'node:os';
import path from 'node:path';
import { checkKnownHost, sshFingerprint, type HostKeyVerdict } from './ssh-known-hosts';

/** The outcome of the last host key check of an ssh:// endpoint, read when the connection fails. */
export interface HostKeyCheck {
  verdict?: HostKeyVerdict;
  fingerprint?: string;
}

/** What ssh2 needs to reach a Docker host over SSH the way `ssh` would. */
export interface SshSetup {
  sshOptions: {
    agent?: string;
    privateKey?: string;
    hostVerifier: (key: Buffer) => boolean;
    readyTimeout: number;
  };
  username: string;
  hostKeyCheck: HostKeyCheck;
}

const IDENTITY_FILES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

/**
 * SSH options for an ssh:// Docker host: the ssh-agent of SSH_AUTH_SOCK and the first of
 * ~/.ssh/id_ed25519, id_ecdsa, id_rsa; the server's key must be in ~/.ssh/known_hosts (an
 * unknown or changed key fails, as `ssh` with StrictHostKeyChecking would).
 */
export function sshSetup(input: {
  host: string;
  port: number;
  username?: string;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  read: (file: string) => string | undefined;
}): SshSetup {
  const sshDir = path.join(input.homeDir, '.ssh');
  const hostKeyCheck: HostKeyCheck = {};
  const sshOptions: SshSetup['sshOptions'] = {
    readyTimeout: 5000,
    hostVerifier: (key: Buffer) => {
      const knownHosts = input.read(path.join(sshDir, 'known_hosts')) ?? '';
      hostKeyCheck.verdict = checkKnownHost(knownHosts, input.host, input.port, key);
      hostKeyCheck.fingerprint = sshFingerprint(key);
      return hostKeyCheck.verdict === 'known';
    },
  };
  if (input.env.SSH_AUTH_SOCK) sshOptions.agent = input.env.SSH_AUTH_SOCK;
  for (const file of IDENTITY_FILES) {
    const key = input.read(path.join(sshDir, file));
    if (key) {
      sshOptions.privateKey = key;
      break;
    }
  }
  const username = input.username || input.env.USER || input.env.LOGNAME || os.userInfo().username;
  return { sshOptions, username, hostKeyCheck };
}
