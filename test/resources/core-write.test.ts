/**
 * The write rule of the reconcile core: a send lost in transit is re-read before it is sent again (at most three
 * sends). The adapter is a fake server — a set of names whose answers can be lost after the write landed, or
 * before it reached the server — so the test sees exactly which writes reached it.
 */
import { ApiConnectionError, ApiError, lostInTransit } from '../../lib/client/http/errors';
import { sendUntilLanded, WRITE_SENDS, type WriteAdapter } from '../../src/resources/core/write';

/** What happens to one send: answered, lost before it reaches the server, or lost after it landed. */
type Fate = 'answer' | 'lost-before' | 'lost-after' | 'refused';

const reset = () => new ApiConnectionError({ method: 'POST', url: 'https://sim/things', code: 'ECONNRESET' });
const serverError = () => new ApiError({ status: 502, method: 'POST', url: 'https://sim/things' });

/** A server holding named things; each send's fate is scripted in order. */
function fakeServer(fates: Fate[]) {
  const things = new Set<string>();
  const log: string[] = [];
  let sends = 0;
  const adapter: WriteAdapter<string, string> = {
    async send() {
      sends++;
      const fate = fates.shift() ?? 'answer';
      if (fate === 'refused') throw new ApiError({ status: 409, method: 'POST', url: 'https://sim/things' });
      if (fate === 'lost-before') throw sends % 2 === 0 ? serverError() : reset();
      things.add('web-01');
      if (fate === 'lost-after') throw reset();
      return 'task-1';
    },
    async reread() {
      log.push('reread');
      return things.has('web-01') ? 'web-01' : undefined;
    },
    resending(error, send) {
      log.push(`resend after send ${send} (${error.status})`);
    },
  };
  return { things, log, adapter, sends: () => sends };
}

test('an answered write is taken as answered, with no re-read', async () => {
  const server = fakeServer(['answer']);
  expect(await sendUntilLanded(server.adapter)).toEqual({ kind: 'answered', answer: 'task-1' });
  expect(server.log).toEqual([]);
});

test('a write that landed while its answer was lost is found by the re-read and not sent again', async () => {
  const server = fakeServer(['lost-after']);
  expect(await sendUntilLanded(server.adapter)).toEqual({ kind: 'landed', found: 'web-01' });
  expect(server.sends()).toBe(1);
  expect(server.log).toEqual(['reread']);
});

test('a write lost before it reached the server is sent again after a re-read finds nothing', async () => {
  const server = fakeServer(['lost-before', 'lost-before', 'answer']);
  expect(await sendUntilLanded(server.adapter)).toEqual({ kind: 'answered', answer: 'task-1' });
  expect(server.sends()).toBe(3);
  expect(server.log).toEqual(['reread', 'resend after send 1 (0)', 'reread', 'resend after send 2 (502)']);
  expect([...server.things]).toEqual(['web-01']);
});

test('the third send that landed is still taken: every lost send is re-read', async () => {
  const server = fakeServer(['lost-before', 'lost-before', 'lost-after']);
  expect(await sendUntilLanded(server.adapter)).toEqual({ kind: 'landed', found: 'web-01' });
  expect(server.sends()).toBe(WRITE_SENDS);
});

test('after three sends lost before the server, the last loss is thrown and nothing was made', async () => {
  const server = fakeServer(['lost-before', 'lost-before', 'lost-before', 'answer']);
  await expect(sendUntilLanded(server.adapter)).rejects.toThrow(/ECONNRESET/);
  expect(server.sends()).toBe(3);
  expect(server.things.size).toBe(0);
});

test('an answer that is not a loss (409) is thrown at once: no re-read, no resend', async () => {
  const server = fakeServer(['refused']);
  await expect(sendUntilLanded(server.adapter)).rejects.toThrow(/409/);
  expect(server.log).toEqual([]);
  expect(server.sends()).toBe(1);
});

test("the vendor's decision on an answer comes before the transit rule", async () => {
  const server = fakeServer(['lost-before', 'refused']);
  const decided = await sendUntilLanded({
    ...server.adapter,
    decide: async (error, send) => (send > 1 && error instanceof ApiError && error.status === 409 ? { kind: 'landed', found: 'already there' } : undefined),
  });
  expect(decided).toEqual({ kind: 'landed', found: 'already there' });
  expect(server.log).toEqual(['reread', 'resend after send 1 (0)']);
});

test('the pause before a re-read runs after each loss, before its re-read', async () => {
  const server = fakeServer(['lost-before', 'lost-after']);
  const result = await sendUntilLanded({ ...server.adapter, beforeReread: async (_error, send) => void server.log.push(`pause after send ${send}`) });
  expect(result).toEqual({ kind: 'landed', found: 'web-01' });
  expect(server.log).toEqual(['pause after send 1', 'reread', 'resend after send 1 (0)', 'pause after send 2', 'reread']);
});

test('lost in transit: no answer or a 5xx — not a 4xx, not a 429, not an error outside the ApiError family', () => {
  expect(lostInTransit(reset())).toBe(true);
  expect(lostInTransit(serverError())).toBe(true);
  expect(lostInTransit(new ApiError({ status: 500, method: 'DELETE', url: 'https://sim/things/1' }))).toBe(true);
  expect(lostInTransit(new ApiError({ status: 429, method: 'POST', url: 'https://sim/things' }))).toBe(false);
  expect(lostInTransit(new ApiError({ status: 404, method: 'DELETE', url: 'https://sim/things/1' }))).toBe(false);
  expect(lostInTransit(new Error('socket hang up'))).toBe(false);
});
