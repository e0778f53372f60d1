import { TIMELINE_THEMES, type TimelineModel, type TimelineRowKind } from '../../contract/timeline';

const KIND_LABEL: Record<TimelineRowKind, string> = {
  container: 'container',
  named: 'volume',
  anonymous: 'anon. volume',
  bind: 'bind mount',
  tmpfs: 'tmpfs',
  network: 'network',
};

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

/** "+1.2 s" relative to the start, or a clock time for long spans. */
export function formatOffset(ms: number): string {
  if (ms < 1000) return `+${Math.round(ms)} ms`;
  if (ms < 120_000) return `+${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `+${Math.round(ms / 60_000)} min`;
}

/**
 * The timeline as a self-contained SVG document: text as text, colours baked in, no scripts, no
 * event attributes, no external references; one row (a `<g data-row>`) per object.
 */
export function timelineSvg(model: TimelineModel, theme: 'light' | 'dark'): string {
  const colors = TIMELINE_THEMES[theme];
  const labelWidth = 230;
  const plotWidth = 860;
  const rowHeight = 26;
  const top = 64 + (model.bands.length ? 30 : 0);
  const width = labelWidth + plotWidth + 24;
  const height = top + model.rows.length * rowHeight + 48;
  const span = Math.max(1, model.to - model.from);
  const x = (at: number) =>
    labelWidth + ((Math.min(Math.max(at, model.from), model.to) - model.from) / span) * plotWidth;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
  );
  out.push(`<title>${escapeXml(model.title)}</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="${colors.background}"/>`);
  out.push(
    `<text x="16" y="26" font-size="16" font-weight="600" fill="${colors.text}">${escapeXml(model.title)}</text>`,
  );
  out.push(
    `<text x="16" y="46" fill="${colors.muted}">${escapeXml(new Date(model.from).toISOString().replace('T', ' ').slice(0, 19))} UTC · ${escapeXml(formatOffset(span))} · ${model.rows.length} objects</text>`,
  );
  // Time axis
  for (let i = 0; i <= 6; i++) {
    const at = model.from + (span * i) / 6;
    const gx = x(at);
    out.push(
      `<line x1="${gx.toFixed(1)}" y1="${top - 6}" x2="${gx.toFixed(1)}" y2="${top + model.rows.length * rowHeight}" stroke="${colors.grid}"/>`,
    );
    out.push(
      `<text x="${gx.toFixed(1)}" y="${top + model.rows.length * rowHeight + 16}" text-anchor="middle" fill="${colors.muted}">${escapeXml(formatOffset(at - model.from))}</text>`,
    );
  }
  // Step bands
  model.bands.forEach((band, i) => {
    const bx = x(band.from);
    const bw = Math.max(2, x(band.to) - bx);
    out.push(
      `<g data-band="${band.index}"><rect x="${bx.toFixed(1)}" y="${top - 30}" width="${bw.toFixed(1)}" height="${24 + model.rows.length * rowHeight}" fill="${colors.band[i % 2]}" opacity="0.7"/>`,
    );
    out.push(
      `<text x="${(bx + 3).toFixed(1)}" y="${top - 14}" fill="${colors.muted}" font-size="10">${escapeXml(`${band.index + 1}. ${band.title}`.slice(0, Math.max(4, Math.floor(bw / 6))))}</text></g>`,
    );
  });
  // Rows
  model.rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    out.push(`<g data-row="${escapeXml(row.id)}">`);
    out.push(
      `<text x="16" y="${y + 17}" fill="${colors.text}">${escapeXml(row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label)}<title>${escapeXml(row.label)}</title></text>`,
    );
    out.push(
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" fill="${colors.muted}" font-size="10">${KIND_LABEL[row.kind]}</text>`,
    );
    for (const segment of row.segments) {
      const sx = x(segment.from);
      const ex = segment.to === null ? x(model.to) : x(segment.to);
      const w = Math.max(segment.state === 'removed' ? 3 : 2, ex - sx);
      out.push(
        `<rect x="${sx.toFixed(1)}" y="${y + 6}" width="${w.toFixed(1)}" height="14" rx="3" fill="${colors.states[segment.state]}"><title>${escapeXml(`${segment.state} · ${segment.cause}`)}</title></rect>`,
      );
    }
    for (const tick of row.ticks) {
      const tx = x(tick.at);
      out.push(
        `<line x1="${tx.toFixed(1)}" y1="${y + 3}" x2="${tx.toFixed(1)}" y2="${y + 23}" stroke="${colors.text}" stroke-opacity="0.45"/>`,
      );
    }
    out.push('</g>');
  });
  // Container → mount connectors
  const rowIndex = new Map(model.rows.map((row, i) => [row.id, i]));
  for (const [i, row] of model.rows.entries()) {
    for (const link of row.links) {
      const j = rowIndex.get(link.rowId);
      if (j === undefined) continue;
      const lx = x(link.at);
      out.push(
        `<line x1="${lx.toFixed(1)}" y1="${top + i * rowHeight + 13}" x2="${lx.toFixed(1)}" y2="${top + j * rowHeight + 13}" stroke="${colors.muted}" stroke-dasharray="2 2"/>`,
      );
    }
  }
  // Legend
  const legendY = height - 14;
  let lx = 16;
  for (const state of ['created', 'mounted', 'unmounted', 'dangling', 'removed'] as const) {
    out.push(
      `<rect x="${lx}" y="${legendY - 9}" width="10" height="10" rx="2" fill="${colors.states[state]}"/><text x="${lx + 14}" y="${legendY}" fill="${colors.muted}">${state === 'mounted' ? 'mounted / running' : state === 'unmounted' ? 'unmounted / stopped' : state}</text>`,
    );
    lx += state === 'mounted' ? 135 : state === 'unmounted' ? 150 : 80;
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
