/** Small helpers the v2 resource tests share: locator values, error items, waiting for simulated progress. */
import type { INodeExecutionData } from 'n8n-workflow';

import type { DomainEvent } from '../../simulator/events.ts';
import type { SimulatorFixture } from './simulator';

/** A resource locator set "By ID". */
export { byId } from './simulator';

/** The error of an output item (Continue On Fail), as n8n shows it. */
export function errorOf(item: INodeExecutionData): {
	message: string;
	description?: string;
	httpCode?: string;
} {
	const error = item.error as unknown as
		{ message: string; description?: string; httpCode?: string } | undefined;
	if (!error) throw new Error(`expected an error item, got ${JSON.stringify(item.json)}`);
	return {
		message: error.message,
		description: error.description ?? undefined,
		httpCode: error.httpCode,
	};
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Records the domain events the simulator raises (for webhook delivery) from now on. */
export function recordEvents(fx: SimulatorFixture): { events: DomainEvent[]; stop: () => void } {
	const events: DomainEvent[] = [];
	const stop = fx.sim.events.on((event) => events.push(event));
	return { events, stop: () => void stop() };
}

/** The UUID shape every v2 id has. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** ISO 8601 as the v2 broadcast and template timestamps are. */
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
