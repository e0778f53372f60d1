const STEP = /^Step (\d+)\/(\d+) : (.*)$/;
const IMAGE_LINE = /^ ---> ([0-9a-f]{12,64})$/;

/** Counts the Dockerfile steps served from the cache, not counting the `--label` steps Berth adds. */
export function countCachedSteps(log: string): number {
  return log
    .split(/^(?:Step \d+\/\d+ : |STEP \d+\/\d+: )/m)
    .slice(1)
    .filter((block) => !/^LABEL "?berth\./.test(block) && block.includes('Using cache')).length;
}

/**
 * The images that end the earlier stages of a multi-stage build (the legacy builder keeps them
 * as untagged images; `--label` only marks the last stage), so cleanup can remove them by id.
 */
export function stageImageIds(log: string): string[] {
  const ids: string[] = [];
  let last: string | undefined;
  let lastIsFrom = false;
  let stepIsFrom = false;
  for (const line of log.split('\n')) {
    const step = STEP.exec(line);
    if (step) {
      const isFrom = /^FROM\s/i.test(step[3] ?? '');
      if (isFrom && Number(step[1]) > 1 && last && !lastIsFrom) ids.push(last);
      stepIsFrom = isFrom;
      continue;
    }
    const image = IMAGE_LINE.exec(line);
    if (image) {
      last = image[1];
      lastIsFrom = stepIsFrom;
    }
  }
  return [...new Set(ids)];
}

/**
 * Hides the build steps of Berth's bookkeeping labels (`berth.pid`, `berth.host`) from a build
 * log as it streams, renumbering the steps, so the log reads like the shown `docker build`.
 */
export class BuildLogFilter {
  private pending = '';
  private hiding = false;
  private hidden = 0;

  constructor(
    private readonly hiddenKeys: readonly string[],
    private readonly emit: (text: string) => void,
  ) {}

  push(text: string): void {
    this.pending += text;
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    const out = lines
      .map((line) => this.line(line))
      .filter((line): line is string => line !== null);
    if (out.length) this.emit(out.map((line) => `${line}\n`).join(''));
  }

  /** Emits what is left of an unterminated last line. */
  flush(): void {
    if (this.pending) {
      const line = this.line(this.pending);
      if (line !== null) this.emit(line);
    }
    this.pending = '';
  }

  private line(line: string): string | null {
    const step = STEP.exec(line);
    if (step) {
      const label = /^LABEL "?([^"=\s]+)"?=/.exec(step[3] ?? '');
      this.hiding = Boolean(label && this.hiddenKeys.includes(label[1] ?? ''));
      if (this.hiding) {
        this.hidden++;
        return null;
      }
      return `Step ${Number(step[1]) - this.hidden}/${Number(step[2]) - this.hiddenKeys.length} : ${step[3]}`;
    }
    if (
      this.hiding &&
      (line.startsWith(' ---> ') || line.startsWith('Removing intermediate container'))
    )
      return null;
    this.hiding = false;
    return line;
  }
}
