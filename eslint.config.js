import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Server folders that are features (one folder each); platform/, db/ and cli/ are not. */
const FEATURES = [
  'accounts',
  'attachments',
  'audit',
  'calendar',
  'documents',
  'dossiers',
  'health',
  'jobs',
  'legacy',
  'petitions',
  'portal',
  'procedures',
  'render',
  'reports',
  'tasks',
  'units',
  'web',
  'demo',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs'] })],
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // No import cycles between modules (type-only imports are erased and cannot form a runtime cycle).
      'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }],
      // A file past ~400 lines is asking to be split (STYLE.md).
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      // Boundaries: shared/ is pure and imports nothing of the server or the browser; platform/ depends on no
      // feature; a feature's routes are registered by app.ts only, never imported by another feature.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/shared',
              from: ['./src/server', './src/web'],
              message: 'src/shared is pure domain code: it imports nothing of the server or the web app.',
            },
            {
              target: './src/server/platform',
              from: FEATURES.map((f) => `./src/server/${f}`),
              except: [],
              message:
                'platform/ is what depends on no feature: move the shared piece here, or the code there.',
            },
            ...FEATURES.map((f) => ({
              target: `./src/server/!(${f}|app.ts)/**`,
              from: `./src/server/${f}/*.routes.ts`,
              message: `A feature's routes are registered by app.ts; import its service, schemas or presenter instead.`,
            })),
          ],
        },
      ],
    },
  },
  {
    // Exhaustive switches over unions (the status and kind tables), checked with type information.
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    // Tests, fixtures and the catalog data may be long.
    files: ['**/*.test.ts', 'test/**', 'src/server/procedures/catalog-data/**', 'src/web/i18n/**'],
    rules: { 'max-lines': 'off' },
  },
);
