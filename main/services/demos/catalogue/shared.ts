/** A long-running command that exits at once on SIGTERM, so stops are quick. */
export const SLEEPER = ['sh', '-c', "trap 'exit 0' TERM; sleep 300 & wait"];
