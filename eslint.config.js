import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

/**
 * Lint in the same split as the typechecks: Node globals for the main process, the preload, the
 * emulator and the Node tests; browser globals for the renderer and its tests; neither for the
 * contract, which runs on both sides. App code gets typescript-eslint's type-aware strict rules.
 */

const APP = [
  'main/**/*.ts',
  'preload/**/*.ts',
  'contract/**/*.ts',
  'emulator/**/*.ts',
  'renderer/src/**/*.{ts,vue}',
];
const BROWSER = ['renderer/**/*.{ts,vue}', 'test/unit/renderer/**/*.ts'];
const NODE = ['main/**', 'preload/**', 'emulator/**', 'bench/**', 'test/**', '*.config.{js,ts}'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: {
      // Every component is TypeScript: a plain <script> would escape both typechecks.
      'vue/block-lang': ['error', { script: { lang: 'ts' } }],
    },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals['shared-node-browser'] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  { files: NODE, ignores: BROWSER, languageOptions: { globals: globals.node } },
  { files: BROWSER, languageOptions: { globals: globals.browser } },
  // Playwright tests hand functions to the page (page.evaluate): those run in the browser.
  {
    files: ['test/e2e/**', 'bench/board-soak.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, files: APP })),
  // Type information from the program each file belongs to (the renderer's is tsconfig.web.json).
  {
    files: APP,
    ignores: ['renderer/**'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['renderer/**'],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.web.json',
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
  },
  // The strict configs name typescript-eslint's parser; .vue files need Vue's, with it inside.
  {
    files: ['renderer/**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser } },
  },
  {
    files: APP,
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // Numbers and booleans read naturally in messages; objects and null/undefined do not.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
      // An async method that implements a Promise-returning interface turns a throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      // noUncheckedIndexedAccess types every indexed read as possibly undefined; `!` marks the reads
      // whose bounds the code has just established (planner indices, sorted non-empty lists).
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
