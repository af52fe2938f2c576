// n8n-core's InstanceSettings writes <N8N_USER_FOLDER>/.n8n/config when the first execution context is built:
// point it at a throw-away folder so tests never touch the developer's home.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

if (!process.env.HUECHAT_TEST_USER_FOLDER) {
	process.env.HUECHAT_TEST_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'huechat-n8n-'));
}
process.env.N8N_USER_FOLDER = process.env.HUECHAT_TEST_USER_FOLDER;
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
