import { useEffect, useRef, useState } from 'react';
import type { HighlightColor } from '@contract';
import { HIGHLIGHT_COLORS } from './colors';
import { CommentView } from './comment-view';

export interface CommentDraft {
  color: HighlightColor;
  comment: string;
  tags: string[];
}

/** Parses `#docker, volumes  exam` into tags, dropping characters tags cannot hold. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[\s,]+/)
    .map((t) => t.replace(/^#/, '').replace(/[^\p{L}\p{N}_/-]/gu, ''))
    .filter(Boolean);
  return [...new Set(tags)].slice(0, 32);
}

/**
 * Edits an annotation's colour, comment (markdown, with a rendered preview) and tags.
 * Ctrl/⌘+Enter saves, Escape cancels.
 */
export function CommentEditor({
  notePath,
  initial,
  saveLabel,
  onSave,
  onCancel,
}: {
  notePath: string;
  initial: CommentDraft;
  saveLabel: string;
  onSave: (draft: CommentDraft) => void;
  onCancel: () => void;
}) {
  const [color, setColor] = useState(initial.color);
  const [comment, setComment] = useState(initial.comment);
  const [tags, setTags] = useState(initial.tags.map((t) => `#${t}`).join(' '));
  const [preview, setPreview] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textarea.current?.focus(), []);
  const save = () => onSave({ color, comment, tags: parseTags(tags) });
  return (
    <div
      className="annotation-editor"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        }
      }}
    >
      <div className="annotation-editor-row">
        <div className="color-swatches" role="radiogroup" aria-label="Highlight colour">
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c.id}
              type="button"
              role="radio"
              aria-checked={color === c.id}
              aria-label={c.label}
              title={c.label}
              className={`swatch swatch-${c.id}`}
              onClick={() => setColor(c.id)}
            />
          ))}
        </div>
        <div className="segmented" role="tablist" aria-label="Comment view">
          <button type="button" role="tab" aria-selected={!preview} onClick={() => setPreview(false)}>
            Write
          </button>
          <button type="button" role="tab" aria-selected={preview} onClick={() => setPreview(true)}>
            Preview
          </button>
        </div>
      </div>
      {preview ? (
        <div className="annotation-preview">{comment.trim() ? <CommentView notePath={notePath} markdown={comment} /> : <span className="faint">Nothing to preview.</span>}</div>
      ) : (
        <textarea
          ref={textarea}
          className="input annotation-textarea"
          aria-label="Comment"
          placeholder="Add a comment — markdown works: **bold**, `code`, [[links]]"
          value={comment}
          rows={4}
          onChange={(e) => setComment(e.target.value)}
        />
      )}
      <input className="input annotation-tags-input" aria-label="Tags" placeholder="#tags" value={tags} onChange={(e) => setTags(e.target.value)} />
      <div className="annotation-editor-actions">
        <span className="faint small">Ctrl+Enter to save</span>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary btn-sm" onClick={save}>
          {saveLabel}
        </button>
      </div>
    </div>
  );
}
