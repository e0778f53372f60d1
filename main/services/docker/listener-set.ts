import type { Disposer } from '../../contract';

/** A listener of values of type T. */
export type Listener<T> = (value: T) => void;

/** A set of listeners: `add` returns the disposer, `emit` calls each one. */
export function listeners<T>() {
  const set = new Set<Listener<T>>();
  return {
    add(listener: Listener<T>): Disposer {
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(value: T) {
      for (const l of set) l(value);
    },
  };
}
