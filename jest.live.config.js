// Opt-in tests against a real Microsoft 365 tenant (see README, "SharePoint"). Never part of `npm test`.
const shared = require('./jest.shared.js');

/** @type {import('jest').Config} */
module.exports = {
  ...shared,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/live/**/*.test.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
};
