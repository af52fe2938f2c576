#!/usr/bin/env node
// Child process of bench/figureLoad.ts: what n8n 2.41.1 does with this package at start-up, timed in a fresh Node
// process (n8n-core, n8n-workflow and n8n's tool generation are required first: n8n has them loaded already).
// The steps are n8n's own: scanDirectoryForPackages (community-packages module), loader.loadAll(), then what
// LoadNodesAndCredentials.postProcessLoaders() does per package (types, credential fields, AI tool variants).
// Usage: node bench/loadProbe.cjs <n8n dir> <node_modules dir holding only the package> <an empty dir>
// The empty dir is scanned first, untimed: n8n has globbed its own node folders before it scans for packages.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const [n8nDir, nodeModulesDir, emptyDir] = process.argv.slice(2);
// As n8n's LoadNodesAndCredentials.init(): packages resolve n8n-workflow from n8n's own node_modules.
process.env.NODE_PATH = [
	path.join(n8nDir, 'node_modules', 'n8n', 'node_modules'),
	path.join(n8nDir, 'node_modules'),
].join(path.delimiter);
Module._initPaths();
const n8nRequire = Module.createRequire(path.join(n8nDir, 'node_modules', 'n8n', 'package.json'));
const core = n8nRequire('n8n-core');
const workflow = n8nRequire('n8n-workflow');
const tools = n8nRequire('./dist/tool-generation');

(async () => {
	if (emptyDir) await core.scanDirectoryForPackages(emptyDir);
	const t0 = performance.now();
	const loaders = await core.scanDirectoryForPackages(nodeModulesDir);
	const t1 = performance.now();
	for (const loader of loaders) await loader.loadAll();
	const t2 = performance.now();
	const types = { nodes: [], credentials: [] };
	const known = { nodes: {}, credentials: {} };
	for (const loader of loaders) {
		await loader.ensureTypesLoaded();
		types.nodes.push(
			...loader.types.nodes.map(({ name, ...rest }) => ({
				...rest,
				name: `${loader.packageName}.${name}`,
			})),
		);
		types.credentials.push(
			...loader.types.credentials.map((c) => ({
				...c,
				properties: workflow.injectDomainRestrictionFields(c),
			})),
		);
		for (const type in loader.known.nodes)
			known.nodes[`${loader.packageName}.${type}`] = loader.known.nodes[type];
	}
	tools.createAiTools(types, known);
	tools.createHitlTools(types, known);
	const t3 = performance.now();
	const modules = Object.keys(require.cache).filter((file) =>
		file.startsWith(nodeModulesDir),
	).length;
	process.stdout.write(
		`${JSON.stringify({ scanMs: t1 - t0, loadMs: t2 - t1, typesMs: t3 - t2, totalMs: t3 - t0, modules, nodes: types.nodes.map((n) => n.name) })}\n`,
	);
})().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exit(1);
});
