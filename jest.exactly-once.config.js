/** The trigger's exactly-once measurements in real n8n; run by `npm run test:reliability` and `npm test` after the build. */
const base = require('./jest.e2e.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/exactly-once'],
	testMatch: ['<rootDir>/test/exactly-once/**/*.test.ts'],
	testTimeout: 900_000,
	// HUECHAT_EXACTLY_ONCE_QUEUE=1: n8n in queue mode on the Redis and PostgreSQL 17 test/queue's globalSetup starts
	...(process.env.HUECHAT_EXACTLY_ONCE_QUEUE === '1'
		? {
				globalSetup: '<rootDir>/test/queue/globalSetup.ts',
				globalTeardown: '<rootDir>/test/queue/globalTeardown.ts',
				setupFilesAfterEnv: ['<rootDir>/test/queue/queueMode.ts'],
			}
		: {}),
};
