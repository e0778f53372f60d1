import { useState } from 'react';
import { AlertIcon, SearchIcon } from '../../ui/icons';
import { useDockerStatus } from '../../api/use-docker-status';
import type { OwnerFilter } from './berth-filter';
import {
  ContainersSection,
  ImagesSection,
  NetworksSection,
  VolumesSection,
} from './resource-sections';
import { useDockerResources } from './use-docker-resources';
import './docker.css';
import './docker-detail.css';
import './docker-dialogs.css';

const KINDS = [
  { id: 'containers', label: 'Containers' },
  { id: 'images', label: 'Images' },
  { id: 'volumes', label: 'Volumes' },
  { id: 'networks', label: 'Networks' },
] as const;
type Kind = (typeof KINDS)[number]['id'];

/**
 * The right-hand pane's Docker view: a resource browser over containers, images, volumes and
 * networks, each a sortable list with a detail panel, actions that ask first, and the docker
 * command for everything. Berth's own objects are marked and can be hidden or shown alone.
 */
export function DockerPane() {
  const status = useDockerStatus();
  const resources = useDockerResources();
  const [kind, setKind] = useState<Kind>('containers');
  const [query, setQuery] = useState('');
  const [owner, setOwner] = useState<OwnerFilter>('all');
  const connected = status?.state === 'connected';
  const counts: Record<Kind, number | undefined> = {
    containers: resources.containers.data?.containers.length,
    images: resources.images.data?.images.length,
    volumes: resources.volumes.data?.volumes.length,
    networks: resources.networks.data?.length,
  };
  const running =
    resources.containers.data?.containers.filter((c) => c.state === 'running').length ?? 0;
  const section = { resources, query, owner };
  return (
    <div className="dock-view rb-view" aria-label="Docker resources">
      <div className="rb-header">
        <h2>Docker</h2>
        {connected && <span className="faint rb-header-meta">{running} running</span>}
        {!connected && resources.volumes.data?.stale && (
          <span
            className="badge badge-warn"
            title="Docker is unreachable; lists show the last known state"
          >
            stale
          </span>
        )}
      </div>
      {!connected && status && (
        <div className="inline-alert tone-danger rb-banner" role="status">
          <AlertIcon size={15} />
          <div>
            <strong>{status.message}</strong>
            {status.hint && <div className="muted">{status.hint}</div>}
          </div>
        </div>
      )}
      <nav className="rb-segmented" role="tablist" aria-label="Docker resources">
        {KINDS.map((k) => (
          <button
            key={k.id}
            type="button"
            role="tab"
            aria-selected={kind === k.id}
            className="rb-segment"
            data-kind={k.id}
            onClick={() => setKind(k.id)}
          >
            {k.label}
            {counts[k.id] !== undefined && <span className="rb-count">{counts[k.id]}</span>}
          </button>
        ))}
      </nav>
      <div className="rb-toolbar">
        <label className="rb-search">
          <SearchIcon size={14} />
          <input
            className="rb-search-input"
            type="search"
            placeholder={`Filter ${kind}…`}
            aria-label={`Filter ${kind}`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <select
          className="input rb-select"
          aria-label="Owner"
          value={owner}
          onChange={(e) => setOwner(e.target.value as OwnerFilter)}
        >
          <option value="all">All owners</option>
          <option value="mine">Not Berth&apos;s</option>
          <option value="berth">Berth&apos;s only</option>
        </select>
      </div>
      <div className="rb-body" role="tabpanel" aria-label={kind}>
        {kind === 'containers' && <ContainersSection {...section} />}
        {kind === 'images' && <ImagesSection {...section} />}
        {kind === 'volumes' && <VolumesSection {...section} />}
        {kind === 'networks' && <NetworksSection {...section} />}
      </div>
    </div>
  );
}
