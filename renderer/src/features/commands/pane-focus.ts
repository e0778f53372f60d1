/**
 * Moves keyboard focus into a pane of the shell: the element marked `data-pane-focus` (e.g. the
 * note's scrolling text, so PageDown scrolls), else its first focusable element, else the pane.
 */
export function focusPane(selector: string): boolean {
  const pane = document.querySelector<HTMLElement>(selector);
  if (!pane) return false;
  const target =
    pane.querySelector<HTMLElement>('[data-pane-focus]') ??
    pane.querySelector<HTMLElement>(
      '[aria-selected="true"], button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])',
    );
  if (target) target.focus();
  else {
    if (!pane.hasAttribute('tabindex')) pane.setAttribute('tabindex', '-1');
    pane.focus();
  }
  return true;
}
