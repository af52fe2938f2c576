/**
 * The third-party Chatwoot client the compatibility suite (devlikeapro.e2e.test.ts) and the bench's peers figure
 * load into n8n: `@devlikeapro/n8n-nodes-chatwoot`, pinned with its dependencies by test/compat/pinned-devlikeapro
 * (package.json and package-lock.json). `npm ci` from the npm registry installs it once into .cache/compat-peer;
 * the stamp .cache/stamps/compat-peer (the hash of those two files) decides when it is installed again. It is never
 * a dependency of this package: the files are copied into an n8n user folder's nodes folder only.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { CACHE_DIR, REPO_ROOT, type N8nInstance } from '../e2e/harness';

export const PEER_PACKAGE = '@devlikeapro/n8n-nodes-chatwoot';
/** The peer's node and credential type names once n8n has loaded it from its nodes folder. */
export const PEER_NODE_TYPE = `${PEER_PACKAGE}.chatWoot`;
export const PEER_CREDENTIAL_TYPE = 'chatwootApi';

const PINNED = path.join(REPO_ROOT, 'test', 'compat', 'pinned-devlikeapro');
const PEER_DIR = path.join(CACHE_DIR, 'compat-peer');
const STAMP = path.join(CACHE_DIR, 'stamps', 'compat-peer');

/** The pinned version (test/compat/pinned-devlikeapro/package.json). */
export const PEER_VERSION = (
	JSON.parse(fs.readFileSync(path.join(PINNED, 'package.json'), 'utf8')) as {
		dependencies: Record<string, string>;
	}
).dependencies[PEER_PACKAGE];

function pinnedHash(): string {
	const hash = createHash('sha256');
	for (const file of ['package.json', 'package-lock.json'])
		hash.update(fs.readFileSync(path.join(PINNED, file)));
	return hash.digest('hex');
}

/**
 * The peer's node_modules folder, installed when the stamp does not match the pinned files. Throws, naming npm's
 * complaint, when npm cannot install it.
 */
export function ensurePeerFiles(): string {
	const modules = path.join(PEER_DIR, 'node_modules');
	const want = pinnedHash();
	const installed =
		fs.existsSync(path.join(modules, PEER_PACKAGE, 'package.json')) &&
		fs.existsSync(STAMP) &&
		fs.readFileSync(STAMP, 'utf8').trim() === want;
	if (installed) return modules;
	fs.rmSync(PEER_DIR, { recursive: true, force: true });
	fs.mkdirSync(PEER_DIR, { recursive: true });
	for (const file of ['package.json', 'package-lock.json'])
		fs.copyFileSync(path.join(PINNED, file), path.join(PEER_DIR, file));
	try {
		// --legacy-peer-deps: its peer n8n-workflow is the one of the n8n that loads it, as for any community node
		execFileSync(
			'npm',
			[
				'ci',
				'--no-audit',
				'--no-fund',
				'--ignore-scripts',
				'--legacy-peer-deps',
				'--loglevel=error',
			],
			{ cwd: PEER_DIR, stdio: 'pipe', timeout: 300_000 },
		);
	} catch (error) {
		const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
		throw new Error(
			`npm could not install ${PEER_PACKAGE}@${PEER_VERSION} into ${path.relative(REPO_ROOT, PEER_DIR)}: ${stderr || String(error).split('\n')[0]}`,
		);
	}
	fs.mkdirSync(path.dirname(STAMP), { recursive: true });
	fs.writeFileSync(STAMP, `${want}\n`);
	return modules;
}

/** Before n8n starts: the peer and its dependencies into <userFolder>/.n8n/nodes/node_modules. */
export function installPeer(n8n: N8nInstance): void {
	const modules = ensurePeerFiles();
	const dest = path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules');
	fs.mkdirSync(dest, { recursive: true });
	fs.cpSync(modules, dest, { recursive: true });
}
