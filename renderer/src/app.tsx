import { NotesCenter } from './features/notes/notes-center';
import { VaultMenu } from './features/notes/vault-menu';
import { AppShell } from './features/shell/app-shell';

/** The root component. */
export function App() {
  return <AppShell center={<NotesCenter />} headerExtras={<VaultMenu />} />;
}
