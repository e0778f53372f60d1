/** What the tree keyboard needs from the tree component. */
export interface TreeKeyActions {
  isOpen: (path: string) => boolean;
  setOpen: (path: string, open: boolean) => void;
  activate: (item: HTMLElement) => void;
}

/**
 * Keyboard for an ARIA tree whose `treeitem`s carry `data-path` and `data-kind`: Up/Down move
 * between visible items, Right opens a folder (or enters it), Left closes it (or goes to the
 * parent), Home/End jump, Enter/Space activate, and a letter jumps to the next item starting with it.
 */
export function onTreeKeyDown(event: React.KeyboardEvent<HTMLElement>, actions: TreeKeyActions): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  const item = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
  if (!item) return;
  const at = items.indexOf(item);
  const path = item.dataset.path ?? '';
  const isFolder = item.dataset.kind === 'folder';
  const focus = (target: HTMLElement | null | undefined) => {
    if (!target) return;
    items.forEach((other) => other.setAttribute('tabindex', other === target ? '0' : '-1'));
    target.focus();
  };
  let handled = true;
  switch (event.key) {
    case 'ArrowDown':
      focus(items[at + 1]);
      break;
    case 'ArrowUp':
      focus(items[at - 1]);
      break;
    case 'Home':
      focus(items[0]);
      break;
    case 'End':
      focus(items[items.length - 1]);
      break;
    case 'ArrowRight':
      if (isFolder && !actions.isOpen(path)) actions.setOpen(path, true);
      else if (isFolder) focus(item.querySelector<HTMLElement>('[role="treeitem"]'));
      break;
    case 'ArrowLeft':
      if (isFolder && actions.isOpen(path)) actions.setOpen(path, false);
      else focus(item.parentElement?.closest<HTMLElement>('[role="treeitem"]'));
      break;
    case 'Enter':
    case ' ':
      actions.activate(item);
      break;
    default:
      if (event.key.length === 1 && /\S/.test(event.key)) {
        const letter = event.key.toLowerCase();
        const ordered = [...items.slice(at + 1), ...items.slice(0, at + 1)];
        focus(ordered.find((other) => (other.getAttribute('aria-label') ?? '').toLowerCase().startsWith(letter)));
      } else handled = false;
  }
  if (handled) event.preventDefault();
}
