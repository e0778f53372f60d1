import { useEffect } from 'react';
import { useQuery } from '../../api';

/** Applies the theme and font size from settings to the document. */
export function useThemeFromSettings(): void {
  const settings = useQuery('settings.get', {}, { invalidateOn: ['settings.changed'] });
  const theme = settings.data?.theme;
  const fontSize = settings.data?.fontSize;
  useEffect(() => {
    const root = document.documentElement;
    if (!theme || theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    if (fontSize) document.documentElement.style.setProperty('--font-size', `${fontSize}px`);
  }, [fontSize]);
}
