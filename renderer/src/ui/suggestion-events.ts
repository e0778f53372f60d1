/**
 * The DOM convention between the demos feature (which draws suggested demo cards) and the
 * suggestions feature (which places them beside the note and acts on them): a suggested card's
 * buttons dispatch this bubbling event from the card's placeholder element.
 */
export const SUGGESTION_ACTION_EVENT = 'berth-suggestion-action';

/** What the user asked for on a suggested demo card. */
export interface SuggestionActionDetail {
  action: 'add' | 'dismiss';
  demoId: string;
}

/** Dispatches a suggestion action from `element` (a `.berth-demo-card[data-suggested]` or inside one). */
export function dispatchSuggestionAction(element: Element, detail: SuggestionActionDetail): void {
  element.dispatchEvent(
    new CustomEvent<SuggestionActionDetail>(SUGGESTION_ACTION_EVENT, { bubbles: true, detail }),
  );
}
