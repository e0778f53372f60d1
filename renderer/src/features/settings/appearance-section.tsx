import { useId } from 'react';
import type { SettingsValue } from '@contract';
import type { SectionProps } from './settings-dialog';
import { useLiveValue } from './use-live-value';
import { useSaveSetting } from './use-save-setting';

const themes: { id: SettingsValue['theme']; label: string }[] = [
  { id: 'system', label: 'System' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

/** Theme, font size and zoom; applied at once. */
export function AppearanceSection({ settings }: SectionProps) {
  const { save, error } = useSaveSetting();
  const fontId = useId();
  const zoomId = useId();
  const [fontSize, setFontSize] = useLiveValue(settings.fontSize, (value) => save({ fontSize: value }));
  const [zoomPercent, setZoomPercent] = useLiveValue(Math.round(settings.zoom * 100), (value) => save({ zoom: value / 100 }));
  return (
    <section aria-labelledby="settings-h-appearance">
      <h3 id="settings-h-appearance" className="settings-heading">
        Appearance
      </h3>
      <div className="setting">
        <span className="setting-label" id="theme-label">
          Theme
        </span>
        <p className="setting-description">System follows your desktop’s light or dark mode.</p>
        <div className="theme-choices" role="radiogroup" aria-labelledby="theme-label">
          {themes.map((theme) => (
            <label key={theme.id} className={`theme-choice${settings.theme === theme.id ? ' is-selected' : ''}`} data-theme-choice={theme.id}>
              <input
                type="radio"
                name="theme"
                value={theme.id}
                checked={settings.theme === theme.id}
                onChange={() => void save({ theme: theme.id })}
              />
              <span className={`theme-swatch swatch-${theme.id}`} aria-hidden>
                <span />
                <span />
                <span />
              </span>
              <span>{theme.label}</span>
            </label>
          ))}
        </div>
      </div>
      <div className="setting">
        <label className="setting-label" htmlFor={fontId}>
          Note text size
        </label>
        <p className="setting-description">Size of the note text (and the hover previews), in pixels.</p>
        <div className="setting-row">
          <input
            id={fontId}
            type="range"
            min={10}
            max={28}
            step={1}
            value={fontSize}
            aria-valuetext={`${fontSize} pixels`}
            onChange={(event) => setFontSize(Number(event.target.value))}
          />
          <output className="setting-value" htmlFor={fontId}>
            {fontSize}px
          </output>
        </div>
      </div>
      <div className="setting">
        <label className="setting-label" htmlFor={zoomId}>
          Zoom
        </label>
        <p className="setting-description">
          Scales the whole window. Also in View → Zoom In / Zoom Out / Actual Size.
        </p>
        <div className="setting-row">
          <input
            id={zoomId}
            type="range"
            min={50}
            max={200}
            step={5}
            value={zoomPercent}
            aria-valuetext={`${zoomPercent} percent`}
            onChange={(event) => setZoomPercent(Number(event.target.value))}
          />
          <output className="setting-value" htmlFor={zoomId}>
            {zoomPercent}%
          </output>
          <button type="button" className="btn btn-sm" disabled={zoomPercent === 100} onClick={() => setZoomPercent(100)}>
            Reset
          </button>
        </div>
      </div>
      {error && (
        <p className="setting-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
