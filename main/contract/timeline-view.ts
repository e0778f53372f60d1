// Plain data and functions, no schemas: the renderer imports this without building the contract's zod schemas.
import type { TimelineRow, TimelineState } from './timeline';

/** Colours per state and for the page, per theme; baked into exported pictures. */
export const TIMELINE_THEMES = {
  light: {
    background: '#ffffff',
    text: '#1f2328',
    muted: '#6b7280',
    grid: '#e5e7eb',
    band: ['#eef2ff', '#f5f3ff'],
    states: {
      created: '#94a3b8',
      attached: '#a78bfa',
      mounted: '#16a34a',
      running: '#16a34a',
      unmounted: '#d97706',
      stopped: '#d97706',
      dangling: '#dc2626',
      'in-use': '#16a34a',
      unused: '#d97706',
      removed: '#d1d5db',
    },
  },
  dark: {
    background: '#16181d',
    text: '#e6e8eb',
    muted: '#9aa1ab',
    grid: '#2b2f36',
    band: ['#1f2433', '#231f33'],
    states: {
      created: '#64748b',
      attached: '#8b5cf6',
      mounted: '#22c55e',
      running: '#22c55e',
      unmounted: '#f59e0b',
      stopped: '#f59e0b',
      dangling: '#ef4444',
      'in-use': '#22c55e',
      unused: '#f59e0b',
      removed: '#3f4652',
    },
  },
} satisfies Record<
  'light' | 'dark',
  {
    background: string;
    text: string;
    muted: string;
    grid: string;
    band: string[];
    states: Record<TimelineState, string>;
  }
>;

/** The state of a row at an instant (undefined before it existed). */
export function stateAt(row: Pick<TimelineRow, 'segments'>, at: number): TimelineState | undefined {
  let state: TimelineState | undefined;
  for (const segment of row.segments) {
    if (segment.from > at) break;
    state = segment.state;
  }
  return state;
}
