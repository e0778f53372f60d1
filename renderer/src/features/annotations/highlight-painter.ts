import type { Annotation, Placement } from '@contract';
import { readTextModel } from './rendered-text';

const MARK_CLASS = 'annotation-mark';

/** Removes every highlight mark from the note, leaving its text as it was. */
export function clearHighlights(body: HTMLElement): void {
  const marks = body.querySelectorAll(`mark.${MARK_CLASS}`);
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}

/**
 * Wraps each placed annotation's text in `<mark>` elements (one per text node it spans), coloured
 * by the annotation, so the note shows its highlights. Orphans are not painted. Overlapping
 * highlights nest.
 */
export function paintHighlights(body: HTMLElement, placements: Placement[], byId: Map<string, Annotation>): void {
  // Paint from the end backwards so that splitting text nodes does not move later offsets.
  const placed = placements.filter((p) => p.status === 'anchored' && p.end > p.start).sort((a, b) => b.start - a.start);
  for (const placement of placed) {
    const annotation = byId.get(placement.id);
    if (!annotation) continue;
    // Read the text nodes again: wrapping the previous highlight split some of them.
    const model = readTextModel(body);
    for (let i = model.nodes.length - 1; i >= 0; i--) {
      const entry = model.nodes[i];
      if (!entry) continue;
      const nodeStart = entry.start;
      const nodeEnd = entry.start + entry.node.data.length;
      if (nodeEnd <= placement.start || nodeStart >= placement.end) continue;
      if (entry.node.parentElement?.closest('pre, code') && !entry.node.data.trim()) continue;
      wrap(entry.node, Math.max(0, placement.start - nodeStart), Math.min(entry.node.data.length, placement.end - nodeStart), annotation);
    }
  }
}

function wrap(node: Text, from: number, to: number, annotation: Annotation): void {
  if (to <= from || !node.parentNode) return;
  let target = node;
  if (from > 0) target = target.splitText(from);
  if (to - from < target.data.length) target.splitText(to - from);
  const mark = document.createElement('mark');
  mark.className = `${MARK_CLASS} annotation-${annotation.color}${annotation.comment.trim() ? ' has-comment' : ''}`;
  mark.dataset.annotationId = annotation.id;
  mark.title = annotation.comment.trim() ? annotation.comment.slice(0, 200) : 'Highlight';
  target.parentNode?.insertBefore(mark, target);
  mark.appendChild(target);
}
