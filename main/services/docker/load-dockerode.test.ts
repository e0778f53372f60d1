import http from 'node:http';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadDockerode } from './load-dockerode';

const requireHere = createRequire(import.meta.url);
const loaded = (part: string) => Object.keys(requireHere.cache).some((file) => file.includes(part));

describe('loadDockerode', () => {
  it('loads dockerode without gRPC, protobuf and ssh2, which load at their first use', () => {
    const Dockerode = loadDockerode();
    const client = new Dockerode({ socketPath: '/nonexistent.sock' });
    expect(typeof client.listVolumes).toBe('function');
    expect(loaded('/@grpc/')).toBe(false);
    expect(loaded('/protobufjs/')).toBe(false);
    expect(loaded('/ssh2/')).toBe(false);

    // docker-modem's ssh transport, asked for as it is for an ssh:// engine, is the real one.
    const fromModem = createRequire(
      createRequire(requireHere.resolve('dockerode')).resolve('docker-modem'),
    );
    const sshAgent = (fromModem('./ssh') as (options: object) => unknown)({
      host: 'example.invalid',
    });
    expect(sshAgent).toBeInstanceOf(http.Agent);
    expect(loaded('/ssh2/')).toBe(true);
    expect(requireHere('dockerode')).toBe(Dockerode);
  });
});
