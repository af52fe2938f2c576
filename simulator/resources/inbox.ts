// Inboxes and inbox members (v1). Reference: docs/chatwoot-v1.md §3.7, §4.4. Creates answer 201, deletes 204
// (HueChat); the member endpoints answer `{payload: [Agent…]}`, the members after the change (DELETE too).
// Raises `inbox.created` / `inbox.updated` (outside docs/contract.md §4: v1 account webhooks deliver them as
// inbox_created / inbox_updated; v2 subscriptions never see them).
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { notFound, validationFailed, type ErrorDetails } from '../rules.ts';
import type { ChannelKind, InboxRecord } from '../store.ts';
import { agentView, inboxView } from '../views.ts';
import { agentsOf, unknownAgents } from './agent.ts';

const CHANNEL_TYPES: Record<ChannelKind, string> = {
	api: 'Channel::Api',
	web_widget: 'Channel::WebWidget',
	email: 'Channel::Email',
	whatsapp: 'Channel::Whatsapp',
	sms: 'Channel::Sms',
	telegram: 'Channel::Telegram',
	line: 'Channel::Line',
};

/** The `channel{…}` fields each channel type takes (the OpenAPI document requires the mandatory ones on create). */
const CHANNEL_FIELDS: Record<ChannelKind, readonly string[]> = {
	api: ['webhook_url', 'hmac_mandatory', 'additional_attributes'],
	web_widget: [
		'website_url',
		'widget_color',
		'welcome_title',
		'welcome_tagline',
		'hmac_mandatory',
		'pre_chat_form_enabled',
		'continuity_via_email',
	],
	email: ['email'],
	whatsapp: ['phone_number', 'provider', 'provider_config'],
	sms: ['phone_number', 'provider_config'],
	telegram: ['bot_token'],
	line: ['line_channel_id', 'line_channel_secret', 'line_channel_token'],
};

/** The inbox settings outside `channel` that create and update take. */
const SETTINGS = [
	'name',
	'greeting_enabled',
	'greeting_message',
	'enable_auto_assignment',
	'enable_email_collect',
	'csat_survey_enabled',
	'working_hours_enabled',
	'out_of_office_message',
	'timezone',
	'allow_messages_after_resolved',
	'lock_to_single_conversation',
	'sender_name_type',
	'business_name',
] as const;

type Channel = Record<string, unknown> & { type?: ChannelKind };

export function findInbox(
	context: HandlerContext,
	id: number = Number(context.params.inbox_id),
): InboxRecord {
	const inbox = context.store.inAccount(context.store.inboxes, context.accountId, id);
	if (!inbox) throw notFound(`Inbox ${id} not found`);
	return inbox;
}

