import fs from 'node:fs/promises';
import path from 'node:path';
import type { Demo } from '../demos/demo-schema';
import { decodeNote } from '../vault/note-source';
import { mapLimit, walkVault } from '../vault/vault-walk';
import { NoteSuggester } from './suggest-note';

/** Suggestions for a whole vault, in the shape `npm run demo -- --suggest --json` prints. */
export interface VaultSuggestionReport {
  suggestions: {
    note: string;
    heading: string;
    line: number;
    demos: { id: string; title: string; score: number; why: string }[];
  }[];
  flags: { note: string; line: number; text: string; demo: string; correction: string }[];
  /** Heading sections seen, and how many got at least one demo. */
  headings: number;
  notes: number;
}

/** Runs the matcher and the claim check over every note of a vault folder, notes in path order. */
export async function suggestForVault(
  root: string,
  demos: readonly Demo[],
): Promise<VaultSuggestionReport> {
  const suggester = new NoteSuggester(demos);
  const notes = (await walkVault(root)).notes.sort((a, b) => a.localeCompare(b));
  const report: VaultSuggestionReport = {
    suggestions: [],
    flags: [],
    headings: 0,
    notes: notes.length,
  };
  const sources = await mapLimit(notes, 8, async (note) => {
    const decoded = decodeNote(
      await fs.readFile(path.join(root, note)).catch(() => Buffer.alloc(0)),
    );
    return decoded.binary ? '' : decoded.text;
  });
  notes.forEach((note, at) => {
    const found = suggester.suggest(sources[at] ?? '');
    report.headings += found.headingCount;
    for (const section of found.sections) {
      report.suggestions.push({
        note,
        heading: section.heading,
        line: section.line,
        demos: section.demos.map(({ id, title, score, why }) => ({ id, title, score, why })),
      });
    }
    for (const flag of found.flags)
      report.flags.push({
        note,
        line: flag.line,
        text: flag.text,
        demo: flag.demo,
        correction: flag.correction,
      });
  });
  return report;
}
