/**
 * Child process for the two-writers test: waits for a start time, then adds `count` annotations to
 * one note as fast as it can. Usage: race-writer <baseDir> <vaultDir> <label> <count> <startAtMs>
 */
import { AnnotationStore } from '../annotation-store';
import { confShardFactory } from '../conf-shard-factory';
import { sampleAnnotation } from './sample-annotations';

const [baseDir, vaultDir, label, count, startAt] = process.argv.slice(2);
if (!baseDir || !vaultDir || !label || !count || !startAt)
  throw new Error('usage: race-writer <baseDir> <vaultDir> <label> <count> <startAtMs>');
const store = new AnnotationStore({ baseDir, vaultPath: vaultDir, openStore: confShardFactory });
while (Date.now() < Number(startAt)) {
  // spin until both writers start together
}
for (let i = 0; i < Number(count); i++) {
  store.put('Race/Shared note.md', [
    sampleAnnotation('Race/Shared note.md', { id: `race-${label}-${i}` }),
  ]);
}
