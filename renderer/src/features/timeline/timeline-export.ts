import type { TimelineModel } from '@contract';
import { currentPalette } from './timeline-canvas';
import { drawTimeline, LAYOUT } from './timeline-draw';

/** Saves text as a file the browser downloads. */
export function downloadText(fileName: string, text: string, type: string): void {
  download(fileName, new Blob([text], { type }));
}

function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The whole timeline (every row, the whole span) as a PNG at twice the screen's resolution. */
export function downloadPng(model: TimelineModel, fileName: string): void {
  const width = 1400;
  const height = LAYOUT.header + model.rows.length * LAYOUT.rowHeight + 16;
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.scale(2, 2);
  const pad = Math.max(50, (model.to - model.from) * 0.03);
  drawTimeline(
    ctx,
    model,
    { from: model.from - pad, to: model.to + pad, scrollRow: 0 },
    { width, height },
    currentPalette(),
  );
  canvas.toBlob((blob) => blob && download(fileName, blob), 'image/png');
}
