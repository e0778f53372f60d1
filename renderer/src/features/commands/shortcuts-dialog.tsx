import { useSyncExternalStore } from 'react';
import { appMenu } from '@contract/app-menu';
import { formatAccelerator } from './accelerator';
import { commandsVersion, getCommand, listCommands, subscribeCommands } from './command-registry';
import { Dialog } from '../../ui/dialog';

/** Help > Keyboard Shortcuts: every registered command that has a key, grouped like the menu. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  useSyncExternalStore(subscribeCommands, commandsVersion);
  const inMenu = new Set<string>();
  const groups = appMenu
    .filter((s) => !s.nativeOnly)
    .map((section) => ({
      label: section.label,
      rows: section.entries.flatMap((entry) => {
        if (entry.kind !== 'command') return [];
        inMenu.add(entry.command);
        const command = getCommand(entry.command);
        const shortcut = command?.shortcut ?? entry.accelerator;
        return shortcut ? [{ id: entry.command, title: entry.label, shortcut, available: Boolean(command) }] : [];
      }),
    }));
  const others = listCommands()
    .filter((c) => c.shortcut && !inMenu.has(c.id))
    .map((c) => ({ id: c.id, title: c.title, shortcut: c.shortcut!, available: true }));
  if (others.length) groups.push({ label: 'More', rows: others });
  return (
    <Dialog title="Keyboard Shortcuts" onClose={onClose} className="shortcuts-dialog">
      <div className="shortcut-groups">
        {groups
          .filter((g) => g.rows.length)
          .map((group) => (
            <section key={group.label} aria-label={group.label}>
              <h3>{group.label}</h3>
              <table className="shortcut-table">
                <tbody>
                  {group.rows.map((row) => (
                    <tr key={row.id} className={row.available ? undefined : 'is-unavailable'}>
                      <td>{row.title}</td>
                      <td>
                        <kbd>{formatAccelerator(row.shortcut)}</kbd>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
      </div>
      <p className="small faint">F10 moves to the menu bar in web mode; Tab and the arrow keys move within panes.</p>
    </Dialog>
  );
}
