/** A long-running command that exits at once on SIGTERM, so stops are quick. */
export const SLEEPER = ['sh', '-c', "trap 'exit 0' TERM; sleep 300 & wait"];

/**
 * A Dockerfile line that makes a run's builds its own: without it two runs of one demo share
 * cached images, and one run's cleanup can delete an image the other is still building on.
 */
export const RUN_MARK = 'LABEL demo.run="{{run}}"';
