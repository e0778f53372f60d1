import type { EngineChoice, EngineList } from '@contract';
import { useQuery, type QueryState } from './hooks';

/** The engines Berth can use and the current one; re-queried when the engine or the settings change. */
export function useEngines(): QueryState<EngineList> {
  return useQuery('engines.list', {}, { invalidateOn: ['engines.changed', 'settings.changed'] });
}

/** The choice in use now, if the list is loaded. */
export function currentEngine(list: EngineList | undefined): EngineChoice | undefined {
  return list?.choices.find((c) => c.id === list.currentId);
}

/** A short word for where a choice comes from, as the switcher groups them. */
export function engineGroupLabel(kind: EngineChoice['kind']): string {
  return kind === 'context' ? 'Docker contexts' : kind === 'saved' ? 'Saved in Berth' : 'From the environment';
}
