import { useQuery } from '../../api';
import type { FileViewHost } from '../../ui/file-views';
import { CanvasBoard } from './canvas-board';
import './canvas.css';

/** An Obsidian canvas (`.canvas`) in the reader, read-only: its problems above, the board below. */
export function CanvasView({ host }: { host: FileViewHost }) {
  const canvas = useQuery('canvas.read', { path: host.path }, { invalidateOn: ['vault.changed'] });
  const shown = canvas.data && canvas.data.path === host.path ? canvas.data : undefined;
  if (canvas.error && !shown) {
    return (
      <div className="canvas-message" role="alert">
        <p className="canvas-message-title">This canvas cannot be shown</p>
        <p>{canvas.error.message}</p>
      </div>
    );
  }
  if (!shown) return <div className="canvas-loading" aria-busy="true" />;
  return (
    <>
      {shown.problems.map((problem) => (
        <div key={problem} className="note-alert tone-warn canvas-problem" role="status">
          {problem}
        </div>
      ))}
      <CanvasBoard canvas={shown} host={host} />
    </>
  );
}
