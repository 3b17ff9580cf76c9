// ESLint flat config. The import rules below are the architecture (DESIGN §1): core/ is platform-free,
// and the browser apps reach data only through the server's API, never through storage/.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const platformSdks = [
  {
    group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
    message: 'core/ must not import the Bot Framework SDK.',
  },
  { group: ['restify', 'restify/*'], message: 'core/ must not import the HTTP server.' },
  { group: ['@microsoft/teams-js'], message: 'core/ must not import teams-js.' },
  { group: ['@microsoft/office-js', 'office-js'], message: 'core/ must not import office-js.' },
  {
    group: ['@microsoft/microsoft-graph-client', '@microsoft/microsoft-graph-client/*', '@azure/*'],
    message: 'core/ must not import Microsoft Graph or Azure SDKs.',
  },
  { group: ['better-sqlite3'], message: 'core/ must not import SQLite.' },
  {
    group: ['node:*', 'fs', 'path', 'http', 'https', 'crypto', 'os', 'child_process'],
    message: 'core/ runs in browsers too: no Node built-ins.',
  },
  { group: ['react', 'react-dom', '@fluentui/*'], message: 'core/ must not import UI libraries.' },
  {
    group: ['**/bot/**', '**/storage/**', '**/tab/**', '**/word-addin/**'],
    message: 'core/ imports nothing outside core/.',
  },
];

const noStorage = [
  {
    group: ['**/storage', '**/storage/**', 'better-sqlite3', '@microsoft/microsoft-graph-client'],
    message: 'Browser apps reach data only through the server API (DESIGN §1).',
  },
  { group: ['**/bot/**'], message: 'Browser apps do not import server code.' },
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'build/', 'coverage/', '.data/', 'tests/.tmp/', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: platformSdks }] },
  },
  {
    files: ['tab/**/*.{ts,tsx}', 'word-addin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: noStorage }] },
  },
  {
    files: [
      'tests/**/*.{ts,tsx}',
      'bench/**/*.ts',
      'scripts/**/*.{mjs,js,ts}',
      '*.config.{js,mjs,mts}',
      '**/vite.config.mts',
    ],
    // Tests read untyped JSON responses and assert on them; `any` there is the honest type.
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
