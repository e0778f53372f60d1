import type { ClassifiedError } from './classify-error';
import type { HostKeyCheck } from './ssh-options';

/** What the endpoint looked like when the error happened, so the hint can name the right files. */
export interface RemoteErrorContext {
  endpointUrl: string;
  /** Folder the TLS files came from (DOCKER_CERT_PATH, the context's tls folder, ~/.docker). */
  certDir?: string;
  /** Whether Berth presented a client certificate. */
  clientCert?: boolean;
  /** For ssh:// hosts: what the host key check found. */
  hostKey?: HostKeyCheck;
}

const CERT_CODES_UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
]);

function sshTarget(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${parsed.username}@` : '';
    return `${parsed.port ? `-p ${parsed.port} ` : ''}${user}${parsed.hostname}`;
  } catch {
    return url;
  }
}

function files(context: RemoteErrorContext): string {
  return context.certDir ? ` in ${context.certDir}` : '';
}

/**
 * Maps TLS and SSH failures of a remote Docker (tcp:// with TLS, ssh://) to distinct, actionable
 * messages; returns undefined for errors that are not about TLS or SSH.
 */
export function classifyRemoteError(
  error: unknown,
  context: RemoteErrorContext,
): ClassifiedError | undefined {
  const err = error as NodeJS.ErrnoException & { statusCode?: number; level?: string };
  const code = err?.code ?? '';
  const detail = err instanceof Error ? err.message : String(error);
  const at = context.endpointUrl;
  if (
    code === 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE' ||
    code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' ||
    code === 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA'
  ) {
    if (!context.clientCert) {
      return {
        state: 'permission-denied',
        message: `The Docker daemon at ${at} wants a client certificate and Berth has none`,
        hint: 'Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem (or use a docker context made with those files).',
        detail,
      };
    }
    return {
      state: 'permission-denied',
      message: `The Docker daemon at ${at} refused Berth's client certificate`,
      hint: `cert.pem${files(context)} is not signed by the CA the daemon trusts (its --tlscacert), or it has expired. Ask for a client certificate from that CA.`,
      detail,
    };
  }
  if (CERT_CODES_UNTRUSTED.has(code)) {
    return {
      state: 'not-trusted',
      message: `Berth does not trust the certificate of the Docker daemon at ${at}`,
      hint: `ca.pem${files(context)} is not the CA that signed the daemon's certificate. Use the ca.pem that belongs to this daemon.`,
      detail,
    };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return {
      state: 'not-trusted',
      message: `The Docker daemon's certificate is not made out for ${at}`,
      hint: 'Connect with the name or address written in the server certificate (its subjectAltName), or reissue the certificate with this address.',
      detail,
    };
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return {
      state: 'not-trusted',
      message: `The Docker daemon's certificate at ${at} is out of date`,
      hint: 'Renew the server certificate, or check this computer’s clock.',
      detail,
    };
  }
  if (err?.statusCode === 400 && /HTTP request to an HTTPS server/i.test(detail)) {
    return {
      state: 'permission-denied',
      message: `The Docker daemon at ${at} only speaks TLS`,
      hint: 'Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem), or use port 2376 with a docker context that has TLS files.',
      detail,
    };
  }
  if (code === 'EPROTO' || /wrong version number|packet length too long/i.test(detail)) {
    return {
      state: 'unreachable',
      message: `The Docker daemon at ${at} does not speak TLS`,
      hint: 'Unset DOCKER_TLS_VERIFY (or use http://), or start the daemon with --tlsverify.',
      detail,
    };
  }
  const hostDenied = /Host denied/i.test(detail);
  if (hostDenied && context.hostKey?.verdict === 'unknown') {
    return {
      state: 'not-trusted',
      message: `Berth does not know the SSH host key of ${at}`,
      hint: `The server's key is ${context.hostKey.fingerprint}. If that is right, add the host to ~/.ssh/known_hosts (run \`ssh ${sshTarget(at)}\` once and answer yes).`,
      detail,
    };
  }
  if (hostDenied && context.hostKey?.verdict === 'changed') {
    return {
      state: 'not-trusted',
      message: `The SSH host key of ${at} is not the one in known_hosts`,
      hint: `The server now shows ${context.hostKey.fingerprint}. The machine was reinstalled, or someone is in between; if you trust the new key, remove the old line from ~/.ssh/known_hosts.`,
      detail,
    };
  }
  if (err?.level === 'client-authentication') {
    return {
      state: 'permission-denied',
      message: `The SSH server at ${at} did not accept Berth's key`,
      hint: 'Load your key into ssh-agent (SSH_AUTH_SOCK) or put it in ~/.ssh (id_ed25519, id_rsa), and add its public half to the server’s authorized_keys.',
      detail,
    };
  }
  if (/docker system dial-stdio|command not found/i.test(detail)) {
    return {
      state: 'unreachable',
      message: `The SSH host ${at} has no docker CLI`,
      hint: 'Berth talks through `docker system dial-stdio` on the remote machine: install the docker CLI there.',
      detail,
    };
  }
  if (code === 'ECONNREFUSED' && !at.startsWith('unix:') && !at.startsWith('npipe:')) {
    return {
      state: 'not-running',
      message: `Nothing answers at ${at}`,
      hint: at.startsWith('ssh:')
        ? 'Is sshd running on that machine, and is the port right?'
        : 'Is the daemon started with -H tcp://…, is the port right (2376 for TLS), and does a firewall let it through?',
      detail,
    };
  }
  return undefined;
}
