import { useState } from 'react';
import type { SettingsValue } from '@contract';
import { useQuery } from '../../api';
import { Dialog } from '../../ui/dialog';
import { AppearanceSection } from './appearance-section';
import { DataSection } from './data-section';
import { DockerSection } from './docker-section';
import { DemosSection } from './demos-section';
import { EnginesSection } from './engines-section';
import { useDialogSection } from '../commands';
import './settings.css';

const sections = [
  { id: 'appearance', label: 'Appearance', hint: 'Theme, text size, zoom' },
  { id: 'docker', label: 'Docker', hint: 'Which daemon Berth talks to' },
  { id: 'engines', label: 'Engines', hint: 'Contexts and saved endpoints' },
  { id: 'demos', label: 'Demos', hint: 'Image and notifications' },
  { id: 'data', label: 'Data & logs', hint: 'Where Berth keeps things' },
] as const;
type SectionId = (typeof sections)[number]['id'];

/** Props every settings section gets: the current values, fresh after each change. */
export interface SectionProps {
  settings: SettingsValue;
}

/**
 * File > Settings: a two-column screen like VS Code's or Obsidian's. Each change is saved at once
 * through `settings.update` (validated in main); a refused value shows why and keeps the old one.
 */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useQuery('settings.get', {}, { invalidateOn: ['settings.changed'] });
  const asked = useDialogSection();
  const [active, setActive] = useState<SectionId>(() => sections.find((s) => s.id === asked)?.id ?? 'appearance');
  return (
    <Dialog title="Settings" onClose={onClose} wide className="settings-dialog">
      <div className="settings-layout">
        <nav className="settings-nav" aria-label="Settings sections">
          <div role="tablist" aria-orientation="vertical" aria-label="Settings sections">
            {sections.map((section) => (
              <button
                key={section.id}
                type="button"
                role="tab"
                id={`settings-tab-${section.id}`}
                aria-controls={`settings-panel-${section.id}`}
                aria-selected={active === section.id}
                tabIndex={active === section.id ? 0 : -1}
                className="settings-nav-item"
                onClick={() => setActive(section.id)}
                onKeyDown={(event) => {
                  const index = sections.findIndex((s) => s.id === active);
                  const delta = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
                  if (!delta) return;
                  event.preventDefault();
                  const next = sections[(index + delta + sections.length) % sections.length]!;
                  setActive(next.id);
                  document.getElementById(`settings-tab-${next.id}`)?.focus();
                }}
              >
                <span>{section.label}</span>
                <span className="settings-nav-hint">{section.hint}</span>
              </button>
            ))}
          </div>
        </nav>
        <div className="settings-panel" role="tabpanel" id={`settings-panel-${active}`} aria-labelledby={`settings-tab-${active}`}>
          {!settings.data ? (
            <p className="muted">{settings.error ? `Settings could not be read: ${settings.error.message}` : 'Loading settings…'}</p>
          ) : active === 'appearance' ? (
            <AppearanceSection settings={settings.data} />
          ) : active === 'docker' ? (
            <DockerSection settings={settings.data} />
          ) : active === 'engines' ? (
            <EnginesSection />
          ) : active === 'demos' ? (
            <DemosSection settings={settings.data} />
          ) : (
            <DataSection settings={settings.data} />
          )}
        </div>
      </div>
    </Dialog>
  );
}
