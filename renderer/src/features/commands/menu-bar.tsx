import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { appMenu, type MenuEntry, type MenuSection } from '@contract/app-menu';
import { formatAccelerator } from './accelerator';
import { canRun, commandsVersion, getCommand, runCommand, subscribeCommands } from './command-registry';

/** Web-mode sections: native-only roles removed, and no separator left at an edge or doubled. */
const sections: MenuSection[] = appMenu
  .filter((s) => !s.nativeOnly)
  .map((section) => ({
    ...section,
    entries: section.entries
      .filter((e) => e.kind !== 'role')
      .filter((e, i, all) => e.kind !== 'separator' || (i > 0 && i < all.length - 1 && all[i - 1]?.kind !== 'separator')),
  }));
type CommandEntry = Extract<MenuEntry, { kind: 'command' }>;
const isCommand = (e: MenuEntry): e is CommandEntry => e.kind === 'command';

/**
 * The in-window menu bar of web mode (File / View / Go / Help), rendered from the same menu model
 * as the native menu and running the same registry. Keyboard: F10 focuses it, arrows move,
 * Enter/Space runs, Escape closes (WAI-ARIA menubar pattern).
 */
export function MenuBar() {
  useSyncExternalStore(subscribeCommands, commandsVersion);
  const [open, setOpen] = useState<number | null>(null);
  const [activeItem, setActiveItem] = useState(0);
  const barRef = useRef<HTMLDivElement>(null);
  const topRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const close = useCallback((refocus: number | null = null) => {
    setOpen(null);
    if (refocus !== null) topRefs.current[refocus]?.focus();
  }, []);

  useEffect(() => {
    if (open === null) return;
    const onDown = (event: MouseEvent) => {
      if (!barRef.current?.contains(event.target as Node)) setOpen(null);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  useEffect(() => {
    if (open !== null) itemRefs.current[activeItem]?.focus();
  }, [open, activeItem]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'F10' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        topRefs.current[0]?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const items = (section: MenuSection) => section.entries;
  const commandIndexes = (section: MenuSection) => items(section).flatMap((e, i) => (isCommand(e) && canRun(e.command) ? [i] : []));

  const openMenu = (index: number, item: 'first' | 'last' = 'first') => {
    const section = sections[index];
    if (!section) return;
    const enabled = commandIndexes(section);
    setActiveItem((item === 'first' ? enabled[0] : enabled[enabled.length - 1]) ?? 0);
    setOpen(index);
  };

  const onTopKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const count = sections.length;
    const move = (to: number) => {
      event.preventDefault();
      const target = (to + count) % count;
      if (open !== null) openMenu(target);
      topRefs.current[target]?.focus();
    };
    if (event.key === 'ArrowRight') move(index + 1);
    else if (event.key === 'ArrowLeft') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(count - 1);
    else if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openMenu(index);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(index, 'last');
    } else if (event.key === 'Escape') close(index);
  };

  const onItemKey = (event: KeyboardEvent<HTMLElement>, section: MenuSection, index: number) => {
    const enabled = commandIndexes(section);
    const at = enabled.indexOf(activeItem);
    const step = (delta: number) => {
      event.preventDefault();
      const next = enabled[(at + delta + enabled.length) % enabled.length];
      if (next !== undefined) setActiveItem(next);
    };
    if (event.key === 'ArrowDown') step(1);
    else if (event.key === 'ArrowUp') step(-1);
    else if (event.key === 'Home') step(-at);
    else if (event.key === 'End') step(enabled.length - 1 - at);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(index);
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const target = (index + (event.key === 'ArrowRight' ? 1 : -1) + sections.length) % sections.length;
      openMenu(target);
      topRefs.current[target]?.focus();
    } else if (event.key === 'Tab') close();
  };

  const activate = (entry: CommandEntry, index: number) => {
    if (!canRun(entry.command)) return;
    close(index);
    void runCommand(entry.command);
  };

  return (
    <div className="menu-bar" role="menubar" aria-label="Application menu" ref={barRef}>
      {sections.map((section, index) => (
        <div key={section.id} className="menu-bar-item">
          <button
            ref={(el) => {
              topRefs.current[index] = el;
            }}
            type="button"
            role="menuitem"
            className="menu-bar-button"
            aria-haspopup="menu"
            aria-expanded={open === index}
            tabIndex={index === 0 ? 0 : -1}
            data-menu={section.id}
            onClick={() => (open === index ? close() : openMenu(index))}
            onMouseEnter={() => open !== null && open !== index && openMenu(index)}
            onKeyDown={(event) => onTopKey(event, index)}
          >
            {section.label}
          </button>
          {open === index && (
            <div className="menu-popup" role="menu" aria-label={section.label}>
              {items(section).map((entry, i) => {
                if (!isCommand(entry)) return <div key={`sep-${i}`} role="separator" className="menu-separator" />;
                const enabled = canRun(entry.command);
                const shortcut = getCommand(entry.command)?.shortcut ?? entry.accelerator;
                return (
                  <button
                    key={entry.command}
                    ref={(el) => {
                      itemRefs.current[i] = el;
                    }}
                    type="button"
                    role="menuitem"
                    className="menu-item"
                    data-command={entry.command}
                    aria-disabled={!enabled}
                    tabIndex={i === activeItem ? 0 : -1}
                    onMouseEnter={() => enabled && setActiveItem(i)}
                    onClick={() => activate(entry, index)}
                    onKeyDown={(event) => onItemKey(event, section, index)}
                  >
                    <span className="menu-item-label">{entry.label}</span>
                    {shortcut && <kbd className="menu-item-shortcut">{formatAccelerator(shortcut)}</kbd>}
                  </button>
                );
              })}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
