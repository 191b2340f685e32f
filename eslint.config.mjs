import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * Only src/store talks to MongoDB (docs: the developers' guide). Every block that sets
 * no-restricted-imports repeats these, since a later block's setting replaces an earlier one's.
 */
const storeDoor = 'Only src/store talks to MongoDB: add a repository function in src/store instead.';
const STORE_ONLY_PATHS = [
  { name: 'mongoose', message: storeDoor },
  { name: 'mongodb', message: storeDoor },
];
const STORE_ONLY_PATTERNS = [
  { group: ['**/store/models', '**/store/models/*', '**/store/models*'], message: storeDoor },
];
/** The files allowed to open that door: the store itself, and the tests' one helper for stored rows. */
const STORE_FILES = ['src/store/**/*.ts', 'test/helpers/store.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.cache/**', '*.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    ignores: STORE_FILES,
    rules: { 'no-restricted-imports': ['error', { paths: STORE_ONLY_PATHS, patterns: STORE_ONLY_PATTERNS }] },
  },
  {
    // The domain core does no I/O: keep store, queue and platform libraries out of it.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...STORE_ONLY_PATHS, 'bullmq', 'ioredis', 'grammy', 'zca-js', 'node:fs', 'fs'],
          patterns: [...STORE_ONLY_PATTERNS, { group: ['../store/*', '../bot/*', '../channels/*'] }],
        },
      ],
    },
  },
  {
    // The bot core is platform-neutral: only adapters may talk to grammY or zca-js.
    files: ['src/bot/**/*.ts', 'src/scheduler/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...STORE_ONLY_PATHS, 'grammy', 'zca-js'], patterns: STORE_ONLY_PATTERNS },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['grammy', 'zca-js'] }] },
  },
);
