/**
 * Child process for the SIGKILL test: saves annotations in a loop and reports each id on stdout
 * (synchronously) only after its save returned. Usage: crash-writer <baseDir> <vaultDir> <label>
 */
import fs from 'node:fs';
import { AnnotationStore } from '../annotation-store';
import { confShardFactory } from '../conf-shard-factory';
import { sampleAnnotation } from './sample-annotations';

const [baseDir, vaultDir, label] = process.argv.slice(2);
if (!baseDir || !vaultDir || !label) throw new Error('usage: crash-writer <baseDir> <vaultDir> <label>');
const store = new AnnotationStore({ baseDir, vaultPath: vaultDir, openStore: confShardFactory });
fs.writeSync(1, 'ready\n');
for (let i = 0; ; i++) {
  const notePath = `Crash/Note ${i % 3}.md`;
  const annotation = sampleAnnotation(notePath, { id: `crash-${label}-${i}`, comment: 'x'.repeat(200) });
  fs.writeSync(1, `saving ${annotation.id}\n`);
  store.put(notePath, [annotation]);
  fs.writeSync(1, `saved ${annotation.id}\n`);
}
