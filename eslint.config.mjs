// ESLint flat config. Type-aware rules catch the async mistakes that matter in a job system
// (a floating promise in a processor silently loses work).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The library graph. Pure libraries are plain TypeScript over plain data (no framework, database, queue or UI), the
// runtime lib has no Nest, and no library imports an app. test/architecture/boundaries.spec.ts
// lints a violating snippet in each place to prove these fire.
const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'bullmq/*', 'ioredis', 'ioredis/*', 'mysql2', 'mysql2/*', 'react', 'react/*', 'react-dom', 'react-dom/*'];
const NEST = ['@nestjs/*'];
const APPS = { regex: '^(@thermocline/(api|worker|web)(/|$)|(\\.\\./)+apps/)', message: 'A library never imports an app: move what both need into a library.' };
const boundary = (dirs, forbidden, why) => ({
  files: dirs.map((d) => `${d}/**/*.{ts,tsx}`),
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: [APPS, ...(forbidden.length ? [{ group: forbidden, message: why }] : [])] }],
  },
});

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'apps/web/src/api/schema.d.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.check.json', './apps/web/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Later entries replace the rule for their files, so each repeats the app restriction.
  boundary(['libs'], [], ''),
  boundary(['libs/extraction', 'libs/analytics', 'libs/contracts'], FRAMEWORKS, 'A pure library has no framework, database, queue or UI: plain functions over plain data.'),
  boundary(['libs/runtime'], NEST, 'libs/runtime is framework-free: the Nest providers that wrap it belong in libs/server.'),
  {
    // The two classic hook rules only (not the React Compiler rules of the plugin's presets): hooks
    // called unconditionally, and effects/memos that list what they read.
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
