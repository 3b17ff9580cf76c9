// A folder for the whole jest run, for fixtures that every test file would otherwise build again in
// its own module registry (tests/tab/support/content.ts). Made before the workers start, so they
// inherit HSB_TEST_RUN_DIR; removed by run-folder-teardown.js when the run ends.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = () => {
  process.env.HSB_TEST_RUN_DIR = mkdtempSync(join(tmpdir(), 'hsb-jest-run-'));
};
