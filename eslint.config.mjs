// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', 'test/grammar/**', 'bench/.data/**', '*.vsix'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.ts'],
		languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'no-eval': 'error',
			'no-implied-eval': 'error',
		},
	},
	{
		// The one rule of docs/ARCHITECTURE.md: the core is pure, it knows neither VS Code nor Node I/O.
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				paths: ['vscode', 'fs', 'path', 'os', 'child_process', 'worker_threads'].map((name) => ({ name, message: 'src/core is pure: no vscode and no Node I/O.' })),
				patterns: [
					{ group: ['node:*'], message: 'src/core is pure: no Node built-ins.' },
					{ group: ['**/vscode/**', '**/node/**', '**/cli/**'], message: 'src/core must not import adapters.' },
				],
			}],
		},
	},
	{
		files: ['scripts/**/*.mjs', 'test/**/*.mjs', 'bench/**/*.mjs'],
		languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
	},
);
