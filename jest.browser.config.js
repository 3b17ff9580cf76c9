// Browser tests: headless Debian Chromium driven by playwright-core (see README, "Browser tests").
const shared = require('./jest.shared.js');

/** @type {import('jest').Config} */
module.exports = {
  ...shared,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
