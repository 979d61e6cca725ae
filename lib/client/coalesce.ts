/**
 * Lookups that arrive while another lookup of their group is on the wire become one request for all their keys:
 * the native provider serves Terraform's concurrent creates in one process, and ten "is this VM already
 * replicated?" lookups are a few lists filtered on several names instead of ten lists. A lookup with nothing of
 * its group in flight goes out at once, so batching never adds latency to a lone lookup; and no lookup is answered
 * by a request that started before it was asked (each waits for a request of its own batch), so an answer is
 * never older than the question. Disabled, every lookup is its own request (the lifecycle CLI, one resource per
 * process, has nothing to merge).
 *
 * Calls no endpoint itself: `fetch` does.
 *
 * @internal
 */

export interface CoalesceOptions {
  /** Gather lookups that arrive while one of their group is in flight. */
  readonly enabled: boolean;
  /** At most this many keys per request (a query string has limits). @default 50 */
  readonly maxKeys?: number;
}

interface WaitingBatch<V> {
  readonly keys: string[];
  readonly result: Promise<readonly V[]>;
  send(): void;
}

/**
 * `lookup(group, key)`: everything `fetch(group, keys)` returns for the batch the key joined; the caller picks
 * what matches its key. Lookups of different groups (e.g. two pairings) never share a request.
 */
export function createCoalescer<V>(fetch: (group: string, keys: readonly string[]) => Promise<readonly V[]>, options: CoalesceOptions): (group: string, key: string) => Promise<readonly V[]> {
  const maxKeys = options.maxKeys ?? 50;
  const inFlight = new Map<string, number>();
  const waiting = new Map<string, WaitingBatch<V>>();

  const send = (group: string, keys: readonly string[]): Promise<readonly V[]> => {
    inFlight.set(group, (inFlight.get(group) ?? 0) + 1);
    const result = fetch(group, keys);
    const landed = () => {
      const left = (inFlight.get(group) ?? 1) - 1;
      if (left > 0) inFlight.set(group, left);
      else inFlight.delete(group);
      waiting.get(group)?.send();
    };
    result.then(landed, landed);
    return result;
  };

  const waitingBatch = (group: string): WaitingBatch<V> => {
    const keys: string[] = [];
    let release = (): void => undefined;
    const result = new Promise<readonly V[]>((resolve, reject) => {
      release = () => void send(group, keys).then(resolve, reject);
    });
    const batch: WaitingBatch<V> = {
      keys,
      result,
      send: () => {
        if (waiting.get(group) === batch) waiting.delete(group);
        release();
      },
    };
    waiting.set(group, batch);
    return batch;
  };

  return (group, key) => {
    if (!options.enabled || !inFlight.has(group)) return send(group, [key]);
    const current = waiting.get(group);
    if (current?.keys.includes(key)) return current.result;
    // A full batch goes out now rather than wait: at most one batch of a group waits at a time.
    if (current && current.keys.length >= maxKeys) current.send();
    const batch = current && current.keys.length < maxKeys ? current : waitingBatch(group);
    batch.keys.push(key);
    return batch.result;
  };
}
