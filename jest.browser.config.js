// Browser tests: headless Debian Chromium driven by playwright-core (see README, "Browser tests").
// Every browser test runs on SQLite; the plan and case journeys run again on SharePoint through the
// local Graph fake (the `sharepoint` project sets HSB_TEST_BACKEND for tests/browser/helpers).
const shared = require('./jest.shared.js');

const browser = {
  ...shared,
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  setupFiles: ['<rootDir>/tests/setup/sqlite-error.js'],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120_000,
  maxWorkers: 1,
  projects: [
    { ...browser, displayName: 'sqlite', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'] },
    {
      ...browser,
      displayName: 'sharepoint',
      testMatch: [
        '<rootDir>/tests/browser/tab-assessment.test.ts',
        '<rootDir>/tests/browser/tab-case.test.ts',
      ],
      setupFiles: [...browser.setupFiles, '<rootDir>/tests/browser/helpers/sharepoint-backend.ts'],
    },
  ],
};
