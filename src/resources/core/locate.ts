/**
 * Finding the live object of a resource, the same steps for every kind: by the id Terraform's state holds when it
 * has one (one request, whatever the size of the fleet), checked against the spec's natural key; by the natural key
 * when there is no id, when the id names nothing (deleted outside, perhaps made again under a new id) or when it
 * names another object. The answer is never older or looser than a lookup by key: only cheaper.
 *
 * Calls no endpoint itself: the kind's `byId` and `byKey` do.
 */
import type { Known } from '../contract';

/** How a kind finds its live object. */
export interface Locator<Live> {
  /** The object with this id; `undefined` when there is none. */
  byId(id: string): Promise<Live | undefined>;
  /** The object the spec's natural key names; `undefined` when there is none. */
  byKey(): Promise<Live | undefined>;
  /** Whether an object read by id is the one the spec's natural key names. */
  isKeyed(live: Live): boolean;
}

export async function locateLive<Live>(known: Known | undefined, locator: Locator<Live>): Promise<Live | undefined> {
  if (known?.id !== undefined && known.id !== '') {
    const byId = await locator.byId(known.id);
    if (byId !== undefined && locator.isKeyed(byId)) return byId;
  }
  return locator.byKey();
}
