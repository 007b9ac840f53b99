// Lint rules, including the layer boundaries of the design (domain imports nothing of the others).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NOT_THE_SANDBOX = {
  group: ['**/sandbox/**'],
  message: 'Product code never imports the sandbox (DESIGN.md §3): only sandbox mode, scripts and tests do.',
};

const layer = (name, forbidden) => ({
  files: [`src/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: forbidden, message: `src/${name} must not depend on this layer (see DESIGN.md §3).` },
          NOT_THE_SANDBOX,
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'data/',
      'test-output/',
      'extensions/**/node_modules/',
      // LWC: plain JavaScript with decorators, tested by sfdx-lwc-jest inside the SFDX project (its generator is linted).
      'extensions/salesforce/force-app/',
      'extensions/salesforce/jest-mocks/',
      'extensions/salesforce/jest.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  // The sandbox is a test double, not the product: nothing under src/ imports it (sandbox mode, scripts and tests do).
  {
    files: ['src/**/*.ts'],
    ignores: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [NOT_THE_SANDBOX],
        },
      ],
    },
  },
  // The domain is pure: no other layer, no node I/O, no config.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '**/worker/**', '**/web/**', '**/crm/**', '**/sandbox/**', '**/config*'],
              message: 'src/domain is pure: it imports no other layer (DESIGN.md §3).',
            },
            {
              group: ['node:*', 'pg', 'pg-boss', 'express', 'pino', 'kysely', '@electric-sql/*'],
              message: 'src/domain does no I/O.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch', 'setTimeout', 'setInterval'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The domain never reads the clock: time is passed in.' },
        { object: 'Math', property: 'random', message: 'The domain is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain never reads the clock: time is passed in.',
        },
      ],
    },
  },
  layer('store', ['**/worker/**', '**/web/**', '**/crm/**', '**/sandbox/**']),
  layer('crm', ['**/store/**', '**/worker/**', '**/web/**', '**/sandbox/**']),
  layer('worker', ['**/web/**', '**/sandbox/**', '**/crm/hubspot/**', '**/crm/salesforce/**']),
  layer('app', ['**/web/**', '**/worker/**', '**/sandbox/**']),
  // The simulated CRMs talk to Baton only over HTTP, like HubSpot and Salesforce: none of Baton's running parts.
  {
    files: ['sandbox/**/*.ts'],
    ignores: ['sandbox/mode/**', 'sandbox/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/store/**',
                '**/src/worker/**',
                '**/src/web/**',
                '**/src/services/**',
                '**/src/app/**',
              ],
              message: 'The simulated CRMs reach Baton only over HTTP, as the real ones do.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts', 'src/main.ts', 'src/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  // Product code stays small enough to read in one sitting (blank lines and comments not counted).
  {
    files: ['src/**/*.ts', 'extensions/*/generator/**/*.ts', 'extensions/hubspot/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/domain/testing/**'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  // HubSpot UI extensions run in a sandboxed worker: no DOM, no window.fetch (hubspot.fetch), no Node.
  {
    files: ['extensions/hubspot/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Cards call Baton with hubspot.fetch (see @baton/card-api).' },
        { name: 'window', message: 'UI extensions run in a worker without window.' },
        { name: 'document', message: 'UI extensions run in a worker without a DOM.' },
        { name: 'process', message: 'UI extensions do not run on Node.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
