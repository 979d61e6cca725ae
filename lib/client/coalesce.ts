/**
 * Lookups that arrive within a short window of each other become one request for all their keys: the native
 * provider serves Terraform's concurrent creates in one process, and ten "is this VM already replicated?"
 * lookups are one list filtered on ten names instead of ten lists. With a window of 0 every lookup is its own
 * request (the lifecycle CLI, one resource per process, has nothing to merge).
 *
 * Calls no endpoint itself: `fetch` does.
 *
 * @internal
 */

export interface CoalesceOptions {
  /** How long the first lookup of a batch waits for others, in milliseconds; 0 = no batching. */
  readonly windowMs: number;
  /** At most this many keys per request (a query string has limits). @default 50 */
  readonly maxKeys?: number;
  /** @default setTimeout */
  readonly schedule?: (run: () => void, ms: number) => void;
}

interface Batch<V> {
  readonly keys: string[];
  readonly result: Promise<readonly V[]>;
}

/**
 * `lookup(group, key)`: everything `fetch(group, keys)` returns for the batch the key joined; the caller picks
 * what matches its key. Lookups of different groups (e.g. two pairings) never share a request.
 */
export function createCoalescer<V>(fetch: (group: string, keys: readonly string[]) => Promise<readonly V[]>, options: CoalesceOptions): (group: string, key: string) => Promise<readonly V[]> {
  const maxKeys = options.maxKeys ?? 50;
  const schedule = options.schedule ?? ((run, ms) => void setTimeout(run, ms));
  const open = new Map<string, Batch<V>>();
  return (group, key) => {
    if (options.windowMs <= 0) return fetch(group, [key]);
    const current = open.get(group);
    if (current && current.keys.length < maxKeys) {
      if (!current.keys.includes(key)) current.keys.push(key);
      return current.result;
    }
    const keys = [key];
    const result = new Promise<readonly V[]>((resolve, reject) => {
      schedule(() => {
        if (open.get(group)?.keys === keys) open.delete(group);
        fetch(group, keys).then(resolve, reject);
      }, options.windowMs);
    });
    open.set(group, { keys, result });
    return result;
  };
}
