/**
 * One long wait shown as progress: start a bar (or lines) labelled with what is waited for, feed it every poll,
 * and close it with the outcome. Every vendor's task waits go through it.
 *
 * Calls no endpoint itself: `wait` does.
 */
import type { WaitProgress } from '../../lib/client/wait';
import type { Context } from './contract';

export async function withProgress<T>(ctx: Context, label: string, wait: (onProgress: (progress: WaitProgress) => void) => Promise<T>): Promise<T> {
  ctx.progress.start(label);
  try {
    const result = await wait((p) => ctx.progress.update(p.progress, p.detail));
    ctx.progress.stop('done');
    return result;
  } catch (error) {
    ctx.progress.stop('failed');
    throw error;
  }
}
