import { AppShell } from './features/shell/app-shell';

/** The root component. */
export function App() {
  return <AppShell />;
}
