import { useEffect, useState, type RefObject } from 'react';
import type { TimelineBand, TimelineModel } from '@contract';
import {
  revealStepInRunView,
  onRevealStepInTimeline,
  type RunStepRef,
} from '../../ui/run-step-link';
import { showToast } from '../../ui/toasts';
import type { TimelineViewport } from './timeline-draw';

/** The window around a step's band, scrolled to the first row with an event in it. */
export function bandViewport(model: TimelineModel, band: TimelineBand): TimelineViewport {
  const pad = Math.max(200, (band.to - band.from) * 0.4);
  const firstRow = model.rows.findIndex((row) =>
    row.ticks.some((tick) => tick.at >= band.from && tick.at <= band.to),
  );
  return { from: band.from - pad, to: band.to + pad, scrollRow: Math.max(0, firstRow - 1) };
}

interface Setters {
  model: TimelineModel | undefined;
  root: RefObject<HTMLElement | null>;
  showRun: (runId: string) => void;
  setView: (view: TimelineViewport) => void;
  setCursor: (at: number) => void;
}

/**
 * Step bands ↔ run view: a band shown on request of the run view (switching to that run and
 * focusing the band), and `showInRunView(index)` for a band the user picked.
 */
export function useStepLink({ model, root, showRun, setView, setCursor }: Setters) {
  const [picked, setPicked] = useState<RunStepRef>();
  const [wanted, setWanted] = useState<RunStepRef>();

  useEffect(
    () =>
      onRevealStepInTimeline((step) => {
        showRun(step.runId);
        setWanted({ ...step });
        return true;
      }),
    [showRun],
  );

  useEffect(() => {
    if (!wanted || !model || model.runId !== wanted.runId) return;
    setWanted(undefined);
    const band = model.bands.find((b) => b.index === wanted.index);
    if (!band) {
      showToast({
        tone: 'info',
        title: `Step ${wanted.index + 1} has no band`,
        body: 'It has not run (yet), so it has no time on the timeline.',
      });
      return;
    }
    setPicked({ runId: wanted.runId, index: band.index });
    setCursor(band.from);
    setView(bandViewport(model, band));
    requestAnimationFrame(() =>
      root.current
        ?.querySelector<HTMLElement>(`.timeline-band[data-band="${band.index}"]`)
        ?.focus({ preventScroll: true }),
    );
  }, [wanted, model, root, setCursor, setView]);

  const showInRunView = (index: number) => {
    const band = model?.bands.find((b) => b.index === index);
    if (!model?.runId || !band) return;
    setPicked({ runId: model.runId, index });
    setCursor(band.from);
    if (!revealStepInRunView({ runId: model.runId, index }))
      showToast({
        tone: 'info',
        key: 'timeline-step-link',
        title: 'This run is not on screen',
        body: `Open the note with “${model.title}” and its run to see step ${index + 1} there.`,
      });
  };

  // A band picked in one run is not picked in another.
  const selectedBand = picked && picked.runId === model?.runId ? picked.index : undefined;
  return { selectedBand, showInRunView };
}
