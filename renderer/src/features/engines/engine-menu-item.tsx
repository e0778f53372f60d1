import type { EngineChoice } from '@contract';
import { CheckIcon } from '../../ui/icons';

const KIND_BADGE: Record<EngineChoice['kind'], string> = {
  context: 'context',
  DOCKER_HOST: 'env',
  setting: 'setting',
  saved: 'saved',
};

/** One engine in the switcher: a radio menu item with its name, URL and, for the current one, the connection state. */
export function EngineMenuItem({
  choice,
  checked,
  connection,
  onChoose,
}: {
  choice: EngineChoice;
  checked: boolean;
  connection: { tone: string; label: string } | undefined;
  onChoose: () => void;
}) {
  const disabled = Boolean(choice.problem);
  return (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={checked}
      aria-disabled={disabled || undefined}
      className={`engine-menu-item${checked ? ' is-current' : ''}`}
      data-engine={choice.id}
      tabIndex={-1}
      title={choice.problem ?? choice.description}
      onClick={() => !disabled && onChoose()}
    >
      <span className="engine-menu-check" aria-hidden>
        {checked && <CheckIcon size={14} />}
      </span>
      <span className="engine-menu-text">
        <span className="engine-menu-name">
          {choice.name}
          {choice.cliCurrent && <span className="badge engine-menu-badge">docker CLI</span>}
          {choice.certDir && <span className="badge engine-menu-badge">TLS</span>}
        </span>
        <span className="engine-menu-url mono">{choice.problem ?? (choice.url || '—')}</span>
      </span>
      <span className="engine-menu-state">
        {connection ? (
          <>
            <span className={`status-dot dot-${connection.tone}`} aria-hidden />
            <span>{connection.label}</span>
          </>
        ) : (
          <span className="muted">{KIND_BADGE[choice.kind]}</span>
        )}
      </span>
    </button>
  );
}
