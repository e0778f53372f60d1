import { memo, type CSSProperties } from 'react';
import type { CanvasNodeView } from '@contract';
import { FileIcon, GlobeIcon } from './canvas-icons';

/** The class and style that colour a card, group or arrow: a preset class, or a hex colour as a CSS variable. */
export function colorProps(color: string | undefined): { className: string; style: CSSProperties } {
  if (!color) return { className: '', style: {} };
  if (/^[1-6]$/.test(color)) return { className: ` canvas-color-${color}`, style: {} };
  // A custom property set through the CSSOM (React's style prop), which the CSP allows.
  return { className: ' canvas-color-custom', style: { '--canvas-color': color } as CSSProperties };
}

function boxStyle(node: CanvasNodeView, extra: CSSProperties): CSSProperties {
  return { ...extra, left: node.x, top: node.y, width: node.width, height: node.height };
}

interface CardProps {
  node: CanvasNodeView;
  /** Rendered, sanitized HTML (text cards, notes of file cards), once it has come. */
  html: string | undefined;
  /** False when zoomed far out: the card is a coloured box. */
  detailed: boolean;
  /** Scale that keeps a group's label readable when zoomed out. */
  labelScale: number;
  onOpenFile(path: string): void;
}

function HtmlBody({ html, fallback }: { html: string | undefined; fallback: string }) {
  // The HTML comes from the notes' sanitizing renderer and was sanitized again in this page.
  if (html !== undefined) return <div className="canvas-card-content note-content" dangerouslySetInnerHTML={{ __html: html }} />;
  return <div className="canvas-card-content note-content is-pending">{fallback ? <p>{fallback}</p> : null}</div>;
}

function FileBody({ node, html, onOpenFile }: { node: Extract<CanvasNodeView, { type: 'file' }>; html: string | undefined; onOpenFile(path: string): void }) {
  if (node.target === 'image' && node.url) return <img className="canvas-card-image" src={node.url} alt={node.name} draggable={false} loading="lazy" />;
  if (node.target === 'note') return <HtmlBody html={html} fallback="" />;
  return (
    <div className="canvas-card-file">
      <FileIcon width={28} height={28} />
      <span className="canvas-card-file-name">{node.name}</span>
      {node.problem && <span className="canvas-card-problem">{node.problem}</span>}
      {node.path && (
        <button type="button" className="btn canvas-card-open" onClick={() => onOpenFile(node.path!)}>
          Open
        </button>
      )}
    </div>
  );
}

function LinkBody({ node }: { node: Extract<CanvasNodeView, { type: 'link' }> }) {
  if (!node.safe) {
    return (
      <div className="canvas-card-link is-blocked">
        <span className="canvas-card-link-url">{node.url}</span>
        <span className="canvas-card-problem">Berth opens only http and https links; this one is shown as text.</span>
      </div>
    );
  }
  return (
    <div className="canvas-card-link">
      <GlobeIcon width={28} height={28} />
      <a className="external-link canvas-card-link-url" href={node.url} target="_blank" rel="noopener noreferrer nofollow">
        {node.host}
      </a>
      <span className="canvas-card-link-full">{node.url}</span>
    </div>
  );
}

/** One card or group of a canvas, placed in canvas coordinates. */
export const CanvasCard = memo(function CanvasCard({ node, html, detailed, labelScale, onOpenFile }: CardProps) {
  const color = colorProps(node.color);
  if (node.type === 'group') {
    const background: CSSProperties = node.background ? { backgroundImage: `url("${node.background.replace(/["\\\n]/g, '')}")` } : {};
    return (
      <div className={`canvas-node canvas-group${color.className}`} style={boxStyle(node, color.style)} data-node-id={node.id} role="group" aria-label={node.label ? `Group: ${node.label}` : 'Group'}>
        {node.background && <div className={`canvas-group-background is-${node.backgroundStyle ?? 'cover'}`} style={background} />}
        {node.label && (
          <div className="canvas-group-label" style={labelScale !== 1 ? { transform: `scale(${labelScale})` } : undefined}>
            {node.label}
          </div>
        )}
      </div>
    );
  }
  const label = node.type === 'file' ? node.name : node.type === 'link' ? node.host || node.url : node.preview.split('\n')[0]?.slice(0, 80) || 'Text card';
  return (
    <div
      className={`canvas-node canvas-card is-${node.type}${node.type === 'file' ? ` is-${node.target}` : ''}${color.className}`}
      style={boxStyle(node, color.style)}
      data-node-id={node.id}
      role="article"
      aria-label={label}
    >
      {node.type === 'file' && detailed && (
        <button type="button" className="canvas-file-label" title={node.path ?? node.file} onClick={() => node.path && onOpenFile(node.path)} disabled={!node.path}>
          {node.name}
          {node.subpath ?? ''}
        </button>
      )}
      {detailed && (
        <div className="canvas-card-inner">
          {node.type === 'text' && <HtmlBody html={html} fallback={node.preview} />}
          {node.type === 'file' && <FileBody node={node} html={html} onOpenFile={onOpenFile} />}
          {node.type === 'link' && <LinkBody node={node} />}
        </div>
      )}
    </div>
  );
});
