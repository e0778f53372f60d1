import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkKnownHost, knownHostsName, sshFingerprint } from './ssh-known-hosts';

const key = randomBytes(51);
const other = randomBytes(51);
const b64 = (b: Buffer) => b.toString('base64');

function hashed(name: string): string {
  const salt = randomBytes(20);
  return `|1|${b64(salt)}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('checkKnownHost', () => {
  it('knows a plain entry on port 22 and a [host]:port entry', () => {
    expect(checkKnownHost(`build-box ssh-ed25519 ${b64(key)}\n`, 'build-box', 22, key)).toBe(
      'known',
    );
    expect(checkKnownHost(`[127.0.0.1]:2222 ssh-ed25519 ${b64(key)}`, '127.0.0.1', 2222, key)).toBe(
      'known',
    );
    expect(checkKnownHost(`127.0.0.1 ssh-ed25519 ${b64(key)}`, '127.0.0.1', 2222, key)).toBe(
      'unknown',
    );
  });

  it('matches hashed names, comma lists, globs and negations, and skips comments', () => {
    const text = [
      '# a comment',
      '',
      `${hashed('[lab.example]:2200')} ssh-ed25519 ${b64(key)}`,
      `web1,web2 ssh-ed25519 ${b64(key)}`,
      `*.school.lan,!evil.school.lan ssh-ed25519 ${b64(key)}`,
    ].join('\n');
    expect(checkKnownHost(text, 'lab.example', 2200, key)).toBe('known');
    expect(checkKnownHost(text, 'web2', 22, key)).toBe('known');
    expect(checkKnownHost(text, 'pi.school.lan', 22, key)).toBe('known');
    expect(checkKnownHost(text, 'evil.school.lan', 22, key)).toBe('unknown');
  });

  it('says "changed" when the host is listed with another key or the key is revoked', () => {
    expect(checkKnownHost(`build-box ssh-ed25519 ${b64(other)}`, 'build-box', 22, key)).toBe(
      'changed',
    );
    expect(
      checkKnownHost(
        `@revoked * ssh-ed25519 ${b64(key)}\nbuild-box ssh-ed25519 ${b64(key)}`,
        'build-box',
        22,
        key,
      ),
    ).toBe('changed');
    expect(
      checkKnownHost(`@cert-authority * ssh-ed25519 ${b64(other)}`, 'build-box', 22, key),
    ).toBe('unknown');
  });

  it('writes names and fingerprints the way OpenSSH does', () => {
    expect(knownHostsName('h', 22)).toBe('h');
    expect(knownHostsName('h', 2022)).toBe('[h]:2022');
    expect(sshFingerprint(key)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});
