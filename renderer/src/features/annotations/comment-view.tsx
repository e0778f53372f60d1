import { useQuery } from '../../api';

/** A comment rendered by the main process with the notes' sanitizing pipeline. */
export function CommentView({ notePath, markdown }: { notePath: string; markdown: string }) {
  const rendered = useQuery('annotations.renderComment', { notePath, markdown });
  if (rendered.error) return <p className="annotation-comment">{markdown}</p>;
  if (!rendered.data) return <p className="annotation-comment faint">{markdown}</p>;
  // The HTML comes from the same sanitizing renderer as the notes themselves.
  return <div className="annotation-comment markdown-body" dangerouslySetInnerHTML={{ __html: rendered.data.html }} />;
}
