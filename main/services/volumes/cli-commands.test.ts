import { describe, expect, it } from 'vitest';
import { shellQuote, volumeCommands } from './cli-commands';

describe('volumeCommands', () => {
  it('recreates a volume with its driver, labels and options', () => {
    const commands = volumeCommands({
      name: 'db-data',
      volume: {
        driver: 'local',
        scope: 'local',
        mountpoint: '/var/lib/docker/volumes/db-data/_data',
        labels: { 'berth.owner': 'test', note: "it's data" },
        options: { type: 'tmpfs', device: 'tmpfs', o: 'size=100m' },
      },
    });
    expect(commands.recreate).toBe(
      "docker volume create --label berth.owner=test --label 'note=it'\\''s data' --opt device=tmpfs --opt o=size=100m --opt type=tmpfs db-data",
    );
    expect(commands.remove).toBe('docker volume rm db-data');
    expect(commands.inspect).toBe('docker volume inspect db-data');
  });

  it('names a non-local driver and quotes only what needs quoting', () => {
    expect(
      volumeCommands({
        name: 'x',
        volume: {
          driver: 'nfs driver',
          scope: 'local',
          mountpoint: '',
          labels: { flag: '' },
          options: {},
        },
      }).recreate,
    ).toBe("docker volume create --driver 'nfs driver' --label flag x");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote('plain-name_1.2')).toBe('plain-name_1.2');
  });
});
