/**
 * Progress of long waits: a bar on a TTY (cli-progress), otherwise a line at each 10 % step or every
 * 15 s, which is what Terraform shows of a local-exec provisioner.
 */
import type { ProgressReporter } from '../resources/contract';

const LINE_INTERVAL_MS = 15_000;

interface ProgressOptions {
  readonly stream: NodeJS.WriteStream;
  readonly now?: () => number;
  readonly quiet?: boolean;
}

export function createProgress(options: ProgressOptions): ProgressReporter {
  if (options.quiet) return { start: () => undefined, update: () => undefined, stop: () => undefined };
  return options.stream.isTTY ? barProgress(options.stream) : lineProgress(options.stream, options.now ?? Date.now);
}

function lineProgress(stream: NodeJS.WritableStream, now: () => number): ProgressReporter {
  let label = '';
  let startedAt = 0;
  let lastLineAt = 0;
  let lastStep = -1;
  const seconds = () => Math.round((now() - startedAt) / 1000);
  const write = (text: string) => stream.write(`repliform: ${label}: ${text} (${seconds()} s)\n`);
  return {
    start(newLabel) {
      label = newLabel;
      startedAt = lastLineAt = now();
      lastStep = -1;
      write('started');
    },
    update(percent, detail) {
      const step = percent === undefined ? lastStep : Math.floor(percent / 10);
      if (step === lastStep && now() - lastLineAt < LINE_INTERVAL_MS) return;
      lastStep = step;
      lastLineAt = now();
      write(describeProgress(percent, detail));
    },
    stop(outcome) {
      write(outcome);
    },
  };
}

/** "40% RUNNING"; the detail may already carry the percentage ("RUNNING 40%"), then it is not repeated. */
function describeProgress(percent: number | undefined, detail: string | undefined): string {
  const percentText = percent === undefined ? undefined : `${Math.round(percent)}%`;
  if (detail && percentText && detail.includes(percentText)) return detail;
  return [percentText, detail].filter(Boolean).join(' ') || 'waiting';
}

function barProgress(stream: NodeJS.WriteStream): ProgressReporter {
  // Loaded only on a TTY: non-interactive runs (Terraform) never pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SingleBar } = require('cli-progress') as typeof import('cli-progress');
  let bar: InstanceType<typeof SingleBar> | undefined;
  let label = '';
  return {
    start(newLabel) {
      label = newLabel;
      bar = new SingleBar({ stream, format: `${label} [{bar}] {percentage}% {detail}`, hideCursor: true, clearOnComplete: false });
      bar.start(100, 0, { detail: '' });
    },
    update(percent, detail) {
      bar?.update(percent ?? 0, { detail: detail ?? '' });
    },
    stop(outcome) {
      bar?.update(outcome === 'done' ? 100 : (bar.getProgress() * 100), { detail: outcome });
      bar?.stop();
      bar = undefined;
    },
  };
}
