/**
 * The one rule for a write whose answer may be lost: never resend blindly. A send lost in transit
 * (`lostInTransit`: no answer, or a 5xx) is followed by a re-read — it landed (take what it made or removed) or it
 * did not (send it again), at most {@link WRITE_SENDS} sends. Each kind gives the adapter: its request, its re-read,
 * and the vendor answers that decide by themselves (a refusal, "already done" on a resend).
 *
 * Calls no endpoint (the adapter's functions do).
 */
import { lostInTransit, type ApiError } from '../../../lib/client/http/errors';

/** How many times a write is sent when each send is lost in transit and a re-read shows it did not land. */
export const WRITE_SENDS = 3;

/** What a write came to: the server's answer, or what a re-read found after the answer was lost. */
export type WriteOutcome<Answer, Found> =
  | { readonly kind: 'answered'; readonly answer: Answer }
  | { readonly kind: 'landed'; readonly found: Found };

/** One kind's write, as the rule needs it. */
export interface WriteAdapter<Answer, Found> {
  /** Sends the write once. */
  send(): Promise<Answer>;
  /** The re-read after a lost send: what shows that the write landed, or `undefined` when it did not. May throw. */
  reread(error: ApiError): Promise<Found | undefined>;
  /** A failed send the vendor's answer decides by itself (`undefined`: the transit rule decides). May throw. */
  decide?(error: unknown, send: number): Promise<WriteOutcome<Answer, Found> | undefined>;
  /** Before the re-read of a lost send: a pause for the lost write's task to show (and its log line). */
  beforeReread?(error: ApiError, send: number): Promise<void>;
  /** The re-read found nothing: told before the write is sent again (its log line). */
  resending?(error: ApiError, send: number): void;
}

/** Sends a write by the rule above: the answer, or what a re-read found; the last loss is thrown. */
export async function sendUntilLanded<Answer, Found>(adapter: WriteAdapter<Answer, Found>): Promise<WriteOutcome<Answer, Found>> {
  for (let send = 1; ; send++) {
    try {
      return { kind: 'answered', answer: await adapter.send() };
    } catch (error) {
      const decided = await adapter.decide?.(error, send);
      if (decided !== undefined) return decided;
      if (!lostInTransit(error)) throw error;
      await adapter.beforeReread?.(error, send);
      const found = await adapter.reread(error);
      if (found !== undefined) return { kind: 'landed', found };
      if (send >= WRITE_SENDS) throw error;
      adapter.resending?.(error, send);
    }
  }
}
