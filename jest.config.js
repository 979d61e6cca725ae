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
};
