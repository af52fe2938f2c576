/** `npm run test:reliability`: the node under injected faults, a tight rate limit, malformed input and a secret scan. */
const base = require('./jest.config.js');

module.exports = {
	...base,
	testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 600_000,
};
