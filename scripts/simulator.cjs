#!/usr/bin/env node
// `npm run simulator -- [--port 4010]`: runs the HueChat simulator (simulator/main.ts, TypeScript that Node 24 runs
// natively). npm may start this under an older Node, so re-launch with the Node 24 that scripts/lib.sh installs into
// .cache/node24 (or the current Node when it can strip types itself).
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
const cached = path.join(
	root,
	'.cache',
	'node24',
	'node_modules',
	`node-linux-${arch}`,
	'bin',
	'node',
);
const [major, minor] = process.versions.node.split('.').map(Number);
const canStripTypes = major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
const node = fs.existsSync(cached) ? cached : canStripTypes ? process.execPath : undefined;
if (!node) {
	console.error(
		`Node ${process.versions.node} cannot run TypeScript natively. Run \`npm start\` or \`sh scripts/run.sh e2e\` once ` +
			'(they install Node 24 into .cache/node24), or use Node >= 22.18.',
	);
	process.exit(1);
}
const child = spawn(node, [path.join(root, 'simulator', 'main.ts'), ...process.argv.slice(2)], {
	stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
