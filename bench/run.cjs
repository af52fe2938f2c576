#!/usr/bin/env node
// `npm run bench` entry (through scripts/run.sh bench): runs bench/*.ts and the repository's TypeScript it imports
// (test/e2e/harness.ts, simulator/) as CommonJS, transpiled on the fly with the repository's own TypeScript, the
// same way jest's ts-jest sees them. Usage: node bench/run.cjs <module under bench/ without .ts> [args].
// Why not Node's type stripping, as everywhere else outside the build and jest: docs/tooling.md.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const compilerOptions = {
	module: ts.ModuleKind.CommonJS,
	target: ts.ScriptTarget.ES2022,
	esModuleInterop: true,
	sourceMap: false,
	inlineSourceMap: true,
};
// `.ts` goes first: `require('./HueChat.node')` must find HueChat.node.ts, not the HueChat.node.json next to it.
const others = Object.entries(require.extensions).filter(([extension]) => extension !== '.ts');
for (const [extension] of others) delete require.extensions[extension];
require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
	module._compile(outputText, filename);
};
for (const [extension, load] of others) require.extensions[extension] = load;

const entry = process.argv[2] || 'main';
if (!/^[a-zA-Z][\w-]*$/.test(entry)) {
	console.error(`bench/run.cjs: bad entry ${entry}`);
	process.exit(2);
}
// The entry sees its own arguments only: process.argv = [node, bench/run.cjs, ...args].
if (process.argv.length > 2) process.argv.splice(2, 1);
require(path.join(__dirname, `${entry}.ts`));