function validTimezone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** Problems with the settings and channel fields of a create or update (`kind`: the inbox's channel type). */
function inboxProblems(
	context: HandlerContext,
	kind: ChannelKind,
	body: Record<string, unknown>,
	self?: InboxRecord,
): ErrorDetails {
	const details: ErrorDetails = {};
	if (typeof body.timezone === 'string' && !validTimezone(body.timezone))
		details.timezone = ['is not a valid IANA time zone, e.g. Europe/Berlin'];
	const channel = (body.channel ?? {}) as Channel;
	for (const field of Object.keys(channel)) {
		if (field !== 'type' && !CHANNEL_FIELDS[kind].includes(field))
			details[`channel.${field}`] = [`does not apply to ${kind} inboxes`];
	}
	// a WhatsApp or SMS number, and an email inbox's address, belong to one inbox of the account
	const unique =
		kind === 'email' ? 'email' : kind === 'whatsapp' || kind === 'sms' ? 'phone_number' : undefined;
	const value = unique ? channel[unique] : undefined;
	if (unique && typeof value === 'string') {
		const holder = context.store
			.ofAccount('inboxes', context.accountId)
			.find(
				(inbox) =>
					inbox.channel_kind === kind &&
					inbox.id !== self?.id &&
					(unique === 'email'
						? inbox.email?.toLowerCase() === value.toLowerCase()
						: inbox.phone_number === value),
			);
		if (holder) details[`channel.${unique}`] = [`has already been taken (inbox ${holder.id})`];
	}
	return details;
}

/** The record fields a `channel{…}` object sets. */
function channelPatch(channel: Channel): Partial<InboxRecord> {
	const patch: Partial<InboxRecord> = {};
	for (const field of [
		'webhook_url',
		'website_url',
		'widget_color',
		'welcome_title',
		'welcome_tagline',
		'email',
		'phone_number',
		'provider',
		'line_channel_id',
	] as const) {
		if (channel[field] !== undefined) (patch as Record<string, unknown>)[field] = channel[field];
	}
	// Chatwoot asks Telegram for the bot's name; the simulator makes one up from the token's bot id.
	if (typeof channel.bot_token === 'string')
		patch.bot_name = `huechat_${channel.bot_token.split(':')[0]}_bot`;
	return patch;
}

function settingsPatch(body: Record<string, unknown>): Partial<InboxRecord> {
	const patch: Record<string, unknown> = {};
	for (const field of SETTINGS) if (body[field] !== undefined) patch[field] = body[field];
	return patch as Partial<InboxRecord>;
}

function getMany(context: HandlerContext) {
	return ok({ payload: context.store.ofAccount('inboxes', context.accountId).map(inboxView) });
}

function get(context: HandlerContext) {
	return ok(inboxView(findInbox(context)));
}

function create(context: HandlerContext) {
	const { store, accountId, now, body } = context;
	const channel = body.channel as Channel & { type: ChannelKind };
	const details = inboxProblems(context, channel.type, body);
	if (Object.keys(details).length > 0) throw validationFailed(details);
	const sameType = store
		.ofAccount('inboxes', accountId)
		.filter((inbox) => inbox.channel_kind === channel.type);
	const inbox = store.insertInbox({
		account_id: accountId,
		name: String(body.name),
		channel_kind: channel.type,
		channel_type: CHANNEL_TYPES[channel.type],
		channel_id: Math.max(0, ...sameType.map((inbox) => inbox.channel_id)) + 1,
		provider: channel.type === 'whatsapp' ? String(channel.provider ?? 'whatsapp_cloud') : null,
		avatar_url: '',
		greeting_enabled: false,
		greeting_message: null,
		enable_auto_assignment: true,
		timezone: 'UTC',
		phone_number: null,
		website_url: null,
		webhook_url: null,
		created_at: now,
		updated_at: now,
		member_ids: [],
		...settingsPatch(body),
		...channelPatch(channel),
	});
	const view = inboxView(inbox);
	// not a docs/contract.md §4 event: only v1 account webhooks deliver it (inbox_created)
	context.emit('inbox.created', view);
	return created(view);
}

function update(context: HandlerContext) {
	const { store, now, body } = context;
	const inbox = findInbox(context);
	const details = inboxProblems(context, inbox.channel_kind, body, inbox);
	if (Object.keys(details).length > 0) throw validationFailed(details);
	const before = JSON.stringify(inboxView(inbox));
	store.updateInbox(inbox, {
		...settingsPatch(body),
		...channelPatch((body.channel ?? {}) as Channel),
		updated_at: now,
	});
	const view = inboxView(inbox);
	// v1's inbox_updated, skipped when nothing changed (as Chatwoot does)
	if (JSON.stringify(view) !== before) context.emit('inbox.updated', view);
	return ok(view);
}

function remove(context: HandlerContext) {
	context.store.deleteInbox(findInbox(context));
	return noContent();
}

// ---- members -------------------------------------------------------------------------------------

function membersView(context: HandlerContext, inbox: InboxRecord) {
	return ok({
		payload: agentsOf(context, inbox.member_ids ?? []).map((user) =>
			agentView(user, context.accountId),
		),
	});
}

/** `inbox_id` and `user_ids` of a member request: the inbox must exist (404), the users be agents of the account (422). */
function memberRequest(context: HandlerContext): { inbox: InboxRecord; userIds: number[] } {
	const inbox = findInbox(context, Number(context.body.inbox_id));
	const userIds = [...new Set(context.body.user_ids as number[])];
	const unknown = unknownAgents(context, userIds);
	if (unknown.length > 0)
		throw validationFailed({ user_ids: [`are not agents of this account: ${unknown.join(', ')}`] });
	return { inbox, userIds };
}

function getAgents(context: HandlerContext) {
	return membersView(context, findInbox(context));
}

function addAgents(context: HandlerContext) {
	const { inbox, userIds } = memberRequest(context);
	const members = inbox.member_ids ?? [];
	context.store.updateInbox(inbox, {
		member_ids: [...members, ...userIds.filter((id) => !members.includes(id))],
	});
	return membersView(context, inbox);
}

function setAgents(context: HandlerContext) {
	const { inbox, userIds } = memberRequest(context);
	context.store.updateInbox(inbox, { member_ids: userIds });
	return membersView(context, inbox);
}

function removeAgents(context: HandlerContext) {
	const { inbox, userIds } = memberRequest(context);
	context.store.updateInbox(inbox, {
		member_ids: (inbox.member_ids ?? []).filter((id) => !userIds.includes(id)),
	});
	return membersView(context, inbox);
}

export const inboxHandlers: HandlerMap = {
	'inbox.getMany': getMany,
	'inbox.get': get,
	'inbox.create': create,
	'inbox.update': update,
	'inbox.delete': remove,
	'inbox.getAgents': getAgents,
	'inbox.addAgents': addAgents,
	'inbox.setAgents': setAgents,
	'inbox.removeAgents': removeAgents,
};
