/**
 * A provider process as Terraform starts it: the first line it prints on stdout (the handshake, or what it says
 * instead), or everything it printed when it ends before a whole line.
 */
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export function firstStdoutLine(child: ChildProcessByStdio<null, Readable, Readable>): Promise<string> {
  return new Promise<string>((resolve) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]);
    });
    child.on('close', () => resolve(stdout));
  });
}
