/** What every figure of the benchmark shares: sizes, the simulator, the n8n instance and the report. */
import type { N8nInstance } from '../test/e2e/harness';
import type { Report } from './report';
import type { SimChild } from './sim';

export interface Sizes {
	contacts: number;
	deals: number;
	creates: number;
	/** The tight key's limit in requests per minute (figure 2). */
	rpm: number;
	/** The simulator's rate-limit window; the key allows rpm × window / 60 requests a window. */
	windowSeconds: number;
	/** Timed runs per variant (after one untimed warm-up). */
	runs: number;
	deliveries: number;
	deliveryConcurrency: number;
}

export interface BenchContext {
	sizes: Sizes;
	sim: SimChild;
	n8n: N8nInstance;
	report: Report;
	/** Token of the roomy key every list figure uses. */
	token: string;
	capabilities: { resources: string[]; trigger: boolean };
	/** Workflow paths by name, once published. */
	paths: Record<string, string>;
	/** The tarball installed into n8n (a private copy, so concurrent builds cannot swap it mid-run). */
	packageTgz: string;
	/** Token of the tight key per variant (figure 2). */
	tightTokens: Record<string, string>;
	log(message: string): void;
	/**
	 * The running figure's counts so far, in words (figures set it as they go): what `MISS (timed out)` prints when
	 * the figure runs out of time or a wait inside it times out.
	 */
	partial?: string;
	/** Why the peers figure cannot run (the devlikeapro node could not be installed), when it cannot. */
	peerMissing?: string;
}
