// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { plainRowsFragment } from './plain-rows';
import { sanitizeNoteFragment } from '../../ui/sanitize-note';

const tableOf = (fragment: DocumentFragment) => fragment.querySelector('table')?.outerHTML;

describe('plainRowsFragment', () => {
  it('gives the nodes the sanitiser gives for rows of plain cells (alignment style dropped)', () => {
    const rows = [
      '<tr>\n<td>c1</td>\n<td style="text-align:right">7</td>\n<td style="text-align:center">up 3 days (healthy)</td>\n</tr>\n',
      '<tr>\n<td>Größe</td>\n<td style="text-align:right"></td>\n<td style="text-align:center">v1.2, 3; 4?</td>\n</tr>\n',
    ].join('');
    for (const html of [rows, `${rows}</tbody>\n</table></div>\n`]) {
      const fast = plainRowsFragment(html);
      expect(fast).not.toBeNull();
      expect(tableOf(fast as DocumentFragment)).toBe(tableOf(sanitizeNoteFragment(`<table><tbody>${html}`)));
    }
  });

  it('leaves anything else to the sanitiser', () => {
    for (const html of [
      '<tr>\n<td><a href="javascript:alert(1)">x</a></td>\n</tr>\n',
      '<tr>\n<td onclick="alert(1)">x</td>\n</tr>\n',
      '<tr>\n<td>a &amp; b</td>\n</tr>\n',
      '<tr>\n<td style="color:red">x</td>\n</tr>\n',
      '<tr>\n<td>x</td>\n</tr>\n</tbody>\n</table></div>\n<p>after</p>\n',
      '<tr>\n<td>x</td>\n</tr>\n<img src=x onerror=alert(1)>',
    ])
      expect(plainRowsFragment(html), html).toBeNull();
  });
});
