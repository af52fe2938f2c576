// Copies what tsc does not emit: the node and credential icons. (Codex *.node.json files are emitted by tsc
// through resolveJsonModule/include.)
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.svg', 'credentials/**/*.svg', 'nodes/**/*.node.json'], { base: '.', encoding: false }).pipe(dest('dist'));
}

exports['build:assets'] = copyAssets;
