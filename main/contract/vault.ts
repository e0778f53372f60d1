import { z } from 'zod';
import { event, method, noParams } from './define';

const vaultPath = z.string().min(1).max(4096);

export const vaultInfoSchema = z.object({
  /** Absolute folder of the open vault. */
  root: z.string(),
  name: z.string(),
  isBundled: z.boolean(),
  noteCount: z.number().int(),
  attachmentCount: z.number().int(),
  /** Vault-relative path of the note to show first (the remembered one, else a welcome note). */
  initialNote: z.string().optional(),
  recentVaults: z.array(z.string()),
  /** True when the host can show a native folder dialog (Electron); web mode asks for a path. */
  canPickFolder: z.boolean(),
  /** How long the last full index took, in milliseconds. */
  indexMs: z.number(),
});
export type VaultInfo = z.infer<typeof vaultInfoSchema>;

export interface VaultTreeNode {
  name: string;
  path: string;
  kind: 'folder' | 'note' | 'attachment';
  children?: VaultTreeNode[];
}
export const vaultTreeNodeSchema: z.ZodType<VaultTreeNode> = z.lazy(() =>
  z.object({
    name: z.string(),
    path: z.string(),
    kind: z.enum(['folder', 'note', 'attachment']),
    children: z.array(vaultTreeNodeSchema).optional(),
  }),
);

export const noteHeadingSchema = z.object({ level: z.number().int(), text: z.string(), id: z.string() });
export type NoteHeading = z.infer<typeof noteHeadingSchema>;

export const notePropertySchema = z.object({
  key: z.string(),
  /** Scalars as text; lists as their items. */
  value: z.union([z.string(), z.array(z.string())]),
});
export type NoteProperty = z.infer<typeof notePropertySchema>;

export const renderedNoteSchema = z.object({
  path: z.string(),
  name: z.string(),
  /** Sanitized HTML of the body; the reader sanitizes it again before inserting it. */
  html: z.string(),
  headings: z.array(noteHeadingSchema),
  properties: z.array(notePropertySchema),
  tags: z.array(z.string()),
  aliases: z.array(z.string()),
  /** Readable problems shown above the note (broken frontmatter, cut content, bad bytes). */
  problems: z.array(z.string()),
  truncated: z.boolean(),
  /** True when the note is over the render limits (5 M characters, 1 M table cells) and `html` is its plain text; the notice is in `problems`. */
  plainText: z.boolean().optional(),
  /** The note as plain text (markdown syntax removed), for annotations and search context. */
  text: z.string(),
  mtimeMs: z.number(),
  renderMs: z.number(),
  /** A long note: `html` is its first screen, the rest comes from `vault.readNoteRest` (chunks from `from` on; a chunk 0 replaces the first screen). */
  rest: z.object({ stream: z.string(), from: z.number().int().min(0) }).optional(),
});
export type RenderedNoteView = z.infer<typeof renderedNoteSchema>;

/** A page of a long note's HTML: chunks split between blocks or, `tableRows`, rows continuing the table the chunk before opened. */
export const notePageSchema = z.object({
  chunks: z.array(z.object({ html: z.string(), tableRows: z.boolean() })),
  next: z.number().int(),
  done: z.boolean(),
  /** The whole note's outline and problems, on the last page. */
  headings: z.array(noteHeadingSchema),
  problems: z.array(z.string()),
});
export type NotePageView = z.infer<typeof notePageSchema>;

export const snippetPartSchema = z.object({ text: z.string(), match: z.boolean() });
export const searchHitSchema = z.object({ path: z.string(), name: z.string(), score: z.number(), snippet: z.array(snippetPartSchema) });
export type VaultSearchHit = z.infer<typeof searchHitSchema>;

export const switchHitSchema = z.object({
  path: z.string(),
  name: z.string(),
  alias: z.string().optional(),
  folder: z.string(),
  score: z.number(),
  matches: z.array(z.number().int()),
});
export type VaultSwitchHit = z.infer<typeof switchHitSchema>;

export const backlinkEntrySchema = z.object({
  path: z.string(),
  name: z.string(),
  contexts: z.array(z.object({ line: z.number().int(), text: z.string() })),
});
export type BacklinkEntry = z.infer<typeof backlinkEntrySchema>;

