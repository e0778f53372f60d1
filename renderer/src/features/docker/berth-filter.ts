/** How the lists treat Berth's own objects (label `berth.owner`): show all, hide them, or only them. */
export type OwnerFilter = 'all' | 'mine' | 'berth';

/** True when an object with this `berth.owner` value passes the filter. */
export function passesOwnerFilter(berthOwner: string | undefined, filter: OwnerFilter): boolean {
  if (filter === 'all') return true;
  return filter === 'berth' ? Boolean(berthOwner) : !berthOwner;
}

/** True when any of the words appears in one of the texts (case-insensitive). */
export function matchesText(query: string, ...texts: (string | undefined)[]): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return texts.some((text) => text?.toLowerCase().includes(q));
}

const OWNER_LABEL: Record<string, string> = {
  demo: 'Berth demo',
  helper: 'Berth helper',
  base: 'Berth base image',
};

/** "Berth demo", "Berth helper", … for a `berth.owner` value. */
export function ownerLabel(owner: string): string {
  return OWNER_LABEL[owner] ?? `Berth (${owner})`;
}
