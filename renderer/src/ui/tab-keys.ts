/**
 * Keyboard for a tab strip (the ARIA tabs pattern): the arrow keys move to the previous or next
 * tab and select it, Home and End go to the first and last. Put it on the `role="tablist"`
 * element's `onKeyDown`; give the selected tab `tabIndex={0}` and the others `tabIndex={-1}`.
 */
export function onTabListKeyDown(event: React.KeyboardEvent<HTMLElement>): void {
  const vertical = event.currentTarget.getAttribute('aria-orientation') === 'vertical';
  const previous = vertical ? 'ArrowUp' : 'ArrowLeft';
  const next = vertical ? 'ArrowDown' : 'ArrowRight';
  if (
    ![previous, next, 'Home', 'End'].includes(event.key) ||
    event.altKey ||
    event.ctrlKey ||
    event.metaKey
  )
    return;
  const tabs = [
    ...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]:not([disabled])'),
  ];
  if (!tabs.length) return;
  const at = tabs.indexOf(document.activeElement as HTMLElement);
  let target = 0;
  if (event.key === 'End') target = tabs.length - 1;
  else if (event.key === next) target = at < 0 ? 0 : (at + 1) % tabs.length;
  else if (event.key === previous)
    target = at < 0 ? tabs.length - 1 : (at - 1 + tabs.length) % tabs.length;
  event.preventDefault();
  const tab = tabs[target];
  tab?.focus();
  tab?.click();
}
