import type { ImageSummary } from '@contract';
import { formatBytes } from '../../ui/format-bytes';
import { OwnerBadge } from './owner-badge';
import { createdColumn, ResourceTable } from './resource-table';

/** `sha256:abc…` → the 12 characters `docker images` shows. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** What a person calls the image: its first tag, or `<none>` and the short id. */
export function imageTitle(image: Pick<ImageSummary, 'tags' | 'id'>): string {
  return image.tags[0] ?? `<none> ${shortId(image.id)}`;
}

const keys = {
  name: (i: ImageSummary) => imageTitle(i),
  size: (i: ImageSummary) => i.size,
  unique: (i: ImageSummary) => i.uniqueSize,
  used: (i: ImageSummary) => i.containers,
  created: (i: ImageSummary) => i.createdAt,
};

/** The images as a dense sortable table: tags, size with its shared part, use, age. */
export function ImagesList({
  images,
  selectedId,
  onSelect,
}: {
  images: ImageSummary[];
  selectedId?: string;
  onSelect: (id: string) => void;
}) {
  return (
    <ResourceTable
      label="Images"
      rows={images}
      sortKeys={keys}
      initialSort={{ column: 'created', descending: true }}
      rowId={(image) => image.id}
      rowData={(image) => ({ 'data-image': imageTitle(image) })}
      selectedId={selectedId}
      onOpen={(image) => onSelect(image.id)}
      name={{
        label: 'Image',
        sort: 'name',
        cell: (image) => (
          <span
            className={`rb-name mono${image.dangling ? ' faint' : ''}`}
            title={image.tags.join(', ') || image.id}
          >
            {imageTitle(image)}
          </span>
        ),
        sub: (image) => (
          <>
            {image.dangling && <span className="badge badge-warn">dangling</span>}
            {image.tags.length > 1 && (
              <span className="faint">
                +{image.tags.length - 1} tag{image.tags.length > 2 ? 's' : ''}
              </span>
            )}
            {!image.dangling && <span className="faint mono">{shortId(image.id)}</span>}
            <OwnerBadge owner={image.berthOwner} />
          </>
        ),
      }}
      columns={[
        {
          label: 'Size',
          sort: 'size',
          className: 'rb-num',
          cell: (image) => formatBytes(image.size),
        },
        {
          label: 'Unique',
          sort: 'unique',
          className: 'rb-num',
          cell: (image) => (
            <span
              title={
                image.sharedSize > 0
                  ? `${formatBytes(image.sharedSize)} shared with other images`
                  : 'Shares no layers'
              }
            >
              {formatBytes(image.uniqueSize)}
            </span>
          ),
        },
        {
          label: 'Used',
          sort: 'used',
          className: 'rb-num',
          cell: (image) => image.containers || <span className="faint">0</span>,
        },
        createdColumn((image: ImageSummary) => image.createdAt),
      ]}
    />
  );
}
