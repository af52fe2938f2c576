// Small jobs that need a module of an n8n install (.cache/n8n or .cache/n8n-1), loaded from that install.
// Usage: node scripts/n8n-install.cjs N8N_DIR COMMAND [args]
//   sqlite-works                 opens an in-memory database with the install's sqlite3 (its native build loads)
//   password-hash PASSWORD       prints the bcrypt hash n8n expects in N8N_INSTANCE_OWNER_PASSWORD_HASH
//   forget-webhooks DATABASE     empties webhook_entity in an n8n SQLite database, so that on start n8n activates
//                                every published trigger anew instead of assuming its old subscription still exists
'use strict';
const { createRequire } = require('node:module');
const path = require('node:path');

const [dir, command, arg] = process.argv.slice(2);
const requireFromN8n = createRequire(path.join(path.resolve(dir), 'package.json'));

function fail(message) {
	console.error(`scripts/n8n-install.cjs ${command}: ${message}`);
	process.exit(1);
}

switch (command) {
	case 'sqlite-works':
		new (requireFromN8n('sqlite3').Database)(':memory:').close();
		break;
	case 'password-hash':
		console.log(requireFromN8n('bcryptjs').hashSync(arg, 10));
		break;
	case 'forget-webhooks': {
		const db = new (requireFromN8n('sqlite3').Database)(arg);
		db.run('DELETE FROM webhook_entity', (error) => {
			db.close();
			if (error) fail(error.message);
		});
		break;
	}
	default:
		fail('unknown command (sqlite-works, password-hash, forget-webhooks)');
}
