import { getApi } from '../../api';
import { showToast } from '../../ui/toasts';

/** One suggested demo under one heading of one note. */
export interface SuggestionTarget {
  path: string;
  heading: string;
  line: number;
  demoId: string;
  demoTitle: string;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Hides a suggestion (remembered per vault by main) and offers Undo. `onSettled` says whether it
 * is hidden in the end, so the note can show it again after an Undo or a refusal.
 */
export async function dismissSuggestion(
  target: SuggestionTarget,
  onSettled: (hidden: boolean) => void,
): Promise<void> {
  const { path, heading, demoId } = target;
  try {
    await getApi().call('suggestions.dismiss', { path, heading, demoId });
  } catch (error) {
    onSettled(false);
    showToast({ tone: 'danger', title: 'Could not hide the suggestion', body: message(error) });
    return;
  }
  showToast({
    tone: 'info',
    key: `suggestion-${demoId}`,
    title: 'Suggestion hidden',
    body: `“${target.demoTitle}” won’t be suggested under “${heading}” again.`,
    action: {
      label: 'Undo',
      run: () => {
        getApi()
          .call('suggestions.dismiss', { path, heading, demoId, restore: true })
          .then(
            () => onSettled(false),
            (error: unknown) =>
              showToast({
                tone: 'danger',
                title: 'Could not show the suggestion again',
                body: message(error),
              }),
          );
      },
    },
  });
}

/**
 * Writes a real `berth-demo` block under the heading (main does it atomically; the note then
 * re-renders from disk) and offers Undo, which main refuses with a reason if the note changed since.
 */
export async function addSuggestionToNote(
  target: SuggestionTarget,
  onSettled: (added: boolean) => void,
): Promise<void> {
  const { path, heading, line, demoId } = target;
  let undoToken: string;
  try {
    ({ undoToken } = await getApi().call('suggestions.addToNote', { path, heading, line, demoId }));
  } catch (error) {
    onSettled(false);
    showToast({
      tone: 'danger',
      title: 'Could not add the demo to the note',
      body: message(error),
    });
    return;
  }
  showToast({
    tone: 'ok',
    key: `suggestion-${demoId}`,
    title: 'Added to your note',
    body: `A berth-demo block for “${target.demoTitle}” is now under “${heading}”.`,
    action: {
      label: 'Undo',
      run: () => {
        getApi()
          .call('suggestions.undoAdd', { undoToken })
          .then(
            () => {
              onSettled(false);
              showToast({
                tone: 'info',
                key: `suggestion-${demoId}`,
                title: 'Removed from your note',
                body: `The block for “${target.demoTitle}” is gone again.`,
              });
            },
            (error: unknown) =>
              showToast({ tone: 'danger', title: 'Could not undo', body: message(error) }),
          );
      },
    },
  });
}
