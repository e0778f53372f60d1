import { RpcFailure } from '../../contract';
import type { HandlersFor } from '../../rpc/router';

// Wiring in progress (issue 11): the suggestions service replaces these refusals.
const pending = () => {
  throw new RpcFailure('unavailable', 'Demo suggestions are still being set up in this build.');
};

/** Handlers for `suggestions.*`. */
export function suggestionsHandlers(): HandlersFor<'suggestions'> {
  return { 'suggestions.forNote': pending, 'suggestions.dismiss': pending, 'suggestions.addToNote': pending, 'suggestions.undoAdd': pending };
}
