import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import featureBorders from './eslint/feature-borders.js';

/** Walls between features: `npx eslint web` (a test in `npm test` runs the same check). */
export default [
  { ignores: ['dist/**', 'src/gql/**'] },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.ts'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { web: { rules: { 'feature-borders': featureBorders } } },
    rules: { 'web/feature-borders': ['error', { featuresDir: path.join(import.meta.dirname, 'src/features') }] },
  },
];
