/**
 * Table rows of plain text, parsed without DOMPurify (issue 13): a 10,000-row table is 100,000
 * cells, and walking each through the sanitiser took most of a second. Only HTML made of nothing
 * but `<tr>`/`<td>` with an alignment style and text without markup characters qualifies (what the
 * main process renders for a pasted table of words and numbers); there is nothing in it to remove
 * but the `style` attribute, which the policy forbids and is dropped here as the sanitiser would.
 */

/** Rows of plain cells, optionally ending the table (`</tbody></table></div>`). */
const PLAIN_ROWS =
  /^(?:<tr>\n(?:<td(?: style="text-align:(?:left|center|right)")?>[^<>&"'`=\\]*<\/td>\n)*<\/tr>\n)*(?:<\/tbody>\n<\/table><\/div>\n)?$/;

const ALIGN_STYLE = / style="text-align:(?:left|center|right)"/g;

/**
 * The rows of a chunk of table rows (see `vault.readNoteRest`) parsed in a `<table><tbody>` of a
 * template (inert: nothing runs or loads), when the chunk is plain rows; null for anything else,
 * which goes through the sanitiser.
 */
export function plainRowsFragment(html: string): DocumentFragment | null {
  if (!PLAIN_ROWS.test(html)) return null;
  const template = document.createElement('template');
  template.innerHTML = `<table><tbody>${html.replace(ALIGN_STYLE, '')}`;
  return template.content;
}
