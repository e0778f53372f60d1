// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ClaimFlag, SectionSuggestion } from '@contract';
import { clearClaimFlags, placeClaimFlags } from './claim-flags';
import { clearSectionCards, placeSectionCards } from './section-cards';

const NOTE = `<h1 id="h-docker-storage">Docker storage</h1>
<p><strong>Bind mount</strong></p>
<p>A bind mount maps a host folder into the container.</p>
<h2 id="h-anonymous-volumes">Anonymous Volumes</h2>
<p>Anonymous volumes are deleted automatically once no container uses them. Beim Named volume ist das anders.</p>`;

function note(): HTMLElement {
  const body = document.createElement('div');
  body.className = 'note-body note-content';
  body.innerHTML = NOTE;
  document.body.replaceChildren(body);
  return body;
}

const demo = (id: string) => ({ id, title: id, summary: 's', score: 0.9, why: `matched: ${id}` });
const sections: SectionSuggestion[] = [
  { heading: 'Bind mount', line: 3, slug: '', demos: [demo('bind-mount-two-way')] },
  {
    heading: 'Anonymous Volumes',
    line: 6,
    slug: 'h-anonymous-volumes',
    demos: [demo('anonymous-volume-dangling'), demo('dockerfile-volume-anonymous')],
  },
];
const flag: ClaimFlag = {
  line: 8,
  text: 'Anonymous volumes are deleted automatically once no container uses them.',
  demo: 'anonymous-volume-dangling',
  demoTitle: 'Anonymous volumes are left dangling by docker rm',
  claim: 'Anonymous volumes are deleted automatically when the container stops',
  correction: 'A plain docker rm leaves the anonymous volume behind.',
};

describe('placeSectionCards', () => {
  it('puts one suggestion note after each heading, bold pseudo-headings included, with placeholders for the demos feature', () => {
    const body = note();
    placeSectionCards(body, sections);
    const asides = body.querySelectorAll<HTMLElement>('.berth-suggestion');
    expect(asides).toHaveLength(2);
    expect(asides[0]?.previousElementSibling?.textContent).toBe('Bind mount');
    expect(asides[0]?.getAttribute('role')).toBe('note');
    expect(asides[1]?.previousElementSibling?.id).toBe('h-anonymous-volumes');
    const holders = asides[1]!.querySelectorAll<HTMLElement>(
      '.berth-demo-card[data-suggested="section"]',
    );
    expect([...holders].map((h) => h.dataset.demoId)).toEqual([
      'anonymous-volume-dangling',
      'dockerfile-volume-anonymous',
    ]);
    // The second best waits folded away.
    expect(holders[1]?.closest('details')?.querySelector('summary')?.textContent).toBe(
      '1 more demo fits this section',
    );
    expect(holders[0]?.dataset.section).toBe('h-anonymous-volumes');
    expect(asides[0]?.querySelector<HTMLElement>('.berth-demo-card')?.dataset.section).toBe(
      'line-3',
    );
  });

  it('keeps cards in place when placed again, replaces a section whose demos changed, removes stale ones', () => {
    const body = note();
    placeSectionCards(body, sections);
    const first = body.querySelector('.berth-suggestion');
    placeSectionCards(body, sections);
    expect(body.querySelector('.berth-suggestion')).toBe(first);
    expect(body.querySelectorAll('.berth-suggestion')).toHaveLength(2);

    placeSectionCards(body, [{ ...sections[1]!, demos: [demo('dockerfile-volume-anonymous')] }]);
    const left = body.querySelectorAll<HTMLElement>('.berth-suggestion .berth-demo-card');
    expect([...left].map((h) => h.dataset.demoId)).toEqual(['dockerfile-volume-anonymous']);
    clearSectionCards(body);
    expect(body.innerHTML.replace(/\s+/g, ' ')).toBe(NOTE.replace(/\s+/g, ' '));
  });

  it('skips sections whose heading the note no longer has', () => {
    const body = note();
    placeSectionCards(body, [
      { heading: 'Volumes', line: 40, slug: 'h-volumes', demos: [demo('named-volume-persists')] },
    ]);
    expect(body.querySelector('.berth-suggestion')).toBeNull();
  });
});

describe('placeClaimFlags', () => {
  it('puts one accessible marker right after the flagged sentence, and only one however often it runs', () => {
    const body = note();
    placeClaimFlags(body, [flag]);
    placeClaimFlags(body, [flag]);
    const markers = body.querySelectorAll<HTMLButtonElement>('button.berth-flag');
    expect(markers).toHaveLength(1);
    const marker = markers[0]!;
    expect(marker.getAttribute('aria-label')).toContain('Berth’s demos show otherwise');
    expect(marker.getAttribute('aria-haspopup')).toBe('dialog');
    expect(marker.previousSibling?.textContent).toBe(
      'Anonymous volumes are deleted automatically once no container uses them.',
    );
    expect(marker.nextSibling?.textContent).toBe(' Beim Named volume ist das anders.');
  });

  it('places no marker for a sentence the note does not contain, and clears its markers', () => {
    const body = note();
    placeClaimFlags(body, [
      { ...flag, text: 'Containers are small virtual machines with a kernel each.' },
    ]);
    expect(body.querySelector('button.berth-flag')).toBeNull();
    placeClaimFlags(body, [flag]);
    clearClaimFlags(body);
    expect(body.querySelector('button.berth-flag')).toBeNull();
    expect(body.textContent).toContain(
      'Anonymous volumes are deleted automatically once no container uses them. Beim',
    );
  });
});
