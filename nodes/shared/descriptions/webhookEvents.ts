import type { INodePropertyOptions } from 'n8n-workflow';

/** HueChat v2 outbound webhook events (docs/contract.md §4), with the words the editor shows. */
const V2_EVENT_LABELS: Array<[value: string, name: string, description: string]> = [
	[
		'message.created',
		'Message Created',
		'A message was received from a contact or sent by an agent, a bot or the API',
	],
	[
		'message.updated',
		'Message Updated',
		'A message changed: its delivery status, its content, or it was deleted',
	],
	['conversation.created', 'Conversation Created', 'A conversation started'],
	[
		'conversation.updated',
		'Conversation Updated',
		'Anything about a conversation changed (status, assignee, labels, attributes, …)',
	],
	[
		'conversation.status_changed',
		'Conversation Status Changed',
		'A conversation was opened, resolved, set pending or snoozed',
	],
	['conversation.assigned', 'Conversation Assigned', 'A conversation got another agent or team'],
	['contact.created', 'Contact Created', 'A contact was added'],
	['contact.updated', 'Contact Updated', 'A contact changed'],
	['contact.deleted', 'Contact Deleted', 'A contact was deleted (or merged into another)'],
	['ticket.created', 'Ticket Created', 'A ticket was opened'],
	['ticket.updated', 'Ticket Updated', 'A ticket changed'],
	['ticket.status_changed', 'Ticket Status Changed', 'A ticket moved to another status'],
	['deal.created', 'Deal Created', 'A deal was added to a pipeline'],
	['deal.updated', 'Deal Updated', 'A deal changed'],
	['deal.stage_changed', 'Deal Stage Changed', 'A deal moved to another stage'],
	['deal.won', 'Deal Won', 'A deal was marked won'],
	['deal.lost', 'Deal Lost', 'A deal was marked lost'],
	['broadcast.completed', 'Broadcast Completed', 'A broadcast finished sending'],
	['broadcast.failed', 'Broadcast Failed', 'A broadcast could not be sent'],
	[
		'template.status_changed',
		'Template Status Changed',
		'A WhatsApp template was approved, rejected, paused or disabled',
	],
	['ai_agent.handoff', 'AI Agent Handoff', 'An AI agent handed a conversation over to humans'],
	['webhook.test', 'Webhook Test', 'The test event sent by Outbound Webhook → Send Test Event'],
];

/** Chatwoot's account webhook events (HueChat v1), with the words the editor shows. */
const V1_EVENT_LABELS: Array<[value: string, name: string, description: string]> = [
	['conversation_created', 'Conversation Created', 'A conversation started'],
	[
		'conversation_updated',
		'Conversation Updated',
		'A conversation changed (status, assignee, team, labels, attributes, …)',
	],
	[
		'conversation_status_changed',
		'Conversation Status Changed',
		'A conversation was opened, resolved, set pending or snoozed',
	],
	['message_created', 'Message Created', 'A message was received or sent'],
	['message_updated', 'Message Updated', 'A message changed or was deleted'],
	['contact_created', 'Contact Created', 'A contact was added'],
	['contact_updated', 'Contact Updated', 'A contact changed'],
	['webwidget_triggered', 'Web Widget Triggered', 'A visitor opened the website chat widget'],
	['inbox_created', 'Inbox Created', 'An inbox was added'],
	['inbox_updated', 'Inbox Updated', 'An inbox changed'],
	['conversation_typing_on', 'Conversation Typing On', 'Someone started typing in a conversation'],
	[
		'conversation_typing_off',
		'Conversation Typing Off',
		'Someone stopped typing in a conversation',
	],
];

export const V2_EVENTS = V2_EVENT_LABELS.map(([value]) => value);
export const V1_EVENTS = V1_EVENT_LABELS.map(([value]) => value);

/** `*` subscribes a v2 subscription to every event, present and future. */
export const ALL_EVENTS = '*';

/**
 * What n8n's nodes panel lists for the event: without it n8n lower-cases the whole name ("On ai agent handoff").
 * Sentence case, as n8n's own actions read, with the acronyms kept.
 */
function action(name: string): string {
	return `On ${name.replace(/\b(?!AI\b)\w+/g, (word) => word.toLowerCase())}`;
}

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

/** The v2 events as options, alphabetical; with `All Events` (`*`) first when asked. */
export function v2EventOptions(withAll: boolean): INodePropertyOptions[] {
	const options = V2_EVENT_LABELS.map(([value, name, description]) => ({
		name,
		value,
		action: action(name),
		description: `${description} (${value})`,
	})).sort(byName);
	const all = {
		name: 'All Events',
		value: ALL_EVENTS,
		action: action('All Events'),
		description: 'Every event, including ones HueChat adds later',
	};
	return withAll ? [all, ...options] : options;
}

export function v1EventOptions(): INodePropertyOptions[] {
	return V1_EVENT_LABELS.map(([value, name, description]) => ({
		name,
		value,
		action: action(name),
		description: `${description} (${value})`,
	})).sort(byName);
}
