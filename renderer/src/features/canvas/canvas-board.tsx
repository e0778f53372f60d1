import { useCallback, useMemo, useRef, type CSSProperties } from 'react';
import type { CanvasView } from '@contract';
import type { FileViewHost } from '../../ui/file-views';
import { CanvasCard } from './canvas-card';
import { CanvasEdgeLabels, CanvasEdges, shapeEdges } from './canvas-edges';
import { FitIcon, MinusIcon, PlusIcon } from './canvas-icons';
import { useCardHtml } from './use-card-html';
import { useCanvasNavigation } from './use-canvas-navigation';
import { boundsOf, DETAIL_ZOOM, dotSpacing, intersects, visibleRect } from './viewport';

/** Cards whose HTML is asked for at once, at most (the ones on screen). */
const MAX_RENDERED = 300;

/**
 * A canvas drawn as Obsidian draws it: a dotted board, groups behind, arrows, then cards in file
 * order. Only cards and arrows near the screen are in the DOM, and far out cards are plain coloured
 * boxes; card markdown is rendered by the main process (the notes' renderer) as cards come on screen.
 */
export function CanvasBoard({ canvas, host }: { canvas: CanvasView; host: FileViewHost }) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const bounds = useMemo(() => boundsOf(canvas.nodes), [canvas.nodes]);
  const nav = useCanvasNavigation(viewportRef, bounds, canvas.path);
  const { view, size } = nav;
  const edges = useMemo(() => shapeEdges(canvas.nodes, canvas.edges), [canvas.nodes, canvas.edges]);
  const visible = useMemo(() => visibleRect(view, size.width, size.height), [view, size.width, size.height]);
  const shownNodes = useMemo(() => canvas.nodes.filter((n) => intersects(n, visible)), [canvas.nodes, visible]);
  const detailed = view.zoom >= DETAIL_ZOOM;
  const wanted = useMemo(
    () => (detailed ? shownNodes.filter((n) => n.type === 'text' || (n.type === 'file' && n.target === 'note')).slice(0, MAX_RENDERED).map((n) => n.id) : []),
    [detailed, shownNodes],
  );
  const html = useCardHtml(canvas.path, canvas.mtimeMs, wanted);
  const labelScale = view.zoom < 1 ? 1 / Math.max(view.zoom, 0.25) : 1;

  const onClick = useCallback(
    (event: React.MouseEvent) => {
      const link = (event.target as HTMLElement).closest<HTMLElement>('a');
      if (!link || !event.currentTarget.contains(link)) return;
      event.preventDefault();
      host.followLink(link);
    },
    [host],
  );

  const spacing = dotSpacing(view.zoom);
  const board: CSSProperties = spacing
    ? { backgroundSize: `${spacing}px ${spacing}px`, backgroundPosition: `${view.x % spacing}px ${view.y % spacing}px` }
    : { backgroundImage: 'none' };

  return (
    <div className="canvas-view">
      <div
        ref={viewportRef}
        className={`canvas-viewport${detailed ? '' : ' is-far'}${nav.fitted ? '' : ' is-fitting'}`}
        style={board}
        tabIndex={0}
        role="region"
        aria-roledescription="canvas"
        aria-label={`Canvas: ${canvas.name}. Arrow keys pan, plus and minus zoom, 0 fits the whole canvas.`}
        data-pane-focus
        data-testid="canvas-viewport"
        data-zoom={view.zoom.toFixed(4)}
        data-fitted={nav.fitted}
        onKeyDown={nav.onKeyDown}
        onPointerDown={nav.onPointerDown}
        onClickCapture={nav.onClickCapture}
        onClick={onClick}
      >
        <div className="canvas-world" style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` }}>
          {shownNodes
            .filter((n) => n.type === 'group')
            .map((node) => (
              <CanvasCard key={node.id} node={node} html={undefined} detailed={detailed} labelScale={labelScale} onOpenFile={host.openFile} />
            ))}
          <CanvasEdges edges={edges} visible={visible} />
          {shownNodes
            .filter((n) => n.type !== 'group')
            .map((node) => (
              <CanvasCard key={node.id} node={node} html={html.get(node.id)} detailed={detailed} labelScale={labelScale} onOpenFile={host.openFile} />
            ))}
          {detailed && <CanvasEdgeLabels edges={edges} visible={visible} />}
        </div>
        {!canvas.nodes.length && <p className="canvas-empty">This canvas is empty.</p>}
      </div>
      <div className="canvas-controls" role="toolbar" aria-label="Canvas zoom">
        <button type="button" className="icon-button" aria-label="Zoom in" title="Zoom in (+)" onClick={() => nav.zoomBy(1.2)}>
          <PlusIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Zoom out" title="Zoom out (-)" onClick={() => nav.zoomBy(1 / 1.2)}>
          <MinusIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Fit to view" title="Fit the whole canvas (0)" onClick={nav.fit}>
          <FitIcon />
        </button>
        <span className="canvas-zoom-level" aria-label="Zoom level">
          {Math.round(view.zoom * 100)}%
        </span>
      </div>
    </div>
  );
}
