import type { LifecycleState, StorageKind } from '@contract';
import { iconAttributes } from '../../ui/icons';

const STATE_TONE: Record<LifecycleState, string> = {
  created: 'info',
  attached: 'violet',
  mounted: 'ok',
  unmounted: 'muted',
  dangling: 'warn',
  removed: 'danger',
};

const STATE_HELP: Record<LifecycleState, string> = {
  created: 'Exists; no container has used it yet',
  attached: 'A container references it but has not started',
  mounted: 'A running container has it mounted',
  unmounted: 'Its containers are stopped; the data stays',
  dangling: 'No container references it any more',
  removed: 'Gone from Docker',
};

/** A lifecycle state as a coloured badge. */
export function StateBadge({ state }: { state: LifecycleState }) {
  return (
    <span
      className={`state-badge state-${STATE_TONE[state]}`}
      data-state={state}
      title={STATE_HELP[state]}
    >
      <span className="state-dot" aria-hidden />
      {state}
    </span>
  );
}

/** The colour token of a state, for timelines and graphs. */
export function stateColor(state: LifecycleState): string {
  const tone = STATE_TONE[state];
  return tone === 'muted' ? 'var(--text-faint)' : `var(--${tone})`;
}

export const KIND_LABEL: Record<StorageKind, string> = {
  named: 'Named volumes',
  anonymous: 'Anonymous volumes',
  bind: 'Bind mounts',
  tmpfs: 'tmpfs mounts',
};

/** A small glyph per storage kind. */
export function KindIcon({ kind, size = 15 }: { kind: StorageKind; size?: number }) {
  const common = iconAttributes({ size });
  switch (kind) {
    case 'named':
      return (
        <svg {...common}>
          <ellipse cx="12" cy="6" rx="7" ry="2.6" />
          <path d="M5 6v12c0 1.4 3.1 2.6 7 2.6s7-1.2 7-2.6V6" />
          <path d="M5 12c0 1.4 3.1 2.6 7 2.6s7-1.2 7-2.6" />
        </svg>
      );
    case 'anonymous':
      return (
        <svg {...common}>
          <ellipse cx="12" cy="6" rx="7" ry="2.6" strokeDasharray="2.5 2" />
          <path d="M5 6v12c0 1.4 3.1 2.6 7 2.6s7-1.2 7-2.6V6" strokeDasharray="2.5 2" />
          <path d="M10.5 11.5a1.8 1.8 0 1 1 2.4 1.7c-.6.2-.9.7-.9 1.3M12 17h.01" />
        </svg>
      );
    case 'bind':
      return (
        <svg {...common}>
          <path d="M3.5 7a2 2 0 0 1 2-2h4l2 2.3h7a2 2 0 0 1 2 2V17a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2z" />
          <path d="M9 13h6M13 11l2 2-2 2" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <rect x="4" y="6" width="16" height="12" rx="2" />
          <path d="M8 10v4M12 10v4M16 10v4" />
          <path d="M7 3.5l1 2.5M17 3.5l-1 2.5M7 20.5l1-2.5M17 20.5l-1-2.5" />
        </svg>
      );
  }
}
