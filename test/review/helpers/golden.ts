/**
 * Golden files: the exact output of a renderer, kept in test/review/golden and reviewed like code.
 * `UPDATE_GOLDEN=1 npx jest test/review -w 1` (re)writes them; without it a missing golden file fails,
 * so a renamed or forgotten one cannot pass by writing itself.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const GOLDEN_DIR = join(__dirname, '..', 'golden');

export interface GoldenOptions {
  readonly dir?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export function expectGolden(name: string, actual: string, options: GoldenOptions = {}): void {
  const file = join(options.dir ?? GOLDEN_DIR, name);
  if ((options.env ?? process.env).UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  else if (!existsSync(file)) throw new Error(`golden file ${name} is missing: write it with UPDATE_GOLDEN=1 npx jest test/review -w 1 and review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
