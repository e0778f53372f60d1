import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '../../api';
import { CommandLayer, MenuBar, TitlebarActions, registerCommand } from '../commands';
import { useAfterFirstNote } from '../../ui/first-note';
import { BerthLogo } from '../../ui/icons';
import { onTabListKeyDown } from '../../ui/tab-keys';
import { dockTabs, sidebarViews } from './pane-registry';
import { AnnotationsHost } from '../annotations/annotations-host';
import { DemoCardHost } from '../demos/demo-card-host';
import { SuggestionsHost } from '../suggestions/suggestions-host';
import { NetworksRevealHost } from '../networks/networks-reveal-host';
import { VolumesRevealHost } from '../volumes/volumes-reveal-host';
import { StatusBar } from './status-bar';
import { usePaneSize } from './use-pane-size';
import { useSystemNotices } from './use-system-notices';
import { useNarrowLayout } from './use-narrow-layout';
import { useThemeFromSettings } from './use-theme';
import { WelcomeView } from './welcome-view';

const SettingsDialog = lazy(() => import('../settings/settings-dialog').then((m) => ({ default: m.SettingsDialog })));

function Splitter({ label, value, onPointerDown, onKeyDown }: { label: string; value: number; onPointerDown: (e: React.PointerEvent<HTMLElement>) => void; onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => void }) {
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuetext={`${value} pixels`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}

/**
 * Berth's window: a sidebar (notes), the centre (the open note), the Docker pane on the right,
 * and the status bar. `center` and `headerExtras` come from the notes feature.
 */
export function AppShell({ center, headerExtras }: { center?: ReactNode; headerExtras?: ReactNode }) {
  useThemeFromSettings();
  useSystemNotices();
  const info = useQuery('system.info', {});
  const afterFirstNote = useAfterFirstNote();
  const hiddenPanes = useQuery('settings.get', {}, { invalidateOn: ['settings.changed'] }).data?.hiddenPanes ?? [];
  const left = usePaneSize('sidebar', 280, 200, 520, 'left');
  const right = usePaneSize('dock', 440, 320, 900, 'right');
  const [sidebarId, setSidebarId] = useState(sidebarViews[0]?.id);
  const [dockId, setDockId] = useState(dockTabs[0]?.id);
  // Features open their tab of the Docker pane through this command (arg: the tab id).
  useEffect(
    () =>
      registerCommand({
        id: 'shell.showDockTab',
        title: 'Show Docker Pane Tab',
        run: (id) => {
          if (id && dockTabs.some((t) => t.id === id)) setDockId(id);
        },
      }),
    [],
  );
  const sidebar = hiddenPanes.includes('sidebar') ? undefined : (sidebarViews.find((v) => v.id === sidebarId) ?? sidebarViews[0]);
  const dock = dockTabs.find((t) => t.id === dockId) ?? dockTabs[0];
  const showDock = !hiddenPanes.includes('dock');
  // Narrow windows: the Docker pane folds into a rail of tabs and opens over the note, as Obsidian's side panes do.
  const narrow = useNarrowLayout();
  const [dockOpen, setDockOpen] = useState(false);
  const dockRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!narrow || !dockOpen) return;
    const onDown = (event: PointerEvent) => {
      if (!dockRef.current?.contains(event.target as Node)) setDockOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [narrow, dockOpen]);
  const pickDockTab = (id: string) => {
    if (narrow && dockOpen && id === dock?.id) setDockOpen(false);
    else {
      setDockId(id);
      setDockOpen(true);
    }
  };

  return (
    <div className="app">
      <header className="titlebar">
        <div className="brand">
          <BerthLogo />
          <span>Berth</span>
        </div>
        {info.data?.mode === 'web' && <MenuBar />}
        <div className="titlebar-extras">{headerExtras}</div>
        <TitlebarActions />
      </header>
      <div
        className="workspace"
        style={{ gridTemplateColumns: `${sidebar ? `${left.size}px 5px ` : ''}minmax(${narrow ? 280 : 360}px, 1fr)${showDock ? (narrow ? ' 44px' : ` 5px ${right.size}px`) : ''}` }}
      >
        {sidebar && (
          <>
            <aside className="sidebar" aria-label="Vault">
              {sidebarViews.length > 1 && (
                <nav className="pane-tabs" role="tablist" aria-label="Sidebar views" onKeyDown={onTabListKeyDown}>
                  {sidebarViews.map((view) => (
                    <button
                      key={view.id}
                      role="tab"
                      aria-selected={view.id === sidebar.id}
                      tabIndex={view.id === sidebar.id ? 0 : -1}
                      className="pane-tab"
                      title={view.label}
                      onClick={() => setSidebarId(view.id)}
                    >
                      {view.icon}
                      <span className="pane-tab-label">{view.label}</span>
                    </button>
                  ))}
                </nav>
              )}
              <div className="pane-body" role="tabpanel">
                {sidebar.render()}
              </div>
            </aside>
            <Splitter label="Resize sidebar" value={left.size} onPointerDown={left.onPointerDown} onKeyDown={left.onKeyDown} />
          </>
        )}
        <main className="center" aria-label="Note">
          {center ?? <WelcomeView />}
        </main>
        {showDock && !narrow && <Splitter label="Resize Docker pane" value={right.size} onPointerDown={right.onPointerDown} onKeyDown={right.onKeyDown} />}
        <aside
          ref={dockRef}
          className={`dock${narrow ? ' is-rail' : ''}${narrow && dockOpen ? ' is-open' : ''}`}
          aria-label="Docker"
          hidden={!showDock}
          onKeyDown={(event) => {
            if (!narrow || event.key !== 'Escape' || !dockOpen) return;
            setDockOpen(false);
            dockRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
          }}
        >
          <nav className="pane-tabs" role="tablist" aria-label="Docker views" aria-orientation={narrow ? 'vertical' : 'horizontal'} onKeyDown={onTabListKeyDown}>
            {dockTabs.map((tab) => (
              <button
                key={tab.id}
                role="tab"
                aria-selected={tab.id === dock?.id}
                tabIndex={tab.id === dock?.id ? 0 : -1}
                title={tab.label}
                className="pane-tab"
                data-tab={tab.id}
                onClick={() => (narrow ? pickDockTab(tab.id) : setDockId(tab.id))}
              >
                {tab.icon}
                <span className="pane-tab-label">{tab.label}</span>
              </button>
            ))}
          </nav>
          <div className="pane-body" role="tabpanel" aria-label={dock?.label} hidden={narrow && !dockOpen}>
            <Suspense fallback={<p className="pane-loading" role="status">Loading {dock?.label}…</p>}>
              {afterFirstNote ? dock?.render() : <p className="pane-loading" role="status">Loading {dock?.label}…</p>}
            </Suspense>
          </div>
        </aside>
      </div>
      <StatusBar mode={info.data?.mode} />
      <CommandLayer
        settingsDialog={(close) => (
          <Suspense fallback={null}>
            <SettingsDialog onClose={close} />
          </Suspense>
        )}
      />
      <DemoCardHost />
      <AnnotationsHost />
      <SuggestionsHost />
      <NetworksRevealHost />
      <VolumesRevealHost />
    </div>
  );
}
