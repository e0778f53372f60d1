import type { HandlersFor } from '../../rpc/router';
import type { VolumesService } from '../../services/volumes/volumes-service';

/** Handlers for `volumes.*`. */
export function volumesHandlers(volumes: VolumesService): HandlersFor<'volumes'> {
  return {
    'volumes.snapshot': () => volumes.snapshot(),
    'volumes.lineage': ({ itemId, limit }) => volumes.lineage(itemId, limit),
    'volumes.events': ({ limit }) => volumes.events(limit),
    'volumes.sizes': () => volumes.sizes(),
    'volumes.inspect': ({ name }) => volumes.inspect(name),
    'volumes.commands': ({ name }) => volumes.commands(name),
    'volumes.listFiles': ({ name, path }) => volumes.listFiles(name, path),
    'volumes.readFile': ({ name, path }) => volumes.readFile(name, path),
    'volumes.remove': ({ name }) => volumes.remove(name),
    'volumes.prunePreview': ({ label }) => volumes.prunePreview(label),
    'volumes.prune': ({ names }) => volumes.prune(names),
  };
}
