/** The trigger's exactly-once measurements in real n8n; run by `npm run test:reliability` and `npm test` after the build. */
const base = require('./jest.e2e.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/exactly-once'],
	testMatch: ['<rootDir>/test/exactly-once/**/*.test.ts'],
	testTimeout: 900_000,
};
