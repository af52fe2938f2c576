// The whole tree's lint (`eslint -c eslint.repo.config.mjs .`). The shipped code is linted twice: by eslint.config.mjs,
// which is exactly @n8n/node-cli's config, as `n8n-node cloud-support` wants for n8n Cloud (with 0 warnings:
// `npm run lint`), and here the way n8n's verification scanner
// (@n8n/scan-community-package) lints it: the community-nodes `recommended` rules, no-console, and the
// eslint-plugin-n8n-nodes-base community/credentials/nodes rule sets, with inline disables ignored.
// Everything else (simulator, tests, scripts, bench) gets typescript-eslint's recommended rules.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tsParser from '@typescript-eslint/parser';
import tseslint from 'typescript-eslint';

const shipped = ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**', '**/package-lock.json'] },
	{ files: ['**/*.ts', '**/*.json'], languageOptions: { parser: tsParser } },
	{ files: shipped, ...n8nCommunityNodesPlugin.configs.recommended, ignores: [] },
	{
		files: shipped,
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { 'no-console': 'error' },
	},
	{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	...tseslint.configs.recommended.map((config) => ({
		...config,
		files: [
			'nodes/**/*.ts',
			'credentials/**/*.ts',
			'simulator/**/*.ts',
			'test/**/*.ts',
			'scripts/**/*.ts',
			'bench/**/*.ts',
		],
	})),
	{
		files: ['simulator/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
		},
	},
];
