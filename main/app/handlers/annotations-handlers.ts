import type { HandlersFor } from '../../rpc/router';
import type { AnnotationsService } from '../../services/annotations/annotations-service';

/**
 * Handlers for `annotations.*`. `currentVault` tells which vault is open, so that the
 * annotations follow when the user opens another vault.
 */
export function annotationsHandlers(annotations: AnnotationsService, currentVault: () => string | null): HandlersFor<'annotations'> {
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
    'annotations.importMarkdown': ({ markdown }) => {
      follow();
      return annotations.importMarkdown(markdown);
    },
  };
}
