import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { scanNote } from './note-scan';
import type { NoteRecord } from './note-record';
import { receiveRecord, sendRecord } from './record-transfer';

function recordOf(text: string): NoteRecord {
  return { path: 'MOC.md', name: 'MOC', size: text.length, mtimeMs: 1, scan: scanNote(text, 'MOC') };
}

describe('records sent by an index worker', () => {
  it('arrive whole, each link with its own line, and each line is sent once', () => {
    const line = (at: number) => Array.from({ length: 100 }, (_, i) => `[[Docker note ${at * 100 + i}|link ${i}]]`).join(' · ');
    const text = ['# Map of content', line(0), '', 'an embed ![[diagram.png]] and [[Volumes#Named volumes]]', line(1)].join('\n');
    const record = recordOf(text);
    expect(record.scan.links).toHaveLength(202);
    const sent = sendRecord(record);
    expect(sent.contexts).toHaveLength(3);
    const received = receiveRecord(v8.deserialize(v8.serialize(sent)) as ReturnType<typeof sendRecord>);
    expect(received).toEqual(record);
    expect(received.scan.links[150]?.context).toBe(line(1).slice(0, 300));
    expect(v8.serialize(sent).length).toBeLessThan(v8.serialize(record).length / 3);
  });

  it('a note without links, or a link on a line of its own, comes back unchanged', () => {
    for (const text of ['just prose, no links', '[[Alone]]', '']) {
      const record = recordOf(text);
      expect(receiveRecord(structuredClone(sendRecord(record)))).toEqual(record);
    }
  });
});
