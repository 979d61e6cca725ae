/** Progress and log lines as Terraform shows them (non-TTY), with a fake clock. */
import { createLogger } from '../../src/runtime/logger';
import { createProgress } from '../../src/runtime/progress';

function fakeStream(isTTY = false) {
  const lines: string[] = [];
  const stream = { isTTY, write: (text: string) => lines.push(text.trimEnd()) } as unknown as NodeJS.WriteStream;
  return { stream, lines };
}

test('lines at start, at each 10 % step, every 15 s without a step, and at the end', () => {
  const { stream, lines } = fakeStream();
  let now = 0;
  const progress = createProgress({ stream, now: () => now });
  progress.start('configuring replication of web-01');
  now = 2000;
  progress.update(3, 'RUNNING');
  progress.update(5, 'RUNNING');
  now = 4000;
  progress.update(12, 'RUNNING');
  now = 10_000;
  progress.update(14, 'RUNNING');
  now = 20_000;
  progress.update(15, 'RUNNING');
  now = 21_000;
  progress.stop('done');
  expect(lines).toEqual([
    'repliform: configuring replication of web-01: started (0 s)',
    'repliform: configuring replication of web-01: 3% RUNNING (2 s)',
    'repliform: configuring replication of web-01: 12% RUNNING (4 s)',
    'repliform: configuring replication of web-01: 15% RUNNING (20 s)',
    'repliform: configuring replication of web-01: done (21 s)',
  ]);
});

test('quiet progress writes nothing', () => {
  const { stream, lines } = fakeStream();
  const progress = createProgress({ stream, quiet: true });
  progress.start('x');
  progress.update(50);
  progress.stop('done');
  expect(lines).toEqual([]);
});

test('request lines appear only at debug level, with status, duration and op id', () => {
  const lines: string[] = [];
  const entry = { method: 'POST', path: '/api/rest/vr/v2/session', status: 200, durationMs: 12.4, opId: 'op-1', attempt: 1 };
  createLogger('info', (l) => lines.push(l)).request(entry);
  expect(lines).toEqual([]);
  const debug = createLogger('debug', (l) => lines.push(l));
  debug.request(entry);
  debug.request({ ...entry, status: 0, attempt: 2, opId: undefined });
  debug.warn('careful');
  expect(lines).toEqual([
    'repliform debug: POST /api/rest/vr/v2/session 200 12ms op_id=op-1',
    'repliform debug: POST /api/rest/vr/v2/session no response 12ms attempt=2',
    'repliform warning: careful',
  ]);
});
