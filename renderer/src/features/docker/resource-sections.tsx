import { useState } from 'react';
import type { NetworkSummary } from '@contract';
import { CliLine } from '../../ui/cli-line';
import { formatBytes } from '../../ui/format-bytes';
import { matchesText, passesOwnerFilter, type OwnerFilter } from './berth-filter';
import { ContainerDetailPanel } from './container-detail';
import { ContainersList } from './containers-list';
import { ImageDetailPanel } from './image-detail';
import { ImagePruneDialog } from './image-prune-dialog';
import { ImagesList } from './images-list';
import { NetworkDetailPanel } from './network-detail';
import { NetworksList } from './networks-list';
import { canRevealNetwork, revealNetwork } from './reveal';
import type { DockerResources } from './use-docker-resources';
import { VolumeTable } from './volume-table';

interface SectionProps {
  resources: DockerResources;
  query: string;
  owner: OwnerFilter;
}

function Empty({ what, hint, filtered }: { what: string; hint: string; filtered: boolean }) {
  return (
    <div className="empty-state">
      <strong>{filtered ? `No ${what} match` : `No ${what} yet`}</strong>
      <span>{filtered ? 'Clear the search or show all owners.' : hint}</span>
    </div>
  );
}

function Failed({ error }: { error: Error | undefined }) {
  return error ? (
    <div className="inline-alert tone-danger rb-banner" role="alert">
      {error.message}
    </div>
  ) : null;
}

/** Containers: the list, then the selected one's detail. */
export function ContainersSection({ resources, query, owner }: SectionProps) {
  const [selectedId, setSelectedId] = useState<string>();
  const all = resources.containers.data?.containers ?? [];
  const shown = all.filter(
    (c) =>
      passesOwnerFilter(c.berthOwner, owner) && matchesText(query, c.name, c.image, c.id, c.state),
  );
  const selected = all.find((c) => c.id === selectedId);
  return (
    <>
      <div className="rb-list">
        <Failed error={resources.containers.error} />
        {shown.length ? (
          <ContainersList containers={shown} selectedId={selectedId} onSelect={setSelectedId} />
        ) : (
          resources.containers.data && (
            <Empty
              what="containers"
              hint="Run one: docker run -d --name web berth-busybox:1.36-local httpd -f"
              filtered={all.length > 0}
            />
          )
        )}
        <CliLine command="docker ps -a" label="Same list" />
      </div>
      {selected && (
        <ContainerDetailPanel
          key={selected.id}
          summary={selected}
          onClose={() => setSelectedId(undefined)}
        />
      )}
    </>
  );
}

/** Images: totals and prune, the list, then the selected one's detail. */
export function ImagesSection({ resources, query, owner }: SectionProps) {
  const [selectedId, setSelectedId] = useState<string>();
  const [pruning, setPruning] = useState(false);
  const data = resources.images.data;
  const all = data?.images ?? [];
  const shown = all.filter(
    (i) => passesOwnerFilter(i.berthOwner, owner) && matchesText(query, i.id, ...i.tags),
  );
  const selected = all.find((i) => i.id === selectedId);
  const dangling = all.filter((i) => i.dangling).length;
  return (
    <>
      <div className="rb-list">
        <div className="rb-summary">
          <span>
            <strong>{formatBytes(data?.layersSize)}</strong>{' '}
            <span className="faint">of layers on disk, each counted once</span>
          </span>
          {dangling > 0 && <span className="badge badge-warn">{dangling} dangling</span>}
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => setPruning(true)}
            data-testid="open-image-prune"
          >
            Prune…
          </button>
        </div>
        <Failed error={resources.images.error} />
        {shown.length ? (
          <ImagesList images={shown} selectedId={selectedId} onSelect={setSelectedId} />
        ) : (
          data && (
            <Empty
              what="images"
              hint="Build one: docker build -t hello ."
              filtered={all.length > 0}
            />
          )
        )}
        <CliLine command="docker image ls -a" label="Same list" />
      </div>
      {selected && (
        <ImageDetailPanel
          key={selected.id}
          image={selected}
          onClose={() => setSelectedId(undefined)}
        />
      )}
      {pruning && <ImagePruneDialog onClose={() => setPruning(false)} />}
    </>
  );
}

/** Volumes: the list; a row opens the Storage view's detail. */
export function VolumesSection({ resources, query, owner }: SectionProps) {
  const list = resources.volumes.data;
  const all = list?.volumes ?? [];
  const shown = all.filter(
    (v) =>
      passesOwnerFilter(v.labels['berth.owner'], owner) && matchesText(query, v.name, ...v.usedBy),
  );
  return (
    <div className="rb-list">
      <Failed error={resources.volumes.error} />
      {shown.length ? (
        <VolumeTable volumes={shown} stale={Boolean(list?.stale)} />
      ) : (
        list && (
          <Empty
            what="volumes"
            hint="Create one: docker volume create demo"
            filtered={all.length > 0}
          />
        )
      )}
      <p className="faint rb-note">
        Open a volume to see its whole life, its files and what used it, in the Storage view.
      </p>
      <CliLine command="docker volume ls" label="Same list" />
    </div>
  );
}

/** Networks: the list; a row opens the networking view when it exists, else a brief detail here. */
export function NetworksSection({ resources, query, owner }: SectionProps) {
  const [selected, setSelected] = useState<NetworkSummary>();
  const all = resources.networks.data ?? [];
  const shown = all.filter(
    (n) =>
      passesOwnerFilter(n.berthOwner, owner) &&
      matchesText(query, n.name, n.driver, ...n.containers.map((c) => c.name)),
  );
  const current = selected && all.find((n) => n.id === selected.id);
  const open = (network: NetworkSummary) => {
    if (canRevealNetwork()) revealNetwork(network.name);
    else setSelected(network);
  };
  return (
    <>
      <div className="rb-list">
        <Failed error={resources.networks.error} />
        {shown.length ? (
          <NetworksList networks={shown} selectedId={current?.id} onSelect={open} />
        ) : (
          resources.networks.data && (
            <Empty
              what="networks"
              hint="Create one: docker network create mynet"
              filtered={all.length > 0}
            />
          )
        )}
        <CliLine command="docker network ls" label="Same list" />
      </div>
      {current && <NetworkDetailPanel network={current} onClose={() => setSelected(undefined)} />}
    </>
  );
}
