import fs from 'node:fs';
import path from 'node:path';
import type { Annotation } from '../../main/contract/annotations';
import type { SeededRandom } from './random';
import type { SoakRpc } from './rpc-client';

/** Notes the way students write them: bold headings, typos, pasted tables, half-wrong claims, two languages. */
const STUDENT_NOTES: Record<string, string> = {
  'Volumes.md': `**Volumes**\n\nA named volume survives the container. docker volume create data, then mount it with -v data:/data.\n\nanonymous volumes get deleted automaticaly when the container stops (not sure??)\n\n| cmd | what |\n|---|---|\n| docker volume ls | list |\n| docker volume prune | delete unused |\n`,
  'Bind mounts.md': `# Bind mounts\n\nBind mount = host folder inside the container. Changes go both ways.\nLe dossier de l'hôte remplace le contenu de l'image au point de montage.\n\n**tmpfs**\ntmpfs is in memory only, gone after stop.\n`,
  'Networks/Bridge.md': `## bridge netwrok\n\nContainers on the default bridge can ping each other by name (half wrong: only on user-defined networks).\n\n- docker network create app\n- docker run --network app ...\n`,
  'Networks/Ports.md': `**Ports**\n-p 8080:80 publishes port 80 of the container on 8080 of the host.\nEXPOSE publishes the port too (falsch!).\n`,
  'Scratch/todo.md': `# todo\n- [ ] read about overlay\n- [x] volumes\n`,
};

/** The notes that get annotations; the driver only appends to them, never renames or deletes them. */
const ANNOTATED = ['Volumes.md', 'Bind mounts.md', 'Networks/Bridge.md'];

/** Writes the vault, annotates it through the RPC and then edits, renames and deletes notes at random. */
export class NoteChaos {
  readonly created = new Map<string, { notePath: string; comment: string }>();
  private counter = 0;

  constructor(
    private readonly vaultDir: string,
    private readonly random: SeededRandom,
  ) {}

  /** Creates the vault folder with the student notes. */
  writeVault(): void {
    for (const [rel, text] of Object.entries(STUDENT_NOTES)) {
      fs.mkdirSync(path.dirname(path.join(this.vaultDir, rel)), { recursive: true });
      fs.writeFileSync(path.join(this.vaultDir, rel), text);
    }
  }

  /** Annotates a random word of an annotated note, through `annotations.create`. */
  async annotate(rpc: SoakRpc): Promise<void> {
    const notePath = this.random.pick(ANNOTATED)!;
    const text = fs
      .readFileSync(path.join(this.vaultDir, notePath), 'utf8')
      .replace(/[*#|`-]/g, ' ');
    const words = [...text.matchAll(/[A-Za-zÀ-ÿ]{4,}/g)];
    const word = this.random.pick(words)!;
    this.counter += 1;
    const comment = `soak comment ${this.counter} — ça marche?`;
    const created = await rpc.call<Annotation>('annotations.create', {
      notePath,
      rendered: { text, headings: [] },
      start: word.index,
      end: word.index + word[0].length,
      comment,
      tags: ['soak'],
    });
    this.created.set(created.id, { notePath, comment });
  }

  /** One random change to the notes on disk (the way an editor or a sync tool would make it). */
  step(): string {
    const r = this.random;
    const scratch = fs.existsSync(path.join(this.vaultDir, 'Scratch'))
      ? fs.readdirSync(path.join(this.vaultDir, 'Scratch')).filter((f) => f.endsWith('.md'))
      : [];
    const kind = r.weighted({ append: 4, create: 2, rename: 2, delete: 1 });
    const n = ++this.counter;
    if (kind === 'append') {
      const file = path.join(this.vaultDir, r.pick(ANNOTATED)!);
      fs.appendFileSync(file, `\n- added line ${n}: docker volume inspect shows the mountpoint\n`);
    } else if (kind === 'create' || scratch.length === 0) {
      fs.mkdirSync(path.join(this.vaultDir, 'Scratch'), { recursive: true });
      fs.writeFileSync(
        path.join(this.vaultDir, 'Scratch', `note ${n}.md`),
        `**Note ${n}**\ncontainer rm -v removes anonymus volumes\n`,
      );
      return 'note-create';
    } else if (kind === 'rename') {
      const from = r.pick(scratch)!;
      fs.renameSync(
        path.join(this.vaultDir, 'Scratch', from),
        path.join(this.vaultDir, 'Scratch', `renamed ${n}.md`),
      );
    } else {
      fs.rmSync(path.join(this.vaultDir, 'Scratch', r.pick(scratch)!), { force: true });
    }
    return `note-${kind}`;
  }

  /** Annotations created by the soak that the store no longer has (or has with another comment). */
  lost(annotations: Annotation[]): string[] {
    const byId = new Map(annotations.map((a) => [a.id, a]));
    return [...this.created]
      .filter(
        ([id, want]) =>
          byId.get(id)?.comment !== want.comment || byId.get(id)?.notePath !== want.notePath,
      )
      .map(([id]) => id);
  }
}
