import type { ReactNode } from 'react';

/** What the reader gives a view of a vault file that is not a note (a canvas): its path and the reader's navigation. */
export interface FileViewHost {
  /** Vault-relative path of the file shown. */
  path: string;
  /** Follows a link inside note HTML the view shows (notes, headings, tags, attachments, web links), as the reader does. */
  followLink(link: HTMLElement): void;
  /** Opens a vault file: a note (or another file with a view) in the reader, anything else as the file tree would. */
  openFile(path: string): void;
}

/** A view of the reader for vault files of some extensions. */
export interface FileView {
  id: string;
  /** Lower-case extensions without the dot, e.g. `['canvas']`. */
  extensions: readonly string[];
  render(host: FileViewHost): ReactNode;
}

const views: FileView[] = [];

/**
 * Registers a view of the reader for files that are not notes; the notes feature shows such files
 * in its reader (history, breadcrumb) instead of opening them outside. The shell registers the
 * views, so the notes feature and the viewing feature never import each other.
 */
export function registerFileView(view: FileView): () => void {
  views.push(view);
  return () => {
    const at = views.indexOf(view);
    if (at >= 0) views.splice(at, 1);
  };
}

/** The view registered for a vault path's extension, if any. */
export function fileViewFor(path: string): FileView | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return undefined;
  const extension = path.slice(dot + 1).toLowerCase();
  return views.find((view) => view.extensions.includes(extension));
}
