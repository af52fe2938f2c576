/** `sh scripts/run.sh exactly-once`: the trigger's exactly-once measurements in real n8n (not yet in `npm test`). */
const base = require('./jest.e2e.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/exactly-once'],
	testMatch: ['<rootDir>/test/exactly-once/**/*.test.ts'],
	testTimeout: 900_000,
};
