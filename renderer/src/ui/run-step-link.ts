/**
 * The link between a demo run's steps in the run view (demos feature) and the step bands of the
 * lifecycle timeline (timeline feature), which may not import each other: each side asks the
 * other to reveal a step through this channel.
 */

/** A step of a demo run, as both sides know it. */
export interface RunStepRef {
  runId: string;
  /** The step's index in the run (0-based). */
  index: number;
}

/** Shows the step if it can; true when it did. */
type Reveal = (step: RunStepRef) => boolean;

const runViews = new Set<Reveal>();
const timelines = new Set<Reveal>();
let waitingForTimeline: RunStepRef | undefined;

/** Timeline → run view: every mounted run view of that run reveals the step. False when none is on screen. */
export function revealStepInRunView(step: RunStepRef): boolean {
  let shown = false;
  for (const reveal of runViews) if (reveal(step)) shown = true;
  return shown;
}

/** A run view listens for steps to reveal; returns the disposer. */
export function onRevealStepInRunView(reveal: Reveal): () => void {
  runViews.add(reveal);
  return () => runViews.delete(reveal);
}

/**
 * Run view → timeline: the timeline shows the step's band now, or as soon as it is mounted
 * (the caller opens its tab).
 */
export function revealStepInTimeline(step: RunStepRef): void {
  waitingForTimeline = step;
  for (const reveal of timelines) if (reveal(step)) waitingForTimeline = undefined;
}

/** The timeline listens for steps to show; a request made while it was not mounted is delivered now. */
export function onRevealStepInTimeline(reveal: Reveal): () => void {
  timelines.add(reveal);
  if (waitingForTimeline && reveal(waitingForTimeline)) waitingForTimeline = undefined;
  return () => timelines.delete(reveal);
}
