import type { ImageSummary } from '@contract';
import { formatBytes } from '../../ui/format-bytes';
import { formatRelativeTime } from '../../ui/format-time';
import { OwnerBadge } from './owner-badge';
import { SortHeader } from './sort-header';
import { useSort } from './use-sort';

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
  const { sorted, sort, toggle } = useSort(images, keys, { column: 'created', descending: true });
  return (
    <table className="rb-table" aria-label="Images">
      <thead>
        <tr>
          <SortHeader column="name" label="Image" sort={sort} onSort={toggle} />
          <SortHeader column="size" label="Size" sort={sort} onSort={toggle} className="rb-num" />
          <SortHeader
            column="unique"
            label="Unique"
            sort={sort}
            onSort={toggle}
            className="rb-num"
          />
          <SortHeader column="used" label="Used" sort={sort} onSort={toggle} className="rb-num" />
          <SortHeader
            column="created"
            label="Created"
            sort={sort}
            onSort={toggle}
            className="rb-num"
          />
        </tr>
      </thead>
      <tbody>
        {sorted.map((image) => (
          <tr
            key={image.id}
            className={image.id === selectedId ? 'is-selected' : undefined}
            data-image={imageTitle(image)}
            onClick={() => onSelect(image.id)}
          >
            <td className="rb-name-cell">
              <button
                type="button"
                className="rb-row-link"
                onClick={() => onSelect(image.id)}
                aria-current={image.id === selectedId ? 'true' : undefined}
              >
                <span
                  className={`rb-name mono${image.dangling ? ' faint' : ''}`}
                  title={image.tags.join(', ') || image.id}
                >
                  {imageTitle(image)}
                </span>
              </button>
              <span className="rb-sub">
                {image.dangling && <span className="badge badge-warn">dangling</span>}
                {image.tags.length > 1 && (
                  <span className="faint">
                    +{image.tags.length - 1} tag{image.tags.length > 2 ? 's' : ''}
                  </span>
                )}
                {!image.dangling && <span className="faint mono">{shortId(image.id)}</span>}
                <OwnerBadge owner={image.berthOwner} />
              </span>
            </td>
            <td className="rb-num">{formatBytes(image.size)}</td>
            <td
              className="rb-num"
              title={
                image.sharedSize > 0
                  ? `${formatBytes(image.sharedSize)} shared with other images`
                  : 'Shares no layers'
              }
            >
              {formatBytes(image.uniqueSize)}
            </td>
            <td className="rb-num">
              {image.containers ? image.containers : <span className="faint">0</span>}
            </td>
            <td className="rb-num faint">{formatRelativeTime(image.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
