// Removes the run's folder made by run-folder.js.
const { rmSync } = require('node:fs');

module.exports = () => {
  const dir = process.env.HSB_TEST_RUN_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
