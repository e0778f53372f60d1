// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findSentence, stripMarkdown } from './sentence-finder';

function note(html: string): HTMLElement {
  const body = document.createElement('div');
  body.className = 'note-body';
  body.innerHTML = html;
  document.body.replaceChildren(body);
  return body;
}

describe('findSentence', () => {
  it('finds a sentence that spans bold text and curly quotes, with its full stop', () => {
    const body = note(
      '<p>Intro. <strong>Anonymous volumes</strong> are deleted   automatically once no container uses them. Then more.</p>',
    );
    const range = findSentence(
      body,
      'Anonymous volumes are deleted automatically once no container uses them.',
    );
    expect(range?.toString()).toBe(
      'Anonymous volumes are deleted   automatically once no container uses them.',
    );
  });

  it('ignores case, curly apostrophes and Markdown left in the sentence', () => {
    const body = note(
      '<ul><li>A tmpfs mount doesn’t <em>survive</em> a restart of the container.</li></ul>',
    );
    const range = findSentence(
      body,
      "- a **tmpfs** mount doesn't survive a restart of the container",
    );
    expect(range?.toString()).toBe('A tmpfs mount doesn’t survive a restart of the container.');
  });

  it('never matches text inside Berth’s own cards', () => {
    const body = note(
      '<div class="berth-demo-card"><p>Anonymous volumes are deleted automatically.</p></div><p>Nothing here.</p>',
    );
    expect(findSentence(body, 'Anonymous volumes are deleted automatically.')).toBeNull();
  });

  it('falls back to a distinctive start when the end of the sentence was edited', () => {
    const body = note(
      '<p>Bind mounts are copied into the image when the container starts, so edits stay. Next.</p>',
    );
    const range = findSentence(
      body,
      'Bind mounts are copied into the image when the container starts, so edits are lost.',
    );
    expect(range?.toString()).toBe(
      'Bind mounts are copied into the image when the container starts, so edits stay.',
    );
  });

  it('keeps paragraphs apart and returns null for a sentence the note does not contain', () => {
    const body = note('<p>Volumes live in</p><p>/var/lib/docker.</p>');
    expect(findSentence(body, 'Volumes live in /var/lib/docker.')?.toString()).toBe(
      'Volumes live in/var/lib/docker.',
    );
    expect(findSentence(body, 'Containers are virtual machines with a kernel.')).toBeNull();
  });
});

describe('stripMarkdown', () => {
  it('keeps the words of links, wikilinks and emphasis', () => {
    expect(
      stripMarkdown('See [[Named Volumes|named ones]] and [docs](https://x) for `-v` **now**'),
    ).toBe('See named ones and docs for -v now');
  });
});
