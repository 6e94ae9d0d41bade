// One lint configuration for every package: typescript-eslint's type-aware rules, Prettier owns layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** The directory's tables, by name, alone or with an alias (`'people as p'`). */
const DIRECTORY_TABLES =
  'collectivites|ecoles|classes|people|accounts|memberships|family_links|administrations|groups|group_members';
const DIRECTORY_TABLE = `/^(${DIRECTORY_TABLES})(\\s+as\\s+\\w+)?$/`;
/** The same tables named in SQL text. */
const DIRECTORY_SQL = `/\\b(FROM|JOIN|UPDATE|INTO)\\s+(${DIRECTORY_TABLES})\\b/i`;
const DIRECTORY_MESSAGE =
  'Les tables de l’annuaire appartiennent à core/src/directory/ : ajoutez-y la requête (queries.ts) et appelez-la.';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/restrict-template-expressions': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/test/**/*.ts', '**/cli/**/*.ts', 'test/bench/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // The directory owns its tables: the rest of core goes through core/src/directory/ (ADR 0018).
    files: ['core/src/**/*.ts'],
    ignores: [
      'core/src/directory/**',
      'core/src/db/migrations/**',
      // Not moved yet: the communication checks' reads (ADR 0018). Each one moved leaves this list.
      'core/src/rights/groups.ts',
      'core/src/rights/reach.ts',
      'core/src/rights/sender.ts',
      'core/src/rights/visibility.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.name=/^(knex|trx|db)$/] > Literal[value=${DIRECTORY_TABLE}]`,
          message: DIRECTORY_MESSAGE,
        },
        {
          selector: `CallExpression[callee.property.name=/^(knex|from|into|table|join|innerJoin|leftJoin|rightJoin|update|insert)$/] > Literal[value=${DIRECTORY_TABLE}]`,
          message: DIRECTORY_MESSAGE,
        },
        { selector: `Literal[value=${DIRECTORY_SQL}]`, message: DIRECTORY_MESSAGE },
        { selector: `TemplateElement[value.raw=${DIRECTORY_SQL}]`, message: DIRECTORY_MESSAGE },
      ],
    },
  },
  {
    // A plugin talks to Préau only through @preau/sdk, which is what a vendor has: core's
    // internals and other plugins' code change without notice (test/integration/plugin-boundaries).
    files: ['plugins/**/*.ts', 'examples/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@preau/core', '@preau/core/*'],
              message:
                'Un plugin n’importe pas le cœur : passez par @preau/sdk (contexte, routes, banc de test @preau/sdk/testing).',
            },
            {
              group: ['@preau/plugin-*', '@preau/theme-*'],
              message:
                'Un plugin n’importe pas un autre plugin : utilisez le service qu’il fournit (ctx.plugins) ou ses événements.',
            },
            {
              group: ['**/core/src/**', '**/core/dist/**', '**/sdk/src/**', '**/sdk/dist/**'],
              message: 'Importez @preau/sdk par son nom de paquet, jamais par un chemin du dépôt.',
            },
            {
              regex: '^(\\.\\./){3,}',
              message:
                'Ce chemin sort du dossier du plugin : un plugin n’importe que ses propres fichiers et ses dépendances déclarées.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  prettier,
);
