/**
 * Figure 4: what this package costs n8n at start-up, and its size. n8n 2.41.1 loads a community package in three
 * steps (scanDirectoryForPackages, loader.loadAll, postProcessLoaders); bench/loadProbe.cjs runs those same n8n
 * functions on the packed package in fresh Node processes (n8n's own modules required first, as n8n has them) and
 * the median is the figure. A whole n8n start takes 10–20 s and varies by seconds, far too much to see 50 ms in.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { n8nDir, nodeBinary, PACKAGE_NAME } from '../test/e2e/harness';
import type { BenchContext } from './context';
import { median } from './n8nBench';
import { count, millis } from './report';

interface Probe {
	scanMs: number;
	loadMs: number;
	typesMs: number;
	totalMs: number;
	modules: number;
	nodes: string[];
}

const PROBES = 7;

function filesUnder(dir: string): { files: number; bytes: number } {
	let files = 0;
	let bytes = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		files += 1;
		bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
	}
	return { files, bytes };
}

export async function figureLoad(ctx: BenchContext): Promise<void> {
	const { report } = ctx;
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'huechat-load-'));
	try {
		const nodeModules = path.join(root, 'node_modules');
		const dir = path.join(nodeModules, PACKAGE_NAME);
		fs.mkdirSync(dir, { recursive: true });
		execFileSync('tar', ['-xzf', ctx.packageTgz, '-C', dir, '--strip-components=1']);
		const empty = path.join(root, 'empty');
		fs.mkdirSync(empty);
		ctx.log(
			`node load: ${PROBES} fresh processes running n8n's package loading on the packed package`,
		);
		const probes: Probe[] = [];
		for (let i = 0; i < PROBES; i++) {
			const result = spawnSync(
				nodeBinary(),
				[path.join(__dirname, 'loadProbe.cjs'), n8nDir(), nodeModules, empty],
				{ encoding: 'utf8' },
			);
			if (result.status !== 0) throw new Error(`bench/loadProbe.cjs failed: ${result.stderr}`);
			probes.push(JSON.parse(result.stdout) as Probe);
		}
		const total = median(probes.map((p) => p.totalMs));
		const lazy = fs.existsSync(path.join(dir, 'dist', 'known', 'nodes.json'));
		report.target(
			'node load: time the package adds to n8n start-up',
			total,
			millis,
			'≤ 50 ms',
			(n) => n <= 50,
		);
		report.info(
			'node load: scan | load | types and AI-tool variants',
			`${millis(median(probes.map((p) => p.scanMs)))} | ${millis(median(probes.map((p) => p.loadMs)))} | ${millis(median(probes.map((p) => p.typesMs)))} ` +
				`(${lazy ? 'lazy: n8n reads dist/known + dist/types' : 'eager'}, ${probes[0].modules} modules required at start, types ${probes[0].nodes.join(', ')})`,
		);
		const unpacked = filesUnder(dir);
		report.info(
			'package size on disk',
			`${(unpacked.bytes / 1024).toFixed(0)} KiB in ${count(unpacked.files)} files (tarball ${(fs.statSync(ctx.packageTgz).size / 1024).toFixed(0)} KiB, no runtime dependencies)`,
			unpacked.bytes,
		);
		ctx.report.context.load = { probes, unpacked, tarballBytes: fs.statSync(ctx.packageTgz).size };
	} finally {
		fs.rmSync(root, { recursive: true, force: true });
	}
}
