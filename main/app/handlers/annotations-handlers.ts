import type { HandlersFor } from '../../rpc/router';
import type { AnnotationsService } from '../../services/annotations/annotations-service';
import { renderComment } from '../../services/annotations/render-comment';
import type { LinkTarget } from '../../services/vault/link-resolver';

/** How the vault service answers a link lookup (`vault.resolveLink`). */
export type VaultLinkLookup = (target: string, fromPath: string) => { path?: string; kind: string };

/**
 * Handlers for `annotations.*`. `currentVault` tells which vault is open, so that the
 * annotations follow when the user opens another vault; `resolveLink` resolves links in comments.
 */
export function annotationsHandlers(
  annotations: AnnotationsService,
  currentVault: () => string | null,
  lookupLink?: VaultLinkLookup,
): HandlersFor<'annotations'> {
  const resolveLink = (target: string, fromPath: string): LinkTarget | null => {
    try {
      const found = lookupLink?.(target, fromPath);
      if (!found?.path) return null;
      return found.kind === 'note' || found.kind === 'attachment' ? { path: found.path, kind: found.kind } : null;
    } catch {
      // No vault open: the link renders as unresolved.
      return null;
    }
  };
  const follow = () => {
    const vault = currentVault();
    if (vault) annotations.setVault(vault);
  };
  return {
    'annotations.list': ({ notePath }) => {
      follow();
      return { annotations: annotations.list(notePath) };
    },
    'annotations.create': (params) => {
      follow();
      return annotations.create(params);
    },
    'annotations.update': (params) => {
      follow();
      return annotations.update(params);
    },
    'annotations.remove': ({ id }) => {
      follow();
      return { removed: annotations.remove(id) };
    },
    'annotations.restore': ({ annotation }) => {
      follow();
      return annotations.restore(annotation);
    },
    'annotations.anchor': ({ notePath, rendered }) => {
      follow();
      return annotations.anchor(notePath, rendered);
    },
    'annotations.exportMarkdown': ({ notePath }) => {
      follow();
      return annotations.exportMarkdown(notePath);
    },
    'annotations.storeStatus': () => {
      follow();
      return annotations.storeStatus();
    },
    'annotations.renderComment': ({ notePath, markdown }) => ({ html: renderComment(notePath, markdown, resolveLink) }),
    'annotations.importMarkdown': ({ markdown }) => {
      follow();
      return annotations.importMarkdown(markdown);
    },
  };
}
