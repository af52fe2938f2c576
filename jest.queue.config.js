/**
 * `npm run test:queue` (sh scripts/run.sh queue): the end-to-end suites in n8n's queue mode, on a Redis this run
 * starts (test/queue/globalSetup.ts; Debian's redis-server, installed by scripts/run.sh when missing):
 *   - "e2e in queue mode": test/e2e/*.e2e.test.ts unchanged; each n8n they start runs as main + webhook process +
 *     two workers (test/queue/queueMode.ts);
 *   - "queue": test/queue/*.e2e.test.ts, what only exists with several processes (the webhook process as the
 *     trigger's URL, the trigger's dedupe across processes, two workers sharing one API key).
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] };

module.exports = {
	transform,
	globalSetup: '<rootDir>/test/queue/globalSetup.ts',
	globalTeardown: '<rootDir>/test/queue/globalTeardown.ts',
	maxWorkers: 1,
	testTimeout: 300_000,
	slowTestThreshold: 120,
	projects: [
		{
			displayName: 'e2e in queue mode',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/queue/queueMode.ts'],
			transform,
		},
		{
			displayName: 'queue',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/queue'],
			testMatch: ['<rootDir>/test/queue/**/*.e2e.test.ts'],
			transform,
		},
	],
};
