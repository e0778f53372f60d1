import {
  buildContextDir,
  cliEquivalent,
  expandScriptTokens,
  SCRIPT_RUN_TOKEN,
  SCRIPT_WORK_TOKEN,
  scriptVarToken,
  shellQuote,
} from './cli-equivalent';
import type { Demo, DemoAction, DemoStep } from './demo-schema';
import { LABEL_RUN, RunContext } from './run-context';

/** Prefix of the shell variables that hold captured step values (`v_idV1`). */
export const CAPTURE_PREFIX = 'v_';

const PREAMBLE = String.raw`set -u
run=${'$'}{BERTH_RUN:-$(date +%s)$RANDOM}
work=${'$'}{BERTH_WORK:-$(mktemp -d "${'$'}{TMPDIR:-/tmp}/berth-script-$run.XXXXXX")}
mkdir -p "$work"
status=0

# Markers: "==> [n] title" opens step n, "<== [n] ..." reports its exit code, duration and checks.
begin_step() { step_started=$(date +%s%3N); printf '\n==> [%s] %s\n' "$1" "$2"; }
end_step() { printf '<== [%s] exit %s in %s ms\n' "$1" "$2" "$(( $(date +%s%3N) - step_started ))"; }
# The state of a container once it reaches the expected one (or after 3 s): created, running, exited, removed.
check_state() {
  local state
  for _ in $(seq 30); do
    state=$(docker inspect -f '{{.State.Status}}' "$2" 2>/dev/null) || state=removed
    [ "$state" = "$3" ] && break
    sleep 0.1
  done
  printf '<== [%s] state %s\n' "$1" "$state"
}
check_exit_code() { printf '<== [%s] container exit code %s\n' "$1" "$(docker inspect -f '{{.State.ExitCode}}' "$2")"; }
check_host_file() { if [ -e "$work/$2" ]; then printf '<== [%s] host file %s exists\n' "$1" "$2"; else printf '<== [%s] host file %s missing\n' "$1" "$2"; fi; }
`;

