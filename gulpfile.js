// Copies what tsc does not emit: the node and credential icons. (Codex *.node.json files are emitted by tsc
// through resolveJsonModule/include.) Then writes n8n's lazy-loading metadata.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { series, src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.svg', 'credentials/**/*.svg', 'nodes/**/*.node.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

/**
 * dist/known/*.json and dist/types/*.json, written by n8n-core's own generator (the one n8n-nodes-base builds with)
 * from the built classes. With them n8n loads this package at start-up by reading four JSON files instead of
 * requiring every module of the nodes (~55 ms → ~3 ms, `npm run bench` figure 4), and requires a node's code the
 * first time a workflow or the editor uses it, as it does for its own nodes.
 */
function generateMetadata(done) {
	const generator = path.join(
		path.dirname(require.resolve('n8n-core')),
		'..',
		'bin',
		'generate-metadata',
	);
	try {
		execFileSync(process.execPath, [generator], { cwd: __dirname, stdio: 'pipe' });
	} catch (error) {
		process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
		throw error;
	}
	done();
}

exports['build:assets'] = series(copyAssets, generateMetadata);
