// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { addSegmentRows, alignSegments, SEGMENT_CELLS } from './table-segments';

function table(rows: number, columns: number, from = 0, head = false): HTMLTableElement {
  const element = document.createElement('table');
  const cells = (r: number, tag: string) => Array.from({ length: columns }, (_, c) => `<${tag}>r${r}c${c}</${tag}>`).join('');
  element.innerHTML = `${head ? `<thead><tr>${cells(-1, 'th')}</tr></thead>` : ''}<tbody>${Array.from({ length: rows }, (_, r) => `<tr>${cells(from + r, 'td')}</tr>`).join('')}</tbody>`;
  return element;
}

/** A head table in its wrapper, not on the page (as while a page of chunks is staged). */
function wrapped(rows: number, columns: number): HTMLTableElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'table-wrapper';
  const head = table(rows, columns, 0, true);
  wrapper.append(head);
  return head;
}
const notPlaced = () => {
  throw new Error('a table not on the page takes its segments at once');
};

describe('table segments', () => {
  it('rows go into segments of about SEGMENT_CELLS cells, in order', () => {
    const head = wrapped(3, 10);
    const boxes = new Set<HTMLElement>();
    for (let page = 0; page < 20; page++) boxes.add(addSegmentRows(head, table(100, 10, 3 + page * 100), notPlaced));
    const wrapper = head.parentElement as HTMLElement;
    const segments = [...wrapper.querySelectorAll<HTMLTableElement>('.table-segment-box > table.table-segment')];
    expect(segments.length).toBe(boxes.size);
    expect(segments.map((segment) => segment.rows.length)).toEqual([...Array<number>(6).fill(SEGMENT_CELLS / 10), 200]);
    const texts = [...wrapper.querySelectorAll('tbody tr')].map((tr) => tr.firstElementChild?.textContent);
    expect(texts).toEqual(Array.from({ length: 2_003 }, (_, r) => `r${r}c0`));
  });

  it('a segment after an odd number of rows keeps the stripes of alternate rows', () => {
    const head = wrapped(3, 1_000);
    const first = addSegmentRows(head, table(9, 1_000, 3), notPlaced);
    const second = addSegmentRows(head, table(3, 1_000, 12), notPlaced);
    expect(first.querySelector('table')?.classList.contains('is-odd-start')).toBe(true);
    // 3 + 9 rows before the second segment (a wide table's segment holds at least 8 rows).
    expect(second).not.toBe(first);
    expect(second.querySelector('table')?.classList.contains('is-odd-start')).toBe(false);
  });

  it('a table on the page takes new segments through `place`, one per flush', () => {
    const head = wrapped(2, 4);
    document.body.append(head.parentElement as HTMLElement);
    const placed: HTMLElement[] = [];
    const place = (box: HTMLElement, wrapper: HTMLElement) => placed.push(box) && wrapper === head.parentElement;
    const first = addSegmentRows(head, table(50, 4, 2), place);
    expect(first.isConnected).toBe(false);
    head.parentElement?.append(first);
    // The open segment is on the page now: further rows start a new one rather than change it.
    const second = addSegmentRows(head, table(50, 4, 52), place);
    expect(placed).toEqual([first, second]);
  });

  it('segments on the page get the head table’s columns and a height estimate', () => {
    const head = wrapped(2, 4);
    document.body.append(head.parentElement as HTMLElement);
    const box = addSegmentRows(head, table(50, 4, 2), (segment, wrapper) => wrapper.append(segment));
    alignSegments([box]);
    const segment = box.querySelector('table') as HTMLTableElement;
    for (const fixed of [head, segment]) {
      expect(fixed.querySelectorAll(':scope > colgroup > col').length).toBe(4);
      expect(fixed.style.tableLayout).toBe('fixed');
    }
    expect(box.style.width).toMatch(/px$/);
  });
});
