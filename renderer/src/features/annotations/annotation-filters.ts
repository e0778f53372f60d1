import type { Annotation, HighlightColor, Placement } from '@contract';

/** What the side panel shows. */
export interface AnnotationFilter {
  colors: HighlightColor[];
  tag: string;
  note: string;
  orphanedOnly: boolean;
}

export const emptyFilter: AnnotationFilter = { colors: [], tag: '', note: '', orphanedOnly: false };

/** True when the annotation could not be placed (by the latest anchoring, else as stored). */
export function isOrphaned(annotation: Annotation, placements: Map<string, Placement>): boolean {
  const placement = placements.get(annotation.id);
  return placement ? placement.status === 'orphaned' : annotation.anchor.status === 'orphaned';
}

/** The annotations that pass the filter, in the order given. */
export function applyFilter(annotations: Annotation[], filter: AnnotationFilter, placements: Map<string, Placement>): Annotation[] {
  return annotations.filter(
    (a) =>
      (!filter.colors.length || filter.colors.includes(a.color)) &&
      (!filter.tag || a.tags.includes(filter.tag)) &&
      (!filter.note || a.notePath === filter.note) &&
      (!filter.orphanedOnly || isOrphaned(a, placements)),
  );
}

/** Offers a text as a file download (works in Electron and in the browser). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
