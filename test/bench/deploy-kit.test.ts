/**
 * The hang limit of every command the end-to-end and campaign tests run: a command that does not finish is
 * killed and reported by name, whatever the suite's own timeout.
 */
import { run } from '../../scripts/deploy-kit';

const saved = process.env.REPLIFORM_COMMAND_HANG_LIMIT_MS;
afterEach(() => {
  process.env.REPLIFORM_COMMAND_HANG_LIMIT_MS = saved;
});

test('a command past REPLIFORM_COMMAND_HANG_LIMIT_MS is killed and named, with its output so far', async () => {
  process.env.REPLIFORM_COMMAND_HANG_LIMIT_MS = '200';
  await expect(run('sh', ['-c', 'echo started; sleep 30'], { cwd: __dirname, env: process.env })).rejects.toThrow(
    /^sh -c echo started; sleep 30 did not finish in 0\.2 s: it hung \(output so far:\nstarted\n\)$/,
  );
});

test('without the variable a command runs to its end', async () => {
  delete process.env.REPLIFORM_COMMAND_HANG_LIMIT_MS;
  await expect(run('sh', ['-c', 'echo done'], { cwd: __dirname, env: process.env })).resolves.toEqual({ code: 0, stdout: 'done\n', stderr: '' });
});
