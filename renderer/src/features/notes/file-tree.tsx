import { useEffect, useRef, useState } from 'react';
import type { VaultTreeNode } from '@contract';
import { useQuery } from '../../api';
import { fileViewFor } from '../../ui/file-views';
import { CanvasIcon, ChevronIcon, FileTextIcon, ImageIcon } from './note-icons';
import { notesStore, useNotesState } from './notes-store';
import { onTreeKeyDown } from './tree-keys';

function attachmentUrl(path: string): string {
  return `/vault-file/${path.split('/').map(encodeURIComponent).join('/')}`;
}

interface TreeItemProps {
  node: VaultTreeNode;
  depth: number;
  open: Set<string>;
  toggle: (path: string) => void;
  currentPath?: string;
  focusPath: string;
  setFocusPath: (path: string) => void;
}

function activate(node: VaultTreeNode, toggle: (path: string) => void): void {
  if (node.kind === 'folder') toggle(node.path);
  else if (node.kind === 'note' || fileViewFor(node.path)) notesStore.open(node.path);
  else window.open(attachmentUrl(node.path), '_blank', 'noopener');
}

function TreeItem({ node, depth, open, toggle, currentPath, focusPath, setFocusPath }: TreeItemProps) {
  const indent = { paddingLeft: 8 + depth * 14 };
  const isFolder = node.kind === 'folder';
  const isOpen = isFolder && open.has(node.path);
  const active = node.path === currentPath;
  return (
    <li
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={isFolder ? isOpen : undefined}
      aria-selected={active}
      aria-label={node.name}
      tabIndex={node.path === focusPath ? 0 : -1}
      data-path={node.path}
      data-kind={node.kind}
      className="tree-item"
      onFocus={(event) => event.target === event.currentTarget && setFocusPath(node.path)}
      onClick={(event) => {
        event.stopPropagation();
        setFocusPath(node.path);
        activate(node, toggle);
      }}
    >
      <div className={`tree-row is-${node.kind}${active ? ' is-active' : ''}`} style={indent} title={isFolder ? undefined : node.path}>
        {isFolder ? <ChevronIcon className={isOpen ? 'chevron is-open' : 'chevron'} /> : node.kind === 'note' ? <FileTextIcon /> : fileViewFor(node.path) ? <CanvasIcon /> : <ImageIcon />}
        <span className="tree-label">{node.name}</span>
      </div>
      {isOpen && (
        <ul role="group">
          {node.children?.map((child) => (
            <TreeItem key={child.path} node={child} depth={depth + 1} open={open} toggle={toggle} currentPath={currentPath} focusPath={focusPath} setFocusPath={setFocusPath} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The vault's folders, notes and attachments as an ARIA tree: one Tab stop, the arrow keys move,
 * Right/Left open and close folders, Enter opens. Folders of the open note unfold by themselves.
 */
export function FileTree() {
  // Asked once the vault has answered its info (the host answers that when the vault is open).
  // Asked before, it was asked again at the vault's "opened" event: a 5,000-note tree (350 KB)
  // built, checked and sent twice while the first note was waiting.
  const info = useQuery('vault.info', {}, { invalidateOn: ['vault.changed'] });
  const tree = useQuery('vault.tree', {}, { invalidateOn: ['vault.changed'], enabled: info.data !== undefined });
  const { current } = useNotesState();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [focusPath, setFocusPath] = useState('');
  const treeRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!current?.path.includes('/')) return;
    const parts = current.path.split('/').slice(0, -1);
    setOpen((previous) => {
      const next = new Set(previous);
      parts.forEach((_, i) => next.add(parts.slice(0, i + 1).join('/')));
      return next.size === previous.size ? previous : next;
    });
  }, [current?.path]);

  const toggle = (path: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const nodes = tree.data?.nodes ?? [];
  // The one Tab stop: the item last focused, else the open note, else the first item.
  const stop = focusPath && treeRef.current?.querySelector(`[data-path="${CSS.escape(focusPath)}"]`) ? focusPath : (current?.path ?? nodes[0]?.path ?? '');
  useEffect(() => {
    if (treeRef.current && !treeRef.current.querySelector('[role="treeitem"][tabindex="0"]')) treeRef.current.querySelector<HTMLElement>('[role="treeitem"]')?.setAttribute('tabindex', '0');
  });

  if (tree.error) return <p className="sidebar-message tone-danger">{tree.error.message}</p>;
  if (!tree.data) return <p className="sidebar-message">Reading the vault…</p>;
  if (!nodes.length) return <p className="sidebar-message">This vault has no notes yet.</p>;
  return (
    <ul
      ref={treeRef}
      className="file-tree"
      role="tree"
      aria-label="Files"
      onKeyDown={(event) =>
        onTreeKeyDown(event, {
          isOpen: (path) => open.has(path),
          setOpen: (path, value) => open.has(path) !== value && toggle(path),
          activate: (item) => item.click(),
        })
      }
    >
      {nodes.map((node) => (
        <TreeItem key={node.path} node={node} depth={0} open={open} toggle={toggle} currentPath={current?.path} focusPath={stop} setFocusPath={setFocusPath} />
      ))}
    </ul>
  );
}
