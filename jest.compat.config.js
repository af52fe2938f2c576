/**
 * The compatibility suite (test/compat/): a third-party Chatwoot client, the devlikeapro node, in a real n8n against
 * the simulator. Run by `npm test` after the end-to-end suites (`sh scripts/run.sh compat` alone); needs the packed
 * package and n8n that `sh scripts/run.sh e2e` installs, and the npm registry once for the peer (.cache/compat-peer).
 */
const base = require('./jest.e2e.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/test/compat'],
	testMatch: ['<rootDir>/test/compat/**/*.e2e.test.ts'],
};