function heredoc(file: string, content: string): string {
  const hasToken =
    content.includes(SCRIPT_RUN_TOKEN) ||
    content.includes(SCRIPT_WORK_TOKEN) ||
    content.includes('BERTHxVARx');
  const body = content.endsWith('\n') ? content : `${content}\n`;
  if (!hasToken) return `cat > ${shellQuote(file)} <<'BERTH_EOF'\n${body}BERTH_EOF`;
  // An unquoted heredoc expands $run: escape everything else the shell would touch.
  const escaped = body.replace(/[\\$`]/g, (c) => `\\${c}`);
  return `cat > ${shellQuote(file)} <<BERTH_EOF\n${expandScriptTokens(escaped)}BERTH_EOF`;
}

/** Lines that put the files a step needs on the host before its command runs. */
function setupLines(action: DemoAction, ctx: RunContext): string[] {
  if (action.kind === 'build') {
    const dir = buildContextDir(action.image, ctx);
    const lines: string[] = [];
    const dirs = new Set([
      dir,
      ...[...Object.keys(action.files), ...Object.keys(action.filler ?? {})]
        .filter((f) => f.includes('/'))
        .map((f) => `${dir}/${f.slice(0, f.lastIndexOf('/'))}`),
    ]);
    lines.push(`mkdir -p ${[...dirs].map(shellQuote).join(' ')}`);
    for (const [file, text] of Object.entries(action.files)) {
      const content = ctx.expand(text);
      lines.push(
        heredoc(
          `${dir}/${file}`,
          file === 'Dockerfile'
            ? content.replace(/^FROM base\b/gim, `FROM ${ctx.baseImage}`)
            : content,
        ),
      );
    }
    for (const [file, size] of Object.entries(action.filler ?? {}))
      lines.push(`head -c ${size} /dev/zero | tr '\\0' x > ${shellQuote(`${dir}/${file}`)}`);
    return lines;
  }
  if (action.kind === 'compose')
    return [heredoc(`${ctx.workDir}/compose.yaml`, ctx.expand(action.file))];
  if (action.kind === 'run') {
    const binds = (action.mounts ?? []).flatMap((m) =>
      m.type === 'bind' && !m.engineHost ? [shellQuote(`${ctx.workDir}/${m.source}`)] : [],
    );
    if (binds.length) return [`mkdir -p ${binds.join(' ')}`];
  }
  return [];
}

/** A table step as `printf` rows, with captured values from the shell variables. */
function tableLines(action: Extract<DemoAction, { kind: 'table' }>, ctx: RunContext): string[] {
  const cell = (text: string) =>
    `"${ctx
      .expand(text)
      .replace(/["\\$`]/g, (c) => `\\${c}`)
      .replace(
        /BERTHxVARx([A-Za-z0-9_]+?)xEND/g,
        (_, name: string) => `\${${CAPTURE_PREFIX}${name}:-}`,
      )}"`;
  const format = action.columns.map(() => '%s').join(' | ');
  return [
    `printf '${format}\\n' ${action.columns.map(cell).join(' ')}`,
    ...action.rows.map((row) => `printf '${format}\\n' ${row.map(cell).join(' ')}`),
    'status=0',
  ];
}

/** A shell filter that picks a step's value out of its CLI output, where it is not the whole output. */
function valueFilter(action: DemoAction): string | undefined {
  switch (action.kind) {
    case 'port':
      return `head -n 1 | sed 's/.*://'`;
    case 'image-inspect':
      if (action.show === 'size') return `sed -n 's/.* size=\\([0-9]*\\).*/\\1/p'`;
      if (action.show === 'base-layer') return `sed -n 's/.* base-layer=\\([^ ]*\\).*/\\1/p'`;
      return `awk '{ print $1; exit }'`;
    case 'inspect-container':
      return `sed -n 's/^State: \\([a-z]*\\).*/\\1/p'`;
    case 'volume-inspect':
      return `sed -n 's/.*"Mountpoint": "\\(.*\\)",*$/\\1/p'`;
    case 'engine-info':
      return `sed -n 's/^Kernel Version: \\([^ ]*\\).*/\\1/p'`;
    case 'watch-restarts':
      return `sed -n 's/^RestartCount \\([0-9]*\\).*/\\1/p'`;
    default:
      return undefined;
  }
}

/** The command line(s) of a step, capturing output into files or variables where needed. */
function commandLines(step: DemoStep, index: number, cli: string, ctx: RunContext): string[] {
  const { action } = step;
  if (action.kind === 'table') return tableLines(action, ctx);
  const variable = step.capture ? `${CAPTURE_PREFIX}${step.capture}` : undefined;
  if (action.kind === 'build') {
    const log = `"$work/build-step-${index}.log"`;
    const lines = [`${cli} 2>&1 | tee ${log}`, 'status=${PIPESTATUS[0]}'];
    if (variable)
      lines.push(`${variable}=$(sed -n 's/^Sending build context to Docker daemon *//p' ${log})`);
    return lines;
  }
  if (variable) {
    // The shell variable holds what the engine captures: stdout, or the part of it that is the value.
    const pick = valueFilter(action);
    if (action.kind === 'stop')
      return [cli, 'status=$?', `${variable}=$(( $(date +%s%3N) - step_started ))`];
    if (!pick) return [`${variable}=$(${cli})`, 'status=$?', `printf '%s\\n' "$${variable}"`];
    return [
      `step_output=$(${cli})`,
      'status=$?',
      `printf '%s\\n' "$step_output"`,
      `${variable}=$(printf '%s\\n' "$step_output" | ${pick})`,
    ];
  }
  return [cli, 'status=$?'];
}

/** Checks the script reports after a step, for the expectations that need more than the output. */
function checkLines(step: DemoStep, n: number, ctx: RunContext): string[] {
  const lines: string[] = [];
  const container =
    'container' in step.action ? ctx.containerName(step.action.container) : undefined;
  if (step.action.kind === 'stop' && container) lines.push(`check_exit_code ${n} ${container}`);
  for (const e of step.expect) {
    if ('state' in e && container) lines.push(`check_state ${n} ${container} ${e.state}`);
    if ('hostFileExists' in e)
      lines.push(`check_host_file ${n} ${shellQuote(ctx.expand(e.hostFileExists))}`);
  }
  return lines;
}

/** What a step leaves behind, so later commands know it exists and the cleanup knows its name. */
function remember(action: DemoAction, ctx: RunContext): void {
  switch (action.kind) {
    case 'run':
      ctx.record('container', ctx.containerName(action.container));
      for (const m of action.mounts ?? [])
        if (m.type === 'volume' && m.source) ctx.record('volume', ctx.volumeName(m.source));
      break;
    case 'volume-create':
      ctx.record('volume', ctx.volumeName(action.volume));
      break;
    case 'network-create':
      ctx.record('network', ctx.networkName(action.network));
      break;
    case 'build':
      ctx.record('image', ctx.imageName(action.image));
      break;
    case 'tag':
      ctx.record('image', ctx.imageName(action.target));
      break;
    default:
      break;
  }
}

function cleanupFunction(demo: Demo, ctx: RunContext): string {
  const label = `label=${LABEL_RUN}=${SCRIPT_RUN_TOKEN}`;
  const names = (kind: 'container' | 'network' | 'volume' | 'image') =>
    [...ctx.created[kind]].join(' ');
  const lines = [
    'cleanup() {',
    '  printf "\\n==> cleanup: removing what this script created\\n"',
    ...(demo.steps.some((s) => s.action.kind === 'compose')
      ? [
          `  docker compose -p berth-${SCRIPT_RUN_TOKEN} -f "$work/compose.yaml" down -v --remove-orphans >/dev/null 2>&1`,
        ]
      : []),
    ...(ctx.created.container.size
      ? [`  docker rm -f -v ${names('container')} >/dev/null 2>&1`]
      : []),
    `  docker ps -aq --filter ${label} | xargs -r docker rm -f -v >/dev/null 2>&1`,
    ...(ctx.created.network.size
      ? [`  docker network rm ${names('network')} >/dev/null 2>&1`]
      : []),
    `  docker network ls -q --filter ${label} | xargs -r docker network rm >/dev/null 2>&1`,
    ...(ctx.created.volume.size ? [`  docker volume rm ${names('volume')} >/dev/null 2>&1`] : []),
    `  docker volume ls -q --filter ${label} | xargs -r docker volume rm >/dev/null 2>&1`,
    ...(ctx.created.image.size ? [`  docker rmi -f ${names('image')} >/dev/null 2>&1`] : []),
    `  docker image ls -q --filter ${label} | sort -u | xargs -r docker rmi -f >/dev/null 2>&1`,
    ...(demo.steps.some((s) => s.action.kind === 'build')
      ? [
          '  # untagged images that end the earlier stages of multi-stage builds',
          `  awk 'FNR == 1 { last = ""; seen = 0 } /^Step [0-9]+\\/[0-9]+ : FROM/ { if (seen && last != "" && !from) print last; seen = 1; from = 1; next } /^Step / { from = 0 } /^ ---> [0-9a-f]+$/ { last = $2 }' "$work"/build-step-*.log 2>/dev/null | xargs -r docker rmi >/dev/null 2>&1`,
        ]
      : []),
    '  rm -rf "$work"',
    '  printf "<== cleanup done\\n"',
    '}',
    'trap cleanup EXIT',
    "trap 'exit 130' INT TERM",
  ];
  return lines.join('\n');
}

/**
 * The demo as a bash script: one block per step with the very command the run view shows,
 * host files as heredocs, captured values in variables, markers a test can read, and a
 * `trap cleanup EXIT` that removes everything the script created (by name and by its
 * `berth.run` label). The script picks its own run id, so it can be run again and again.
 */
export function demoScript(demo: Demo, baseImage: string): string {
  const ctx = new RunContext(
    SCRIPT_RUN_TOKEN,
    demo.id,
    SCRIPT_WORK_TOKEN,
    baseImage,
    'script',
    demo.network,
  );
  // Captured values live in shell variables: `{{var:x}}` becomes "${v_x}" in the commands.
  for (const step of demo.steps)
    if (step.capture) ctx.vars.set(step.capture, scriptVarToken(step.capture));
  const blocks: string[] = [];
  demo.steps.forEach((step, index) => {
    const n = index + 1;
    const cli = cliEquivalent(step.action, ctx);
    const explain = step.explain
      ? `\n${step.explain
          .replace(/\s+/g, ' ')
          .replace(/(.{1,96})(\s|$)/g, '# $1\n')
          .trimEnd()}`
      : '';
    blocks.push(
      [
        `# ${n}. ${step.title}${explain}`,
        `begin_step ${n} ${shellQuote(step.title)}`,
        ...setupLines(step.action, ctx),
        ...commandLines(step, n, cli, ctx),
        `end_step ${n} $status`,
        ...checkLines(step, n, ctx),
      ].join('\n'),
    );
    remember(step.action, ctx);
  });
  const head = [
    '#!/usr/bin/env bash',
    `# Berth demo "${demo.title}" (${demo.id})`,
    `# Proves: ${demo.note.replace(/\.md$/, '')}${demo.heading ? ` › ${demo.heading}` : ''}`,
    `# Runs on the image ${baseImage}. Every command is the one the demo's step shows; the script`,
    '# removes what it created when it ends (trap cleanup EXIT). Run it with: bash this-file.sh',
  ].join('\n');
  const body = [head, PREAMBLE, cleanupFunction(demo, ctx), '', blocks.join('\n\n'), ''].join('\n');
  return expandScriptTokens(body);
}
