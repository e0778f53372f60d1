import { useEffect, useState } from 'react';
import type { VaultTreeNode } from '@contract';
import { useQuery } from '../../api';
import { ChevronIcon, FileTextIcon, ImageIcon } from './note-icons';
import { notesStore, useNotesState } from './notes-store';

function attachmentUrl(path: string): string {
  return `/vault-file/${path.split('/').map(encodeURIComponent).join('/')}`;
}

function TreeItem({ node, depth, open, toggle, currentPath }: { node: VaultTreeNode; depth: number; open: Set<string>; toggle: (path: string) => void; currentPath?: string }) {
  const indent = { paddingLeft: 8 + depth * 14 };
  if (node.kind === 'folder') {
    const isOpen = open.has(node.path);
    return (
      <li role="treeitem" aria-expanded={isOpen} aria-selected={false}>
        <button type="button" className="tree-row is-folder" style={indent} onClick={() => toggle(node.path)} data-path={node.path}>
          <ChevronIcon className={isOpen ? 'chevron is-open' : 'chevron'} />
          <span className="tree-label">{node.name}</span>
        </button>
        {isOpen && (
          <ul role="group">
            {node.children?.map((child) => <TreeItem key={child.path} node={child} depth={depth + 1} open={open} toggle={toggle} currentPath={currentPath} />)}
          </ul>
        )}
      </li>
    );
  }
  const active = node.path === currentPath;
  return (
    <li role="treeitem" aria-selected={active}>
      <button
        type="button"
        className={`tree-row is-${node.kind}${active ? ' is-active' : ''}`}
        style={indent}
        data-path={node.path}
        title={node.path}
        onClick={() => (node.kind === 'note' ? notesStore.open(node.path) : window.open(attachmentUrl(node.path), '_blank', 'noopener'))}
      >
        {node.kind === 'note' ? <FileTextIcon /> : <ImageIcon />}
        <span className="tree-label">{node.name}</span>
      </button>
    </li>
  );
}

/** The vault's folders, notes and attachments; folders of the open note unfold by themselves. */
export function FileTree() {
  const tree = useQuery('vault.tree', {}, { invalidateOn: ['vault.changed'] });
  const { current } = useNotesState();
  const [open, setOpen] = useState<Set<string>>(new Set());

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

  if (tree.error) return <p className="sidebar-message tone-danger">{tree.error.message}</p>;
  if (!tree.data) return <p className="sidebar-message">Reading the vault…</p>;
  if (!tree.data.nodes.length) return <p className="sidebar-message">This vault has no notes yet.</p>;
  return (
    <ul className="file-tree" role="tree" aria-label="Files">
      {tree.data.nodes.map((node) => <TreeItem key={node.path} node={node} depth={0} open={open} toggle={toggle} currentPath={current?.path} />)}
    </ul>
  );
}
