import path from 'node:path';
import type { CanvasNodeView, CanvasView } from '../../contract/canvas';
import type { CanvasFileNode } from './canvas-file-schema';
import { confineVaultPath, linkRule } from './canvas-rules';
import type { ParsedCanvas } from './parse-canvas';
import { extensionOf, IMAGE_EXTENSIONS, noteNameOf } from '../vault/vault-paths';

/** What the view needs to know about the vault: which files exist, how links resolve, attachment URLs. */
export interface CanvasVaultFiles {
  hasNote(path: string): boolean;
  hasAttachment(path: string): boolean;
  /** Resolves a link the way a wikilink would (a name without folder or extension). */
  resolve(target: string, from: string): { path: string; kind: 'note' | 'attachment' } | null;
  attachmentUrl(path: string): string;
}

const PREVIEW_LENGTH = 300;

type FileTarget = { kind: 'note' | 'attachment'; path: string } | { kind: 'missing' } | { kind: 'refused'; why: string };

/** Finds the vault file a card or group background names (confined first, then exact, then as a link). */
export function findVaultFile(raw: string, canvasPath: string, files: CanvasVaultFiles): FileTarget {
  const confined = confineVaultPath(raw);
  if ('refused' in confined) return { kind: 'refused', why: confined.refused };
  const wanted = confined.path;
  if (files.hasNote(wanted)) return { kind: 'note', path: wanted };
  if (files.hasAttachment(wanted)) return { kind: 'attachment', path: wanted };
  const linked = files.resolve(wanted, canvasPath);
  return linked ? { kind: linked.kind, path: linked.path } : { kind: 'missing' };
}

function box(node: CanvasFileNode) {
  return { id: node.id, x: node.x, y: node.y, width: node.width, height: node.height, ...(node.color ? { color: node.color } : {}) };
}

function fileNode(node: Extract<CanvasFileNode, { type: 'file' }>, canvasPath: string, files: CanvasVaultFiles): CanvasNodeView {
  const base = { ...box(node), type: 'file' as const, file: node.file.slice(0, 4096), ...(node.subpath ? { subpath: node.subpath.slice(0, 1000) } : {}) };
  const shownName = path.posix.basename(node.file.replace(/\\/g, '/')).slice(0, 300) || node.file.slice(0, 300);
  const target = findVaultFile(node.file, canvasPath, files);
  if (target.kind === 'refused') return { ...base, name: shownName, target: 'refused', problem: `Berth does not show this file: ${target.why}` };
  if (target.kind === 'missing') return { ...base, name: noteNameOf(shownName), target: 'missing', problem: 'This file is not in the vault (moved, renamed or deleted?).' };
  if (target.kind === 'note') return { ...base, path: target.path, name: noteNameOf(target.path), target: 'note' };
  const image = IMAGE_EXTENSIONS.has(extensionOf(target.path));
  return { ...base, path: target.path, name: path.posix.basename(target.path), target: image ? 'image' : 'other', url: files.attachmentUrl(target.path) };
}

function nodeView(node: CanvasFileNode, canvasPath: string, files: CanvasVaultFiles): CanvasNodeView {
  switch (node.type) {
    case 'text':
      return { ...box(node), type: 'text', preview: node.text.slice(0, PREVIEW_LENGTH) };
    case 'file':
      return fileNode(node, canvasPath, files);
    case 'link': {
      const rule = linkRule(node.url);
      return { ...box(node), type: 'link', url: rule.url, host: rule.host, safe: rule.safe };
    }
    case 'group': {
      const view: CanvasNodeView = { ...box(node), type: 'group', ...(node.label ? { label: node.label } : {}) };
      const background = node.background ? findVaultFile(node.background, canvasPath, files) : undefined;
      if (background?.kind === 'attachment' && IMAGE_EXTENSIONS.has(extensionOf(background.path))) {
        view.background = files.attachmentUrl(background.path);
        if (node.backgroundStyle) view.backgroundStyle = node.backgroundStyle;
      }
      return view;
    }
  }
}

/** The canvas as the reader shows it: every file card resolved inside the vault, every link checked. */
export function canvasView(canvasPath: string, parsed: ParsedCanvas, files: CanvasVaultFiles, mtimeMs: number): CanvasView {
  return {
    path: canvasPath,
    name: path.posix.basename(canvasPath).replace(/\.canvas$/i, ''),
    nodes: parsed.nodes.map((node) => nodeView(node, canvasPath, files)),
    edges: parsed.edges,
    problems: parsed.problems,
    mtimeMs,
  };
}
