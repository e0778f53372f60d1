/**
 * The tooltip of a link to a note that does not exist yet (schema-free, for the renderer too). The
 * main process writes it as a `title` only into standalone files; the reader gives each such link
 * its tooltip when the pointer or focus reaches it (a note of 20,000 links carried 1.3 MB of them).
 */
export function unresolvedLinkTitle(target: string): string {
  return `“${target}” does not exist yet. Click to create it.`;
}
