import type { EventStore, ReadStreamOptions } from '../event-store.port';

/**
 * The store as it is, but counting every event `readStream` hands back for streams whose id
 * starts with `prefix`: what a reader costs (snapshot tests: a command, an email).
 */
export function countingReads(
  store: EventStore,
  prefix: string,
): { store: EventStore; read: { events: number } } {
  const read = { events: 0 };
  const counting = new Proxy(store, {
    get: (target, key) => {
      if (key === 'readStream')
        return async (stream: string, options?: ReadStreamOptions) => {
          const found = await target.readStream(stream, options);
          if (stream.startsWith(prefix)) read.events += found.length;
          return found;
        };
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: counting, read };
}
