const shared = require('./jest.shared.js');

/** @type {import('jest').Config} */
module.exports = {
  ...shared,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // tests/live runs against a real tenant, only through npm run test:sharepoint-live (jest.live.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/browser/', '<rootDir>/tests/live/'],
  testTimeout: 30_000,
  setupFiles: ['<rootDir>/tests/setup/sqlite-error.js', '<rootDir>/tests/setup/jsdom-selector-cache.js'],
  globalSetup: '<rootDir>/tests/setup/run-folder.js',
  globalTeardown: '<rootDir>/tests/setup/run-folder-teardown.js',
};
