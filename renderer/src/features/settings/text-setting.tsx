import { useEffect, useId, useState, type ReactNode } from 'react';
import { useSaveSetting } from './use-save-setting';

/**
 * A text setting with Apply / Reset: nothing is saved until the user applies (Enter works too);
 * a refused value keeps the text in the field and says why, so nothing typed is lost.
 */
export function TextSetting({
  label,
  description,
  value,
  placeholder,
  field,
  children,
}: {
  label: string;
  description: ReactNode;
  value: string;
  placeholder: string;
  field: 'dockerHost' | 'demoImage';
  children?: ReactNode;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const { save, error, saved, clearError } = useSaveSetting();
  useEffect(() => setDraft(value), [value]);
  const dirty = draft.trim() !== value;
  const apply = () => void save({ [field]: draft.trim() });
  return (
    <div className="setting">
      <label className="setting-label" htmlFor={id}>
        {label}
      </label>
      <p className="setting-description" id={`${id}-desc`}>
        {description}
      </p>
      <div className="setting-row">
        <input
          id={id}
          className="text-input"
          value={draft}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-desc${error ? ` ${id}-error` : ''}`}
          data-setting={field}
          onChange={(event) => {
            setDraft(event.target.value);
            clearError();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') apply();
          }}
        />
        <button type="button" className="btn btn-primary" disabled={!dirty} onClick={apply}>
          Apply
        </button>
        <button type="button" className="btn" disabled={value === ''} onClick={() => void save({ [field]: '' })}>
          Use default
        </button>
      </div>
      {error && (
        <p className="setting-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      {saved && !error && (
        <p className="setting-saved" role="status">
          Saved.
        </p>
      )}
      {children}
    </div>
  );
}
