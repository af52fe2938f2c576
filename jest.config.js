/** Unit and integration tests: the node through n8n-core's routing engine against the simulator on a real port. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: [
		'/node_modules/',
		'\\.e2e\\.test\\.ts$',
		'<rootDir>/test/reliability/',
		'<rootDir>/test/exactly-once/',
	],
	setupFiles: ['<rootDir>/test/setup-env.cjs'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	testTimeout: 60_000,
	// jest's default on 2 cores is one worker; these suites mostly wait on sockets and timers, so two finish far sooner
	maxWorkers: 2,
};
