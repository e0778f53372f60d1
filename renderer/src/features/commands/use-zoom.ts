import { useEffect } from 'react';
import { useQuery } from '../../api';

/** Applies the zoom factor from settings to the whole UI (View > Zoom In / Out / Actual Size). */
export function useZoomFromSettings(): void {
  const settings = useQuery('settings.get', {}, { invalidateOn: ['settings.changed'] });
  const zoom = settings.data?.zoom ?? 1;
  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty('--zoom', String(zoom));
    root.style.zoom = zoom === 1 ? '' : String(zoom);
  }, [zoom]);
}
