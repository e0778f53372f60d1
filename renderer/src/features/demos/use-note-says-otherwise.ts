import { useQuery } from '../../api';
import { useOpenNote } from '../../ui/open-note';

/**
 * When the open note states something this demo shows to be wrong (a claim-check flag for this
 * demo), the sentence and the correction in words, so a passed run never reads as agreement.
 */
export function useNoteSaysOtherwise(demoId: string): string | undefined {
  const note = useOpenNote();
  const flags = useQuery('suggestions.forNote', note ? { path: note.notePath } : null, { invalidateOn: ['vault.changed', 'suggestions.changed'] });
  const flag = note ? flags.data?.flags.find((f) => f.demo === demoId) : undefined;
  return flag ? `Line ${flag.line} says “${flag.text.length > 160 ? `${flag.text.slice(0, 159)}…` : flag.text}”, but ${lowerFirst(flag.correction)}` : undefined;
}

function lowerFirst(text: string): string {
  return text ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
