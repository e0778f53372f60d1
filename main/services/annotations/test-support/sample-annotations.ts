import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Annotation } from '../../../contract/annotations';

/** A fresh temp folder with a `vault/` and a `store/` inside; removed by the returned cleanup. */
export function tempDirs(): { root: string; vault: string; store: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-annotations-'));
  const vault = path.join(root, 'vault');
  const store = path.join(root, 'store');
  fs.mkdirSync(vault, { recursive: true });
  return { root, vault, store, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

let counter = 0;

/** A valid annotation on `notePath`; fields can be overridden. */
export function sampleAnnotation(notePath: string, overrides: Partial<Annotation> = {}): Annotation {
  counter++;
  const exact = `quoted text number ${counter}`;
  return {
    id: `ann-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    notePath,
    color: 'yellow',
    comment: '',
    tags: [],
    target: {
      quote: { exact, prefix: 'some words before the quote ', suffix: ' and some words after it' },
      position: { start: counter * 10, end: counter * 10 + exact.length },
      heading: 'Heading',
    },
    anchor: { status: 'anchored', method: 'created', checkedAt: 1_700_000_000_000 },
    evidence: null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}
