import { useCallback, useState } from 'react';
import type { ParamsIn } from '@contract';
import { getApi } from '../../api';

type Patch = ParamsIn<'settings.update'>;

const fieldNames: Record<string, string> = {
  dockerHost: 'The Docker host',
  demoImage: 'The demo image',
  fontSize: 'The text size',
  zoom: 'The zoom',
  theme: 'The theme',
};

/** Main's validation message in words: `params.dockerHost: must …` becomes `The Docker host must …`. */
export function readableRefusal(message: string): string {
  return message
    .replace(/^Invalid parameters for settings\.update: /, '')
    .replace(/params\.(\w+): /g, (_m, field: string) => `${fieldNames[field] ?? field} `);
}

/** Saves a settings change; keeps the refusal message (from main's validation) to show it. */
export function useSaveSetting() {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useCallback(async (patch: Patch): Promise<boolean> => {
    try {
      await getApi().call('settings.update', patch);
      setError(null);
      setSaved(true);
      setTimeout(() => setSaved(false), 1800);
      return true;
    } catch (err) {
      setError(readableRefusal(err instanceof Error ? err.message : String(err)));
      setSaved(false);
      return false;
    }
  }, []);
  return { save, error, saved, clearError: () => setError(null) };
}
