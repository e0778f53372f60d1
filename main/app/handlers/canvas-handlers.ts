import type { HandlersFor } from '../../rpc/router';
import type { CanvasService } from '../../services/canvas/canvas-service';
import type { VaultService } from '../../services/vault/vault-service';

/** Handlers for `canvas.*`: like the reader's notes, they wait for the vault being opened to be listed. */
export function canvasHandlers(canvas: CanvasService, vault: Pick<VaultService, 'whenReady'>): HandlersFor<'canvas'> {
  return {
    'canvas.read': async ({ path }) => {
      await vault.whenReady();
      return canvas.read(path);
    },
    'canvas.renderCards': async ({ path, ids }) => {
      await vault.whenReady();
      return canvas.renderCards(path, ids);
    },
  };
}
