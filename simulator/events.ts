// Domain events (docs/contract.md §4 names: `message.created`, `deal.stage_changed`, …) raised by handlers when they change
// the store. Outbound webhook delivery subscribes here; handlers only say what happened.
export interface DomainEvent {
	accountId: number;
	name: string;
	/** The resource as the API returns it. */
	data: unknown;
}

export type EventListener = (event: DomainEvent) => void;

export class EventBus {
	private readonly listeners = new Set<EventListener>();

	on(listener: EventListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	emit(event: DomainEvent): void {
		for (const listener of this.listeners) listener(event);
	}
}
