// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { unresolvedLinkTitle } from '@contract/link-tooltips';
import { supplyLinkTooltips } from './link-tooltips';

const links = () => {
  document.body.innerHTML =
    '<div class="note-body"><p><a class="internal-link is-unresolved" data-unresolved-target="Docker &amp; me" role="link" tabindex="0"><em>later</em></a> ' +
    '<a class="internal-link is-unresolved" data-unresolved-target="X" title="“X” was not found in the vault.">x</a> ' +
    '<a class="internal-link" href="#" data-note-path="A.md">a</a></p></div>';
  return [...document.querySelectorAll('a')] as HTMLAnchorElement[];
};

describe('supplyLinkTooltips', () => {
  let dispose = () => undefined as void;
  afterEach(() => dispose());

  it('gives a link to a missing note its tooltip when the pointer reaches it (or its text)', () => {
    const [missing, , note] = links();
    dispose = supplyLinkTooltips(document);
    expect(missing?.hasAttribute('title')).toBe(false);
    missing?.querySelector('em')?.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(missing?.title).toBe(unresolvedLinkTitle('Docker & me'));
    note?.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(note?.hasAttribute('title')).toBe(false);
  });

  it('gives it on keyboard focus too, and keeps a tooltip the link already has', () => {
    const [missing, written] = links();
    dispose = supplyLinkTooltips(document);
    missing?.focus();
    expect(missing?.title).toBe(unresolvedLinkTitle('Docker & me'));
    written?.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(written?.title).toBe('“X” was not found in the vault.');
  });

  it('stops when disposed', () => {
    const [missing] = links();
    supplyLinkTooltips(document)();
    missing?.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(missing?.hasAttribute('title')).toBe(false);
  });
});