export const vaultMethods = {
  'vault.info': method('The open vault: folder, counts, recent vaults.', noParams, vaultInfoSchema),
  'vault.open': method('Opens another vault folder (indexes it and starts watching).', z.object({ path: vaultPath }).strict(), vaultInfoSchema),
  'vault.tree': method('Folders, notes and attachments of the open vault as a tree.', noParams, z.object({ nodes: z.array(vaultTreeNodeSchema) })),
  'vault.readNote': method('A note rendered to sanitized HTML, with its outline and properties.', z.object({ path: vaultPath }).strict(), renderedNoteSchema),
  'vault.readNoteRest': method(
    'The next page of a long note (after the first screen `vault.readNote` answered).',
    z.object({ stream: z.string().min(1).max(100), from: z.number().int().min(0).max(10_000_000) }).strict(),
    notePageSchema,
  ),
  'vault.closeNoteRest': method(
    'The reader no longer shows a long note whose rest it was fetching: its render stops if still under way.',
    z.object({ stream: z.string().min(1).max(100) }).strict(),
    z.null(),
  ),
  'vault.search': method(
    'Full-text search, ranked, with highlighted snippets.',
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }).strict(),
    z.object({ hits: z.array(searchHitSchema), tookMs: z.number() }),
  ),
  'vault.quickSwitch': method(
    'Fuzzy matches over note names and aliases.',
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }).strict(),
    z.object({ hits: z.array(switchHitSchema) }),
  ),
  'vault.backlinks': method(
    'Notes linking to a note, and notes mentioning its name without a link.',
    z.object({ path: vaultPath }).strict(),
    z.object({ linked: z.array(backlinkEntrySchema), unlinked: z.array(backlinkEntrySchema) }),
  ),
  'vault.tags': method(
    'All tags with note counts, or the notes carrying one tag.',
    z.object({ tag: z.string().max(500).optional() }).strict(),
    z.object({ tags: z.array(z.object({ tag: z.string(), count: z.number().int() })), notes: z.array(z.string()) }),
  ),
  'vault.resolveLink': method(
    'Where a link written in a note points.',
    z.object({ target: z.string().max(4096), from: z.string().max(4096) }).strict(),
    z.object({ path: z.string().optional(), kind: z.enum(['note', 'attachment', 'missing']) }),
  ),
  'vault.createNote': method(
    'Creates an empty note (for an unresolved link); fails if it exists.',
    z.object({ name: z.string().min(1).max(255), folder: z.string().max(4096).optional() }).strict(),
    z.object({ path: z.string() }),
  ),
  'vault.setTask': method(
    'Ticks (done) or unticks one task box of a note on disk; refuses when the file changed since `mtimeMs`.',
    z.object({ path: vaultPath, line: z.number().int().min(1), done: z.boolean(), mtimeMs: z.number() }).strict(),
    z.object({ mtimeMs: z.number(), done: z.boolean() }),
  ),
  'vault.openAttachment': method(
    'Opens an attachment of the vault (image, PDF, …) with the system’s default app, after the confinement check. Where the host cannot (web mode) answers with the URL to open instead.',
    z.object({ path: vaultPath }).strict(),
    z.object({ opened: z.boolean(), url: z.string().optional() }),
  ),
  'vault.exportHtml': method(
    'The note as one standalone, sanitized HTML file (styles inlined, images embedded).',
    z.object({ path: vaultPath }).strict(),
    z.object({ fileName: z.string(), html: z.string() }),
  ),
  'vault.pickFolder': method(
    'Shows the native folder dialog (Electron). In web mode answers that the path prompt must be used.',
    noParams,
    z.object({ path: z.string().optional(), usePrompt: z.boolean() }),
  ),
  'vault.rememberNote': method('Remembers the open note of this vault for next time.', z.object({ path: vaultPath }).strict(), z.object({ ok: z.boolean() })),
} as const;

export const vaultEvents = {
  'vault.changed': event(
    'Files of the open vault changed on disk (or another vault was opened); re-query.',
    z.object({ paths: z.array(z.string()), kind: z.enum(['added', 'changed', 'removed', 'opened']), at: z.number() }),
  ),
} as const;

export { noteSanitizePolicy } from './note-sanitize-policy';
