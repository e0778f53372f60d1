import { describe, expect, it } from 'vitest';
import { identifyEngine } from './identify-engine';

describe('identifyEngine', () => {
  it('names Debian’s docker.io and Docker Engine - Community', () => {
    expect(
      identifyEngine(
        { Components: [{ Name: 'Engine' }, { Name: 'containerd' }, { Name: 'runc' }] },
        { OperatingSystem: 'Debian GNU/Linux 12 (bookworm)' },
      ),
    ).toEqual({ product: 'docker', productName: 'Docker Engine' });
    expect(
      identifyEngine(
        { Platform: { Name: 'Docker Engine - Community' }, Components: [{ Name: 'Engine' }] },
        {},
      ),
    ).toMatchObject({ product: 'docker' });
  });
  it('names Podman’s compatible API (podman system service)', () => {
    // Podman 4.3's /version: Platform.Name "linux/amd64/debian-12", Components[0].Name "Podman Engine".
    expect(
      identifyEngine(
        {
          Platform: { Name: 'linux/amd64/debian-12' },
          Components: [{ Name: 'Podman Engine' }, { Name: 'Conmon' }],
        },
        {},
      ),
    ).toEqual({ product: 'podman', productName: 'Podman' });
  });
  it('names Docker Desktop', () => {
    expect(
      identifyEngine(
        { Platform: { Name: 'Docker Desktop 4.30.0 (149282)' }, Components: [{ Name: 'Engine' }] },
        { OperatingSystem: 'Docker Desktop' },
      ),
    ).toMatchObject({ product: 'docker-desktop', productName: 'Docker Desktop' });
  });
});
