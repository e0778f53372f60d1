/** Sections a student writes about Docker: heading variants (typos, bold, mixed languages) and text. */
const DOCKER_SECTIONS: { headings: string[]; lines: string[] }[] = [
  {
    headings: ['tmpfs', 'tmpfs mout', 'TMPFS Mounts', 'In-memory storage', 'tmpfs (RAM)'],
    lines: [
      'lives in RAM, gone after stop',
      'docker run --tmpfs /cache busybox',
      'good for secrets and caches, never a volume',
    ],
  },
  {
    headings: ['Bind mount', 'Bind Mounts', 'bind-mount', 'Host folders mounten'],
    lines: [
      '-v ./src:/app for live reload',
      'edits on the host show up in the container',
      'careful with file ownership (uid)',
    ],
  },
  {
    headings: ['Anonymous Volumes', 'anonymus volumes', 'Dangling volumes', 'Anonyme Volumes'],
    lines: [
      'they get a random hash name',
      'anonymous volumes get deleted automatically when the container stops',
      'docker volume prune cleans them',
    ],
  },
  {
    headings: ['Named volumes', 'Volumes persistentes', 'Datenvolumen', 'Persisting data'],
    lines: [
      'docker volume create data',
      'data survives docker rm',
      'Los datos quedan en el volumen.',
    ],
  },
  {
    headings: ['CMD VS Entrypoint', 'entrypoint vs cmd', 'ENTRYPOINT', 'Overriding the command'],
    lines: [
      'args after the image replace CMD',
      'exec form ["node", "app.js"] is better',
      'Arguments to docker run replace the ENTRYPOINT',
    ],
  },
  {
    headings: ['Default Bridge Network', 'User-defined networks', 'Container DNS', 'Netzwerk'],
    lines: [
      'containers find each other by name only on user-defined networks',
      'docker network create app',
      'host.docker.internal works out of the box on linux',
    ],
  },
  {
    headings: ['Build cache', 'Layer caching', 'Schichten und Cache'],
    lines: [
      'COPY package.json first, then npm ci',
      'CACHED means the layer was reused',
      'docker build always rebuilds every layer from scratch',
    ],
  },
  {
    headings: ['Tags', 'The latest tag', 'Image tags & digests'],
    lines: [
      'the latest tag always points to the newest image',
      'a digest is sha256:...',
      'docker tag app:v1 app:stable',
    ],
  },
  {
    headings: ['PID 1 und Signale', 'docker stop', 'Graceful shutdown'],
    lines: [
      'docker stop sends SIGTERM, then SIGKILL after 10s',
      'shell form CMD does not forward signals',
      'use tini or --init',
    ],
  },
  {
    headings: ['.dockerignore', 'Build context', 'Build-Kontext'],
    lines: [
      'Sending build context to Docker daemon 300MB',
      'add node_modules and .git to .dockerignore',
    ],
  },
];

/** Sections that have nothing to do with the demos; any suggestion here is a false one. */
const UNRELATED_SECTIONS: { headings: string[]; lines: string[] }[] = [
  {
    headings: ['Shopping list', 'Einkaufsliste'],
    lines: ['- milk, eggs', '- bread and butter', '- coffee'],
  },
  {
    headings: ['Linux permissions', 'chmod basics'],
    lines: [
      'chmod 755 gives the owner rwx',
      'root can write everything',
      'chown changes the owner of a file',
    ],
  },
  {
    headings: ['Kubernetes pods', 'K8s Pods'],
    lines: [
      'a pod groups containers',
      'pods are scheduled by the kubelet onto nodes',
      'kubectl get pods -A',
    ],
  },
  {
    headings: ['Meine Woche', 'Lecture 4 admin'],
    lines: ['Montag Uni, Dienstag Sport', 'exam on the 12th, room B2', 'bring the laptop'],
  },
  {
    headings: ['Git branching', 'Rebase vs merge'],
    lines: [
      'git rebase -i HEAD~3',
      'merge keeps the history, rebase rewrites it',
      'never force-push main',
    ],
  },
  {
    headings: ['SQL joins'],
    lines: ['| join | rows |', '|---|---|', '| inner | only matches |', '| left | all left rows |'],
  },
];

/** A generated student note: Docker sections and unrelated ones, with bold pseudo-headings and code. */
export function studentNote(
  i: number,
  random: () => number,
): { text: string; sections: { line: number; unrelated: boolean }[] } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const parts = [`# Notes ${i}`, '', `Lecture ${1 + (i % 14)} — written in a hurry.`, ''];
  const sectionLines: { line: number; unrelated: boolean }[] = [];
  const sections = 3 + Math.floor(random() * 5);
  for (let s = 0; s < sections; s++) {
    const unrelated = random() < 0.35;
    const source = pick(unrelated ? UNRELATED_SECTIONS : DOCKER_SECTIONS);
    const heading = pick(source.headings);
    sectionLines.push({ line: parts.length + 1, unrelated });
    parts.push(
      random() < 0.3 ? `**${heading}**` : `${'#'.repeat(2 + Math.floor(random() * 2))} ${heading}`,
    );
    for (const line of source.lines)
      if (random() < 0.8) parts.push(random() < 0.5 ? `- ${line}` : line);
    if (!unrelated && random() < 0.3)
      parts.push('', '```bash', 'docker ps -a', 'docker volume ls', '```');
    parts.push('');
  }
  return { text: parts.join('\n'), sections: sectionLines };
}
