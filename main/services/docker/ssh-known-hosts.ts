import { createHash, createHmac } from 'node:crypto';

/** What known_hosts says about a host key. */
export type HostKeyVerdict = 'known' | 'unknown' | 'changed';

/** The OpenSSH fingerprint of a raw public key blob: "SHA256:…" without padding. */
export function sshFingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The name OpenSSH writes in known_hosts: "host" on port 22, "[host]:port" otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function patternMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith('|1|')) {
    const [, , salt, hash] = pattern.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  const glob = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return glob.test(name);
}

function hostMatches(field: string, name: string): boolean {
  let matched = false;
  for (const pattern of field.split(',')) {
    if (pattern.startsWith('!')) {
      if (patternMatches(pattern.slice(1), name)) return false;
    } else if (patternMatches(pattern, name)) matched = true;
  }
  return matched;
}

/**
 * Checks a server's host key against the text of a known_hosts file (plain and hashed names,
 * [host]:port, globs, negations; @cert-authority lines are ignored, @revoked keys never pass).
 */
export function checkKnownHost(
  knownHosts: string,
  host: string,
  port: number,
  keyBlob: Buffer,
): HostKeyVerdict {
  const name = knownHostsName(host, port);
  const key = keyBlob.toString('base64');
  let listed = false;
  for (const raw of knownHosts.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const marker = fields[0]?.startsWith('@') ? fields.shift() : undefined;
    const [hosts, , blob] = fields;
    if (!hosts || !blob || marker === '@cert-authority' || !hostMatches(hosts, name)) continue;
    if (marker === '@revoked') {
      if (blob === key) return 'changed';
      continue;
    }
    if (blob === key) return 'known';
    listed = true;
  }
  return listed ? 'changed' : 'unknown';
}
