/**
 * The benchmark's figures: one line each, `name: value (target T) ok|MISS`; context figures (absolute times, sizes)
 * have no target; a figure that cannot be measured yet reads `n/a (pending: why)`, never a made-up number.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Figure {
	name: string;
	/** As printed. */
	value: string;
	/** The number behind value, when there is one. */
	number?: number;
	target?: string;
	ok?: boolean;
	pending?: string;
	/** The figure ran out of time: value holds the partial counts, and the line ends `MISS (timed out)`. */
	timedOut?: boolean;
	/** The figure failed (an error, not a miss): value holds the error. */
	failed?: boolean;
}

export class Report {
	readonly figures: Figure[] = [];
	readonly context: Record<string, unknown> = {};

	/** A figure with a target: `check` says whether the number meets it. */
	target(
		name: string,
		number: number,
		format: (n: number) => string,
		target: string,
		check: (n: number) => boolean,
	): void {
		this.add({ name, value: format(number), number, target, ok: check(number) });
	}

	/** A context figure (no target). */
	info(name: string, value: string, number?: number): void {
		this.add({ name, value, number });
	}

	/** A figure that ran out of time: its partial counts so far, `MISS (timed out)`. */
	timedOut(name: string, partial: string, target = 'finish in time'): void {
		this.add({ name, value: partial, target, ok: false, timedOut: true });
	}

	/** A figure that failed with an error: reported as a MISS, so the bench goes on to the next figure. */
	failed(name: string, error: string, target = 'finish'): void {
		this.add({ name, value: `failed: ${error}`, target, ok: false, failed: true });
	}

	pending(name: string, why: string, target?: string): void {
		this.add({ name, value: 'n/a', pending: why, target });
	}

	add(figure: Figure): void {
		const existing = this.figures.findIndex((f) => f.name === figure.name);
		if (existing >= 0) this.figures[existing] = figure;
		else this.figures.push(figure);
		process.stdout.write(`[bench] ${line(figure)}\n`);
	}

	table(): string {
		return this.figures.map(line).join('\n');
	}

	write(file: string, meta: Record<string, unknown>): void {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(
			file,
			`${JSON.stringify({ ...meta, figures: this.figures, context: this.context }, null, '\t')}\n`,
		);
	}
}

export function line(figure: Figure): string {
	if (figure.pending) return `${figure.name}: n/a (pending: ${figure.pending})`;
	const verdict = figure.ok ? 'ok' : figure.timedOut ? 'MISS (timed out)' : 'MISS';
	const target = figure.target ? ` (target ${figure.target}) ${verdict}` : '';
	return `${figure.name}: ${figure.value}${target}`;
}

export const ratio = (n: number) => `${n.toFixed(2)}x`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const millis = (ms: number) => `${ms.toFixed(1)} ms`;
export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const count = (n: number) => n.toLocaleString('en-US');
