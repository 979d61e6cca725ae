const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

// Every temporary directory the tests make, and the processes they start (Terraform, the CLI, cdktf's Testing
// helpers), lands in one directory per run, which test/remove-test-tmpdir.js removes at the end: a run leaves
// nothing behind in the machine's temporary directory, whichever test forgets its own.
const machineTmp = tmpdir();
if (process.env.REPLIFORM_TEST_TMPDIR === undefined) {
  process.env.REPLIFORM_TEST_TMPDIR = mkdtempSync(join(machineTmp, 'test-run-'));
  process.env.TMPDIR = process.env.REPLIFORM_TEST_TMPDIR;
}

// Every child process a test starts through scripts/deploy-kit (Terraform, the CLI, an example app) is killed
// after this long with an error naming it: it hung. Workers inherit it from this process.
process.env.REPLIFORM_COMMAND_HANG_LIMIT_MS ??= '300000';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: { '^repliform$': '<rootDir>/src/index.ts' },
  // A hang detector, not a speed budget: the end-to-end and campaign tests run real Terraform many times, and a
  // loaded machine may take minutes where an idle one takes seconds. Each command they run has its own hang
  // limit (REPLIFORM_COMMAND_HANG_LIMIT_MS, below), whose error names the command; unit tests fake time.
  testTimeout: 600_000,
  maxWorkers: 2,
  // Outside the per-run directory above, so that the transform cache outlives the run.
  cacheDirectory: join(machineTmp, 'jest-repliform'),
  globalTeardown: '<rootDir>/test/remove-test-tmpdir.js',
};
