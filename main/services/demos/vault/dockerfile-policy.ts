/** Something a Dockerfile written in a note may not do, with the Dockerfile line it is on (1-based). */
export interface DockerfileRefusal {
  line: number;
  reason: string;
}

/** Logical Dockerfile instructions with the line each starts on (continuations joined, comments dropped). */
function instructions(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let current: { line: number; text: string } | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!current && (line === '' || line.startsWith('#'))) return;
    const continued = line.endsWith('\\');
    const body = continued ? line.slice(0, -1) : line;
    if (current) current.text += ` ${body}`;
    else current = { line: i + 1, text: body };
    if (!continued) {
      out.push(current);
      current = null;
    }
  });
  if (current) out.push(current);
  return out;
}

const imageRef = (value: string) => (value.includes(':') ? value : `${value}:latest`);
const IMAGE_PLACEHOLDER = /^\{\{image:([^}]+)\}\}$/;

/**
 * Checks a Dockerfile from a note: every `FROM` must be `base` (the demo image), an earlier
 * stage, or an image built earlier in the same demo (`{{image:key}}`); no `COPY --from` of a
 * foreign image, no `ADD` of a URL, no `RUN --mount/--network/--security`.
 */
export function checkDockerfile(
  text: string,
  builtImages: ReadonlySet<string>,
): DockerfileRefusal[] {
  const refusals: DockerfileRefusal[] = [];
  // A captured value is only known while the demo runs: it could bring in FROM/ADD lines unchecked.
  text.split(/\r?\n/).forEach((line, i) => {
    if (/\{\{var:/.test(line))
      refusals.push({
        line: i + 1,
        reason:
          'the Dockerfile uses a {{var:…}} value, which is only known while the demo runs and could change what it builds after Berth checked it.',
      });
  });
  const stages = new Set<string>();
  let stageCount = 0;
  for (const { line, text: instruction } of instructions(text)) {
    const [keyword = '', ...args] = instruction.split(/\s+/);
    const words = args.filter((a) => !a.startsWith('--'));
    const flags = args.filter((a) => a.startsWith('--'));
    switch (keyword.toUpperCase()) {
      case 'FROM': {
        const ref = words[0] ?? '';
        const lower = ref.toLowerCase();
        const placeholder = IMAGE_PLACEHOLDER.exec(ref);
        const allowed =
          lower === 'base' ||
          lower === '{{base}}' ||
          stages.has(lower) ||
          (placeholder !== null && builtImages.has(imageRef(placeholder[1] ?? '')));
        if (!allowed) {
          refusals.push({
            line,
            reason: `the Dockerfile builds FROM "${ref}"; in a note a Dockerfile may only start FROM base (the demo image), an earlier stage, or an image built earlier in the demo ({{image:name:tag}}).`,
          });
        }
        if (words[1]?.toLowerCase() === 'as' && words[2]) stages.add(words[2].toLowerCase());
        stages.add(String(stageCount++));
        break;
      }
      case 'COPY':
      case 'ADD': {
        const from = flags
          .find((f) => f.toLowerCase().startsWith('--from='))
          ?.slice(7)
          .toLowerCase();
        if (from !== undefined && !stages.has(from)) {
          refusals.push({
            line,
            reason: `the Dockerfile copies files out of the image "${from}", which is neither an earlier stage nor built in this demo.`,
          });
        }
        if (
          keyword.toUpperCase() === 'ADD' &&
          words.some((w) => /^(?:https?|git|ssh):\/\/|^git@/i.test(w))
        ) {
          refusals.push({
            line,
            reason:
              'the Dockerfile downloads from the internet with ADD; a demo in a note builds only from the files it lists.',
          });
        }
        break;
      }
      case 'RUN': {
        const risky = flags.find((f) => /^--(?:mount|network|security)\b/i.test(f));
        if (risky)
          refusals.push({
            line,
            reason: `the Dockerfile uses "RUN ${risky}", which can reach host files, the network or extra privileges.`,
          });
        break;
      }
      default:
        break;
    }
  }
  return refusals;
}
