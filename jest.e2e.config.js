/**
 * End-to-end tests: the packed package inside a real n8n (see test/e2e/harness.ts) against the HueChat simulator.
 * Run through `sh scripts/run.sh e2e` (installs Node 24 and n8n, builds and packs the package first).
 * One n8n at a time (each takes ~15 s to start and ~0.9 GB of memory).
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	maxWorkers: 1,
	testTimeout: 300_000,
	slowTestThreshold: 120,
};
