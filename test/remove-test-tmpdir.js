// jest's globalTeardown: removes the run's temporary directory (jest.config.js).
const { rmSync } = require('node:fs');

module.exports = async () => {
  const dir = process.env.REPLIFORM_TEST_TMPDIR;
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
};
