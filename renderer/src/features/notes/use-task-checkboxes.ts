import { useCallback, useEffect, useRef } from 'react';
import { getApi } from '../../api';
import { showToast } from '../../ui/toasts';

/** Enables the task boxes of the note's own lines (not of embedded notes) for ticking. */
export function enableTaskCheckboxes(body: HTMLElement): void {
  body.querySelectorAll<HTMLInputElement>('li.task-list-item[data-line] > input.task-list-item-checkbox, li.task-list-item[data-line] > p > input.task-list-item-checkbox').forEach((box) => {
    if (box.closest('.embed-note')) return;
    box.disabled = false;
    box.removeAttribute('disabled');
    box.title = 'Tick to mark done (saved to the note)';
  });
}

/**
 * Ticking a task box writes that one `[ ]`/`[x]` into the student's file (refused when the file
 * changed on disk since it was shown), with Undo in a toast. Returns a click handler for the body.
 */
export function useTaskCheckboxes(path: string, mtimeMs: number): (event: React.MouseEvent) => boolean {
  const mtime = useRef(mtimeMs);
  useEffect(() => {
    mtime.current = mtimeMs;
  }, [mtimeMs]);

  const write = useCallback(
    async (line: number, done: boolean, box: HTMLInputElement | null, offerUndo: boolean) => {
      try {
        const result = await getApi().call('vault.setTask', { path, line, done, mtimeMs: mtime.current });
        mtime.current = result.mtimeMs;
        const label = box?.closest('li')?.textContent?.trim().slice(0, 60) ?? `line ${line}`;
        showToast({
          tone: 'ok',
          title: done ? 'Task done' : 'Task not done',
          body: `“${label}” saved to the note.`,
          key: 'task-toggle',
          ...(offerUndo ? { action: { label: 'Undo', run: () => void write(line, !done, null, false) } } : {}),
        });
      } catch (error) {
        if (box) box.checked = !done;
        showToast({ tone: 'warn', title: 'The task was not saved', body: error instanceof Error ? error.message : String(error), key: 'task-toggle' }, 10000);
      }
    },
    [path],
  );

  return useCallback(
    (event: React.MouseEvent) => {
      const box = (event.target as HTMLElement).closest<HTMLInputElement>('input.task-list-item-checkbox');
      const line = Number(box?.closest<HTMLElement>('li[data-line]')?.dataset.line);
      if (!box || box.disabled || !line) return false;
      void write(line, box.checked, box, true);
      return true;
    },
    [write],
  );
}
