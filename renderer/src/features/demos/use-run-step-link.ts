import { useCallback, useEffect, type RefObject } from 'react';
import { runCommand } from '../commands';
import { onRevealStepInRunView, revealStepInTimeline } from '../../ui/run-step-link';

const FLASH_MS = 3000;

/**
 * The run view's half of the step ↔ timeline-band link: a band picked on the timeline scrolls
 * this run's step into view (highlighted, its "Show in the timeline" button focused, so Enter goes
 * back); `showInTimeline(index)` opens the Timeline tab on that step's band.
 */
export function useRunStepLink(runId: string, section: RefObject<HTMLElement | null>) {
  useEffect(
    () =>
      onRevealStepInRunView((step) => {
        if (step.runId !== runId) return false;
        const item = section.current?.querySelector<HTMLElement>(
          `.demo-step[data-step="${step.index}"]`,
        );
        if (!item) return false;
        item.scrollIntoView({ block: 'center', behavior: 'smooth' });
        item.classList.add('is-linked');
        window.setTimeout(() => item.classList.remove('is-linked'), FLASH_MS);
        item.querySelector<HTMLElement>('.demo-step-timeline')?.focus({ preventScroll: true });
        return true;
      }),
    [runId, section],
  );
  return useCallback(
    (index: number) => {
      revealStepInTimeline({ runId, index });
      void runCommand('shell.showDockTab', 'timeline');
    },
    [runId],
  );
}
