import type { EngineInfo } from '../../contract';

/** Which engine answers on the Docker API: Docker Engine, Docker Desktop, Podman, or another. */
export interface EngineIdentity {
  product: 'docker' | 'docker-desktop' | 'podman' | 'other';
  /** How to name it to a person: "Docker Engine", "Docker Desktop", "Podman". */
  productName: string;
}

interface VersionLike {
  Components?: { Name?: string }[];
  Platform?: { Name?: string };
}

interface InfoLike {
  OperatingSystem?: string;
  Name?: string;
}

/**
 * Tells engines apart from `/version` (its components and platform name) and `/info`: Podman's
 * compatible API reports a "Podman Engine" component, Docker Desktop an operating system of
 * "Docker Desktop", Docker Engine an "Engine" component (Docker Engine - Community, Debian's docker.io).
 */
export function identifyEngine(version: VersionLike, info: InfoLike): EngineIdentity {
  const components = (version.Components ?? []).map((c) => String(c.Name ?? '').toLowerCase());
  const platform = String(version.Platform?.Name ?? '').toLowerCase();
  if (components.some((name) => name.includes('podman')) || platform.includes('podman'))
    return { product: 'podman', productName: 'Podman' };
  if (
    String(info.OperatingSystem ?? '')
      .toLowerCase()
      .includes('docker desktop') ||
    platform.includes('desktop')
  ) {
    return { product: 'docker-desktop', productName: 'Docker Desktop' };
  }
  if (
    components.includes('engine') ||
    platform.includes('docker engine') ||
    components.length === 0
  )
    return { product: 'docker', productName: 'Docker Engine' };
  return {
    product: 'other',
    productName: `${version.Platform?.Name ?? 'A Docker-compatible engine'}`,
  };
}

/** What the status bar and the engines list show of an engine, from its `/version` and `/info`. */
export function describeEngine(
  versionAnswer: object,
  infoAnswer: object,
  apiVersion: string,
): EngineInfo {
  const version = versionAnswer as Record<string, unknown>;
  const info = infoAnswer as Record<string, unknown>;
  const text = (...values: unknown[]) =>
    String(values.find((value) => value !== undefined && value !== null) ?? '');
  return {
    ...identifyEngine(version as VersionLike, info as InfoLike),
    version: text(version.Version),
    apiVersion,
    os: text(version.Os, info.OSType),
    arch: text(version.Arch, info.Architecture),
    kernelVersion: text(version.KernelVersion, info.KernelVersion),
    storageDriver: text(info.Driver),
    name: text(info.Name),
    operatingSystem: text(info.OperatingSystem),
  };
}
