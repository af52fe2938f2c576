// Locating files of the repository without __dirname or import.meta: both jest (CommonJS through ts-jest)
// and the CLI (native ESM type stripping) run with the working directory inside the repository.
import * as fs from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = 'n8n-nodes-huechat';

let cachedRoot: string | undefined;

/** Walks up from `start` (default: the working directory) to the folder whose package.json is this package's. */
export function findRepoRoot(start: string = process.cwd()): string {
	if (cachedRoot !== undefined && start === process.cwd()) return cachedRoot;
	let dir = path.resolve(start);
	for (;;) {
		const manifest = path.join(dir, 'package.json');
		if (fs.existsSync(manifest)) {
			try {
				const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown };
				if (parsed.name === PACKAGE_NAME) {
					if (start === process.cwd()) cachedRoot = dir;
					return dir;
				}
			} catch {
				// not JSON: keep walking
			}
		}
		const parent = path.dirname(dir);
		if (parent === dir) {
			throw new Error(`HueChat simulator: no package.json named ${PACKAGE_NAME} above ${start}`);
		}
		dir = parent;
	}
}

/** The OpenAPI document the simulator routes and validates with. */
export function openApiPath(): string {
	return path.join(findRepoRoot(), 'openapi', 'huechat.openapi.json');
}
