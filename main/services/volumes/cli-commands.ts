import type { StorageItem } from '../../contract/volumes';

/** Quotes one argument for a POSIX shell, only when it needs quoting. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The docker CLI commands that would recreate, remove and inspect a volume. */
export function volumeCommands(item: Pick<StorageItem, 'name' | 'volume'>): {
  recreate: string;
  remove: string;
  inspect: string;
} {
  const parts = ['docker', 'volume', 'create'];
  const driver = item.volume?.driver ?? 'local';
  if (driver !== 'local') parts.push('--driver', shellQuote(driver));
  for (const [key, value] of Object.entries(item.volume?.labels ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    parts.push('--label', shellQuote(value === '' ? key : `${key}=${value}`));
  }
  for (const [key, value] of Object.entries(item.volume?.options ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    parts.push('--opt', shellQuote(`${key}=${value}`));
  }
  parts.push(shellQuote(item.name));
  return {
    recreate: parts.join(' '),
    remove: `docker volume rm ${shellQuote(item.name)}`,
    inspect: `docker volume inspect ${shellQuote(item.name)}`,
  };
}
