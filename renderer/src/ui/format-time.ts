/** "just now", "5 min ago", "3 h ago", "2 d ago", or a date for older times. */
export function formatRelativeTime(iso: string | number | undefined, now = Date.now()): string {
  if (iso === undefined) return '—';
  const time = typeof iso === 'number' ? iso : Date.parse(iso);
  if (Number.isNaN(time)) return '—';
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 14) return `${days} d ago`;
  return new Date(time).toLocaleDateString();
}

/** True for the 64-hex-digit names Docker gives anonymous volumes. */
export function isAnonymousVolumeName(name: string): boolean {
  return /^[0-9a-f]{64}$/.test(name);
}

/** A short form of a long name, e.g. an anonymous volume's hash. */
export function shortName(name: string): string {
  return isAnonymousVolumeName(name) ? `${name.slice(0, 12)}…` : name;
}
