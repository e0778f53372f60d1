import type { HandlersFor } from '../../rpc/router';
import type { SuggestionsService } from '../../services/suggestions/suggestions-service';

/** Handlers for `suggestions.*`. */
export function suggestionsHandlers(suggestions: SuggestionsService): HandlersFor<'suggestions'> {
  return {
    'suggestions.forNote': ({ path }) => suggestions.forNote(path),
    'suggestions.dismiss': ({ path, heading, demoId, restore }) =>
      suggestions.dismiss(path, heading, demoId, restore),
    'suggestions.addToNote': ({ path, heading, line, demoId }) =>
      suggestions.addToNote(path, heading, line, demoId),
    'suggestions.undoAdd': ({ undoToken }) => suggestions.undoAdd(undoToken),
  };
}
