// Event names of HueChat's two webhook flavours and how they correspond (docs/contract.md §4; docs/chatwoot-v1.md §6.1).

/** v2 outbound webhook events (docs/contract.md §4), in the contract's order. */
export const V2_EVENTS = [
	'message.created',
	'message.updated',
	'conversation.created',
	'conversation.updated',
	'conversation.status_changed',
	'conversation.assigned',
	'contact.created',
	'contact.updated',
	'contact.deleted',
	'ticket.created',
	'ticket.updated',
	'ticket.status_changed',
	'deal.created',
	'deal.updated',
	'deal.stage_changed',
	'deal.won',
	'deal.lost',
	'broadcast.completed',
	'broadcast.failed',
	'template.status_changed',
	'ai_agent.handoff',
	'webhook.test',
] as const;

/** v1 account webhook events (Chatwoot's `Webhook::ALLOWED_WEBHOOK_EVENTS`). */
export const V1_EVENTS = [
	'conversation_created',
	'conversation_updated',
	'conversation_status_changed',
	'message_created',
	'message_updated',
	'contact_created',
	'contact_updated',
	'webwidget_triggered',
	'inbox_created',
	'inbox_updated',
	'conversation_typing_on',
	'conversation_typing_off',
] as const;

/**
 * The Chatwoot name of a domain event, where one corresponds. `conversation.assigned` has none of its own: an
 * assignment also raises `conversation.updated` (as in Chatwoot, where it is a conversation_updated), so mapping it
 * too would deliver the change twice. `contact.deleted`, tickets, deals, broadcasts, templates, AI agents and
 * `webhook.test` have no v1 counterpart. The last four rows are domain events outside §4 that only v1 delivers.
 */
export const V1_EVENT_FOR: Readonly<Record<string, (typeof V1_EVENTS)[number]>> = {
	'message.created': 'message_created',
	'message.updated': 'message_updated',
	'conversation.created': 'conversation_created',
	'conversation.updated': 'conversation_updated',
	'conversation.status_changed': 'conversation_status_changed',
	'contact.created': 'contact_created',
	'contact.updated': 'contact_updated',
	'inbox.created': 'inbox_created',
	'inbox.updated': 'inbox_updated',
	'conversation.typing_on': 'conversation_typing_on',
	'conversation.typing_off': 'conversation_typing_off',
};

export function isV2Event(name: string): boolean {
	return (V2_EVENTS as readonly string[]).includes(name);
}
