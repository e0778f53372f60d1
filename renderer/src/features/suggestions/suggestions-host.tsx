import { useOpenNote } from '../../ui/open-note';
import { NoteSuggestions } from './note-suggestions';
import './suggestions.css';

/**
 * Shows Berth's demo suggestions and claim flags beside whichever note the reader has open
 * (found by the `.note-body[data-note-path]` convention). Mounted once by the shell.
 */
export function SuggestionsHost() {
  const open = useOpenNote();
  return open ? (
    <NoteSuggestions key={open.notePath} notePath={open.notePath} body={open.body} />
  ) : null;
}
