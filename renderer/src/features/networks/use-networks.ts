import { useQuery } from '../../api';

/** The live network snapshot; `networks.changed` invalidates it, the query is the truth. */
export function useNetworks() {
  return useQuery('networks.snapshot', {}, { invalidateOn: ['networks.changed'] });
}
