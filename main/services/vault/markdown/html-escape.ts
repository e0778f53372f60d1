const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char) : text;
}

/** Renders `name="value"` pairs, escaping values and skipping undefined ones. */
export function attributes(pairs: Record<string, string | number | undefined>): string {
  let html = '';
  for (const name of Object.keys(pairs)) {
    const value = pairs[name];
    if (value !== undefined) html += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return html;
}
