// One lint config for the whole repo; each package runs `eslint .` against it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/.next/**', '**/dist/**', '**/generated/**', '**/.data/**', '**/next-env.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // Only src/env.ts reads the environment in the apps; everything else gets a frozen config.
    files: ['apps/*/src/**/*.ts', 'apps/*/src/**/*.tsx'],
    ignores: ['apps/*/src/env.ts', 'apps/*/src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from src/env.ts.' }],
    },
  },
  {
    // apps/portal: Next.js (React 19, JSX); its client components run in the browser. So do packages/ui's.
    files: ['apps/portal/**/*.ts', 'apps/portal/**/*.tsx', 'packages/ui/**/*.ts', 'packages/ui/**/*.tsx'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  },
);
