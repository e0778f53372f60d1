import { RpcFailure } from '../../contract/errors';
import type { HandlersFor } from '../../rpc/router';
import type { TimelineNoteEmbeds } from '../../services/timeline/timeline-note-embed';
import type { TimelineService } from '../../services/timeline/timeline-service';
import type { VaultService } from '../../services/vault/vault-service';

/** Handlers for `timeline.*`. */
export function timelineHandlers(
  timeline: TimelineService,
  embeds: TimelineNoteEmbeds,
  vault: VaultService,
): HandlersFor<'timeline'> {
  return {
    'timeline.live': ({ since }) => timeline.live(since),
    'timeline.forRun': ({ runId }) => timeline.forRun(runId),
    'timeline.svg': (options) => timeline.svg(options),
    'timeline.saveToNote': async ({ runId, path, heading, theme }) => {
      await vault.whenReady();
      vault.assertWritable();
      const root = vault.info().root;
      if (!root) throw new RpcFailure('unavailable', 'No vault is open.');
      const { fileName, svg } = timeline.svg({ runId, theme });
      return embeds.save(root, path, heading, fileName, svg);
    },
    'timeline.undoSave': ({ undoToken }) => embeds.undoSave(undoToken),
  };
}
