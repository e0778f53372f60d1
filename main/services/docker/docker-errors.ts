/** Docker's HTTP status on a failed call (404 no such object, 409 conflict, 304 nothing to do). */
export function dockerStatusCode(error: unknown): number | undefined {
  const code = (error as { statusCode?: unknown })?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** The daemon's own message of a failed call, without dockerode's "(HTTP code 409) conflict -" prefix. */
export function dockerMessage(error: unknown): string {
  const json = (error as { json?: { message?: unknown } })?.json;
  if (json && typeof json.message === 'string') return json.message;
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^\(HTTP code \d+\)\s*[\w ]*-\s*/, '');
}

/** The value of Berth's `berth.owner` label, if any. */
export function berthOwnerOf(
  labels: Record<string, string> | null | undefined,
): string | undefined {
  const owner = labels?.['berth.owner'];
  return owner ? owner : undefined;
}

/** Quotes a value for a shell command line only when it needs it. */
export function shellArg(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
