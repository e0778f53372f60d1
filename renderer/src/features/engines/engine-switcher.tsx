import { useEffect, useId, useRef, useState } from 'react';
import type { EngineChoice } from '@contract';
import { getApi } from '../../api';
import { currentEngine, useEngines } from '../../api/use-engines';
import { describeState, useDockerStatus } from '../../api/use-docker-status';
import { runCommand, showToast } from '../commands';
import { ChevronUpIcon, ServerIcon, SettingsIcon } from '../../ui/icons';
import { EngineMenuItem } from './engine-menu-item';
import './engines.css';

const GROUPS: { title: string; kinds: EngineChoice['kind'][] }[] = [
  { title: 'Docker contexts', kinds: ['context'] },
  { title: 'From the environment', kinds: ['DOCKER_HOST', 'setting'] },
  { title: 'Saved in Berth', kinds: ['saved'] },
];

/**
 * The status bar's engine switcher (like VS Code's pickers): the engine's name opens a menu of
 * the docker contexts, DOCKER_HOST and the endpoints saved in Berth, the current one checked
 * with its connection state; picking one switches live and is remembered.
 */
export function EngineSwitcher() {
  const engines = useEngines();
  const status = useDockerStatus();
  const [open, setOpen] = useState(false);
  const [switching, setSwitching] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const list = engines.data;
  const current = currentEngine(list);
  const { tone, label } = describeState(status);

  useEffect(() => {
    if (!open) return;
    const first = menu.current?.querySelector<HTMLElement>('[aria-checked="true"]') ?? menu.current?.querySelector<HTMLElement>('[role^="menuitem"]');
    first?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !trigger.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };

  const choose = async (id: string) => {
    close();
    if (id === list?.currentId && (id !== 'automatic' || !list.pinned)) return;
    setSwitching(id);
    try {
      const next = await getApi().call('engines.switch', { id });
      const chosen = currentEngine(next);
      showToast({ tone: 'info', key: 'engine-switch', title: `Switching to ${chosen?.name ?? 'the docker CLI’s engine'}`, body: 'Views reload from the new engine; runs in progress finish where they started.' });
    } catch (error) {
      showToast({ tone: 'danger', key: 'engine-switch', title: 'Could not switch engine', body: error instanceof Error ? error.message : String(error) });
    } finally {
      setSwitching(null);
    }
  };

  const onMenuKey = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') close(false);
  };

  const name = current?.name ?? (engines.error ? 'Engines unavailable' : '…');
  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="status-item engine-switcher"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Engine: ${name}. Switch engine`}
        title={current ? `${current.url} — click to switch engine` : 'Switch engine'}
        data-engine={list?.currentId ?? ''}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <ServerIcon size={13} />
        <span className="engine-switcher-name">{switching ? 'Switching…' : name}</span>
        <ChevronUpIcon size={12} className="engine-switcher-chevron" />
      </button>
      {open && list && (
        <div ref={menu} className="popover engine-menu" onKeyDown={onMenuKey}>
          <div className="engine-menu-title">
            <strong>Switch engine</strong>
            <span className="muted small">{list.pinned ? 'Picked in Berth' : 'Following the docker CLI'}</span>
          </div>
          <div role="menu" id={menuId} aria-label="Switch engine">
            {GROUPS.map((group) => {
              const choices = list.choices.filter((c) => group.kinds.includes(c.kind));
              if (!choices.length) return null;
              return (
                <div key={group.title} role="group" aria-label={group.title} className="engine-menu-group">
                  <div className="engine-menu-group-title" aria-hidden>
                    {group.title}
                  </div>
                  {choices.map((choice) => (
                    <EngineMenuItem
                      key={choice.id}
                      choice={choice}
                      checked={choice.id === list.currentId}
                      connection={choice.id === list.currentId ? { tone, label } : undefined}
                      onChoose={() => void choose(choice.id)}
                    />
                  ))}
                </div>
              );
            })}
            <div className="engine-menu-footer" role="group" aria-label="More">
              {list.pinned && (
                <button type="button" role="menuitem" tabIndex={-1} className="engine-menu-action" onClick={() => void choose('automatic')}>
                  Follow the docker CLI again
                </button>
              )}
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="engine-menu-action"
                onClick={() => {
                  close(false);
                  void runCommand('app.settings', 'engines');
                }}
              >
                <SettingsIcon size={13} /> Manage engines…
              </button>
            </div>
          </div>
          <p className="engine-menu-note muted small">Demos already running finish on the engine they started on.</p>
        </div>
      )}
    </>
  );
}
