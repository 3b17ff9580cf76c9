// Options shared by jest.config.js (npm test) and jest.browser.config.js (npm run test:browser).
// Tests are transpiled by SWC (fast on 2 cores); types are checked separately by `npm run typecheck`.
module.exports = {
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          target: 'es2022',
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'json'],
  // Sources import siblings as './x.js' (Node ESM-style specifiers); map them back to the .ts files.
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^strip-bom$': '<rootDir>/tests/stubs/strip-bom.js',
  },
};
