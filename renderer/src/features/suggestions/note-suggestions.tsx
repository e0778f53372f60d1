import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimFlag, SectionSuggestion } from '@contract';
import { useQuery } from '../../api';
import { SUGGESTION_ACTION_EVENT, type SuggestionActionDetail } from '../../ui/suggestion-events';
import { clearClaimFlags, flagKey, placeClaimFlags } from './claim-flags';
import { ClaimPopover } from './claim-popover';
import { clearSectionCards, placeSectionCards, sectionKey } from './section-cards';
import { addSuggestionToNote, dismissSuggestion } from './suggestion-actions';

const hiddenKey = (section: string, demoId: string) => `${section}|${demoId}`;

/**
 * Decorates one open note with its suggestions: a "Prove it" aside under each suggested heading
 * and a flag after each sentence the claim check caught. Re-applies whenever the reader replaces
 * the note's HTML; answers the cards' Add / Dismiss buttons and the flags' clicks.
 */
export function NoteSuggestions({ body, notePath }: { body: HTMLElement; notePath: string }) {
  const result = useQuery(
    'suggestions.forNote',
    { path: notePath },
    { invalidateOn: ['vault.changed', 'suggestions.changed'] },
  );
  // Hidden right away on Dismiss / Add, before main's answer and the re-query arrive.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [openFlag, setOpenFlag] = useState<{ flag: ClaimFlag; anchor: HTMLElement }>();

  const enabled = result.data?.enabled ?? false;
  const sections = useMemo<SectionSuggestion[]>(
    () =>
      enabled
        ? (result.data?.sections ?? []).map((s) => ({
            ...s,
            demos: s.demos.filter((d) => !hidden.has(hiddenKey(sectionKey(s), d.id))),
          }))
        : [],
    [enabled, result.data, hidden],
  );
  const flags = useMemo(() => (enabled ? (result.data?.flags ?? []) : []), [enabled, result.data]);

  const latest = useRef({ sections, flags });
  latest.current = { sections, flags };

  // Place now, and again each time the reader re-renders the note (its HTML is replaced wholesale).
  useEffect(() => {
    const place = () => {
      // A demo the note already has as a real block is never suggested again beside it.
      const own = new Set(
        [
          ...body.querySelectorAll<HTMLElement>(
            '.berth-demo-card[data-demo-id]:not([data-suggested])',
          ),
        ].map((el) => el.dataset.demoId),
      );
      const fresh = latest.current.sections.map((s) => ({
        ...s,
        demos: s.demos.filter((d) => !own.has(d.id)),
      }));
      placeSectionCards(body, fresh);
      placeClaimFlags(body, latest.current.flags);
    };
    place();
    let queued = 0;
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = requestAnimationFrame(() => {
        queued = 0;
        place();
      });
    });
    observer.observe(body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(queued);
    };
  }, [body, sections, flags]);

  useEffect(
    () => () => {
      clearSectionCards(body);
      clearClaimFlags(body);
    },
    [body],
  );

  const setHiddenOne = useCallback((key: string, on: boolean) => {
    setHidden((previous) => {
      const next = new Set(previous);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  // The suggested cards' buttons (drawn by the demos feature) and the flags' markers.
  useEffect(() => {
    const onAction = (event: Event) => {
      const { action, demoId } = (event as CustomEvent<SuggestionActionDetail>).detail;
      const holder = (event.target as HTMLElement).closest<HTMLElement>(
        '.berth-demo-card[data-suggested="section"]',
      );
      const key = holder?.dataset.section ?? '';
      const section = latest.current.sections.find((s) => sectionKey(s) === key);
      const demo = section?.demos.find((d) => d.id === demoId);
      if (!section || !demo) return;
      const target = {
        path: notePath,
        heading: section.heading,
        line: section.line,
        demoId,
        demoTitle: demo.title,
      };
      const hide = hiddenKey(key, demoId);
      setHiddenOne(hide, true);
      const settle = (gone: boolean) => setHiddenOne(hide, gone);
      void (action === 'add'
        ? addSuggestionToNote(target, settle)
        : dismissSuggestion(target, settle));
    };
    const onClick = (event: MouseEvent) => {
      const marker = (event.target as HTMLElement).closest<HTMLElement>(
        'button.berth-flag[data-flag-key]',
      );
      if (!marker || !body.contains(marker)) return;
      event.preventDefault();
      event.stopPropagation();
      const flag = latest.current.flags.find((f) => flagKey(f) === marker.dataset.flagKey);
      if (flag)
        setOpenFlag((open) => (open?.anchor === marker ? undefined : { flag, anchor: marker }));
    };
    body.addEventListener(SUGGESTION_ACTION_EVENT, onAction);
    body.addEventListener('click', onClick);
    return () => {
      body.removeEventListener(SUGGESTION_ACTION_EVENT, onAction);
      body.removeEventListener('click', onClick);
    };
  }, [body, notePath, setHiddenOne]);

  const closeFlag = useCallback(() => setOpenFlag(undefined), []);
  return openFlag ? (
    <ClaimPopover
      key={flagKey(openFlag.flag)}
      flag={openFlag.flag}
      anchor={openFlag.anchor}
      onClose={closeFlag}
    />
  ) : null;
}
