import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'https', 'net', 'url', 'util', 'stream'];

// Only a domain's repo/ holds SQL (ARCHITECTURE.md «Floors of the core»): services hold rules,
// transactions and audit; handlers only call services.
const QUERY_BUILDER = 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]';

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((g) => ({ group: [g], message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-main/**', 'release/**', 'node_modules/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  // Boundaries (DESIGN.md §3): shared code runs everywhere; the renderer never touches Node or
  // Electron; only src-main/electron imports electron; migrations import nothing from src-*.
  {
    files: ['src-shared/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: restrict([...nodeBuiltins, 'electron', 'electron/*', 'react', 'react-dom', 'antd', '**/src-main/**', '**/src-renderer/**'], 'src-shared runs in Node and in the browser: no Node, Electron, DOM or app layers here.'),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([...nodeBuiltins, 'electron', 'electron/*', '**/src-main/**'], 'The renderer talks to the core only through the api client.'),
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: restrict(['electron', 'electron/*', 'electron-log', 'electron-log/*', 'electron-updater', '**/src-renderer/**'], 'Only src-main/electron may import Electron.'),
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: restrict(['**/src-renderer/**'], 'The shell loads the built renderer; it does not import it.'),
  },
  {
    files: ['migrations/**/*.ts'],
    rules: restrict(['**/src-main/**', '**/src-shared/**', '**/src-renderer/**'], 'A migration describes the schema at its point in time: import nothing from the app.'),
  },
  {
    files: ['src-main/**/*.ts'],
    // The foundation and db/ are infrastructure; the demo generator writes its rows as a fixture.
    ignores: ['src-main/core/**/repo/**', 'src-main/core/db/**', 'src-main/core/foundation/**', 'src-main/core/demo/**', 'src-main/core/timetable/engine/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: QUERY_BUILDER, message: 'SQL belongs in the domain\'s repo/ folder; call a repository function from here.' },
        { selector: "TaggedTemplateExpression[tag.name='sql']", message: 'SQL belongs in the domain\'s repo/ folder; call a repository function from here.' },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs}'],
    rules: { 'no-console': 'off' },
  },
);
