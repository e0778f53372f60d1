const TONE: Record<string, string> = {
  running: 'ok',
  created: 'info',
  paused: 'warn',
  restarting: 'warn',
  exited: 'muted',
  dead: 'danger',
  removing: 'danger',
};

/** A container's state as a coloured dot and word. */
export function ContainerState({ state, status }: { state: string; status?: string }) {
  const tone = TONE[state] ?? 'muted';
  return (
    <span className={`rb-state tone-${tone}`} title={status ?? state}>
      <span className="rb-dot" aria-hidden />
      {state}
    </span>
  );
}
