import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

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
    // The domain core does no I/O: keep store, queue and platform libraries out of it.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['mongoose', 'bullmq', 'ioredis', 'grammy', 'zca-js', 'node:fs', 'fs'], patterns: ['../store/*', '../bot/*', '../channels/*'] },
      ],
    },
  },
  {
    // The bot core is platform-neutral: only adapters may talk to grammY or zca-js.
    files: ['src/bot/**/*.ts', 'src/store/**/*.ts', 'src/scheduler/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['grammy', 'zca-js'] }] },
  },
);
