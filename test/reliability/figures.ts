/** Figures the reliability suite reports; scripts/print-figures.cjs prints them as `name: value` after jest. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = join(__dirname, '..', '..', '.cache', 'reliability', 'figures.json');

export function recordFigures(figures: Record<string, number | string>): void {
	mkdirSync(join(FILE, '..'), { recursive: true });
	let current: Record<string, number | string> = {};
	try {
		current = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, number | string>;
	} catch {
		current = {};
	}
	writeFileSync(FILE, JSON.stringify({ ...current, ...figures }, null, 2));
}
