import './middle-ellipsis.css';

/** Where a name is cut for a middle ellipsis: the tail (what tells `…_web_1` from `…_db_1`) stays whole. */
export function splitName(text: string, tailChars = 12): { head: string; tail: string } {
  if (text.length <= tailChars * 2) return { head: text, tail: '' };
  // Start the tail at a separator when one is near, so `project_client_1` keeps `client_1`.
  const cut = text.length - tailChars;
  const separator = text.slice(cut - 6, cut + 4).search(/[_\-./:]/);
  const at = separator >= 0 ? cut - 6 + separator + 1 : cut;
  return { head: text.slice(0, at), tail: text.slice(at) };
}

/**
 * A name that, when it does not fit, loses its middle (`berth-mxbq…client_1`) rather than its
 * end. The whole name stays the element's text (search, copy, screen readers) and its tooltip.
 */
export function MiddleEllipsis({ text, className }: { text: string; className?: string }) {
  const { head, tail } = splitName(text);
  return (
    <span className={`middle-ellipsis${className ? ` ${className}` : ''}`} title={text}>
      <span className="middle-ellipsis-head">{head}</span>
      {tail && <span className="middle-ellipsis-tail">{tail}</span>}
    </span>
  );
}
