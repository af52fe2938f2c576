// Deterministic demo data for the v2 resources, added after the v1 seed (it reads the account's inboxes,
// teams, users, contacts and conversations from the store): WhatsApp templates in every status, contact
// lists with members, broadcasts in several states, two pipelines with stages, deals with external ids
// and decimal values, tickets with comments and two AI agents. UUIDs come from a seeded PRNG.
import { prng, uuidFrom } from './seed.ts';
import type {
	BroadcastRecord,
	DealStatus,
	Store,
	TemplateComponent,
	TemplateRecord,
	TicketStatus,
} from './store.ts';
import { deliveryStats, audienceOf } from './resources/broadcast.ts';

const DAY = 86_400;

function iso(seconds: number): string {
	return new Date(seconds * 1000).toISOString();
}

interface TemplateSeed {
	name: string;
	language: string;
	category: TemplateRecord['category'];
	status: TemplateRecord['status'];
	components: TemplateComponent[];
	rejected_reason?: string;
}

const TEMPLATES: TemplateSeed[] = [
	{
		name: 'order_update',
		language: 'en_US',
		category: 'utility',
		status: 'approved',
		components: [
			{ type: 'header', format: 'text', text: 'Order update' },
			{ type: 'body', text: 'Hi {{1}}, your order {{2}} has shipped and arrives in 3 days.' },
			{ type: 'footer', text: 'HueChat Demo Store' },
			{
				type: 'buttons',
				buttons: [
					{
						type: 'url',
						text: 'Track order',
						url: 'https://shop.huechat-demo.test/track/{{1}}',
						example: 'A1234',
					},
				],
			},
		],
	},
	{
		name: 'spring_sale',
		language: 'en_US',
		category: 'marketing',
		status: 'approved',
		components: [
			{ type: 'header', format: 'image' },
			{
				type: 'body',
				text: 'Hi {{1}}, enjoy 20% off everything this week with code {{2}}. See you soon!',
			},
			{
				type: 'buttons',
				buttons: [
					{ type: 'quick_reply', text: 'Show me' },
					{ type: 'quick_reply', text: 'Stop promotions' },
				],
			},
		],
	},
	{
		name: 'login_code',
		language: 'en_US',
		category: 'authentication',
		status: 'approved',
		components: [
			{
				type: 'body',
				text: '{{1}} is your verification code. For your security, do not share this code.',
			},
			{ type: 'buttons', buttons: [{ type: 'otp', text: 'Copy code' }] },
		],
	},
	{
		name: 'welcome_offer',
		language: 'es_ES',
		category: 'marketing',
		status: 'pending',
		components: [
			{ type: 'body', text: 'Hola {{1}}, bienvenido. Tu primer pedido tiene envío gratis.' },
		],
	},
	{
		name: 'winback_promo',
		language: 'en_US',
		category: 'marketing',
		status: 'rejected',
		rejected_reason: 'INVALID_FORMAT: the body can not start or end with a variable',
		components: [{ type: 'body', text: 'We miss you! Come back for {{1}}' }],
	},
	{
		name: 'survey_invite',
		language: 'en_US',
		category: 'utility',
		status: 'paused',
		components: [
			{ type: 'body', text: 'Hi {{1}}, how was your last conversation with us? Reply 1 to 5.' },
		],
	},
	{
		name: 'legacy_notice',
		language: 'en_GB',
		category: 'utility',
		status: 'disabled',
		components: [{ type: 'body', text: 'Hello {{1}}, our opening hours change from next Monday.' }],
	},
];

const PIPELINES = [
	{
		name: 'Sales',
		stages: [
			['Lead', 10],
			['Qualified', 30],
			['Proposal', 60],
			['Negotiation', 80],
			['Closing', 90],
		],
	},
	{
		name: 'Partnerships',
		stages: [
			['Intro call', 20],
			['Evaluation', 50],
			['Contract', 80],
		],
	},
] as const;

const DEAL_TITLES = [
	'Annual plan',
	'Team upgrade',
	'Onboarding package',
	'WhatsApp add-on',
	'Enterprise pilot',
	'Reseller agreement',
	'Support retainer',
];
const DEAL_VALUES = [
	'1250.00',
	'980.50',
	'15000.00',
	'249.99',
	'72000.00',
	'3100.10',
	'640.00',
	'12.05',
];
const CURRENCIES = ['USD', 'EUR', 'AED', 'GBP'];
const TICKET_SUBJECTS = [
	'Refund not received',
	'Cannot log in to the dashboard',
	'Invoice shows the wrong VAT number',
	'Delivery to Lagos delayed',
	'Feature request: export to CSV',
	'Payment failed twice',
	'Change of billing address',
	'WhatsApp number verification',
	'Bulk import of contacts failed',
	'Question about the premium plan',
];
const TICKET_STATUSES: TicketStatus[] = ['open', 'open', 'pending', 'on_hold', 'solved', 'closed'];
const PRIORITIES = [null, 'low', 'medium', 'high', 'urgent'] as const;

/** Adds the v2 demo data for the account; the v1 seed must have run. */
export function seedV2(store: Store, accountId: number, epoch: number): void {
	const random = prng(0x2e5e2);
	const uuid = () => uuidFrom(random);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const inboxes = [...store.inboxes.values()].filter((inbox) => inbox.account_id === accountId);
	const whatsapp = inboxes.find((inbox) => inbox.channel_kind === 'whatsapp') ?? inboxes[0];
	const teams = [...store.teams.values()].filter((team) => team.account_id === accountId);
	const userIds = [...store.users.values()]
		.filter((user) => accountId in user.roles)
		.map((user) => user.id);
	const contacts = [...store.contacts.values()].filter(
		(contact) => contact.account_id === accountId,
	);
	const conversations = [...store.conversations.values()].filter(
		(conversation) => conversation.account_id === accountId,
	);
	if (!whatsapp) return;

	// templates
	const templates = TEMPLATES.map((seed, index) => {
		const at = epoch - (120 - index * 10) * DAY;
		return store.insertV2('templates', {
			id: uuid(),
			account_id: accountId,
			inbox_id: whatsapp.id,
			name: seed.name,
			language: seed.language,
			category: seed.category,
			status: seed.status,
			rejected_reason: seed.rejected_reason ?? null,
			components: seed.components,
			created_at: iso(at),
			updated_at: iso(at + DAY),
			review_ends_at: null,
		});
	});

	// contact lists: VIPs (label vip), the first 120 contacts, and an empty one
	const listAt = epoch - 90 * DAY;
	const vip = store.insertV2('contact_lists', {
		id: uuid(),
		account_id: accountId,
		name: 'VIP customers',
		description: 'Contacts labelled vip',
		contact_ids: contacts
			.filter((contact) => contact.labels.includes('vip'))
			.map((contact) => contact.id),
		created_at: listAt,
		updated_at: listAt,
	});
	const newsletter = store.insertV2('contact_lists', {
		id: uuid(),
		account_id: accountId,
		name: 'Newsletter subscribers',
		description: 'Opted in to the monthly newsletter',
		contact_ids: contacts.slice(0, 120).map((contact) => contact.id),
		created_at: listAt + DAY,
		updated_at: listAt + DAY,
	});
	store.insertV2('contact_lists', {
		id: uuid(),
		account_id: accountId,
		name: 'Trade fair 2026 leads',
		description: null,
		contact_ids: [],
		created_at: listAt + 2 * DAY,
		updated_at: listAt + 2 * DAY,
	});

	// broadcasts: completed, failed, scheduled (2030) and draft
	const [orderUpdate, springSale] = templates;
	const broadcastBase = (
		name: string,
		at: number,
	): Omit<BroadcastRecord, 'status' | 'template_id' | 'audience' | 'template_variables'> => ({
		id: uuid(),
		account_id: accountId,
		name,
		inbox_id: whatsapp.id,
		scheduled_at: null,
		started_at: null,
		completed_at: null,
		cancelled_at: null,
		failure_reason: null,
		stats: { recipients: 0, sent: 0, delivered: 0, read: 0, replied: 0, failed: 0 },
		created_at: iso(at),
		updated_at: iso(at),
		finishes_at: null,
	});
	const sentAt = epoch - 30 * DAY;
	const completedAudience = { contact_list_ids: [newsletter.id], labels: [] };
	store.insertV2('broadcasts', {
		...broadcastBase('Spring sale 2026', sentAt - DAY),
		status: 'completed',
		template_id: springSale.id,
		template_variables: { '1': '{{contact.name}}', '2': 'SPRING20' },
		audience: completedAudience,
		scheduled_at: iso(sentAt),
		started_at: iso(sentAt),
		completed_at: iso(sentAt + 600),
		stats: deliveryStats(audienceOf(store, accountId, completedAudience)),
		updated_at: iso(sentAt + 600),
	});
	store.insertV2('broadcasts', {
		...broadcastBase('Shipping notice (failed)', sentAt),
		status: 'failed',
		template_id: orderUpdate.id,
		template_variables: {},
		audience: { contact_list_ids: [], labels: ['no-such-label'] },
		started_at: iso(sentAt + DAY),
		completed_at: iso(sentAt + DAY + 5),
		failure_reason: 'The audience has no contacts',
		updated_at: iso(sentAt + DAY + 5),
	});
	store.insertV2('broadcasts', {
		...broadcastBase('New year 2030 greetings', epoch - 2 * DAY),
		status: 'scheduled',
		template_id: springSale.id,
		template_variables: { '1': '{{contact.name}}', '2': 'NY2030' },
		audience: { contact_list_ids: [vip.id], labels: ['customer'] },
		scheduled_at: '2030-01-01T09:00:00.000Z',
	});
	store.insertV2('broadcasts', {
		...broadcastBase('VIP preview (draft)', epoch - DAY),
		status: 'draft',
		template_id: springSale.id,
		template_variables: { '1': '{{contact.name}}', '2': 'VIPEARLY' },
		audience: { contact_list_ids: [vip.id], labels: [] },
	});

	// pipelines with stages
	const pipelines = PIPELINES.map((seed, index) =>
		store.insertV2('pipelines', {
			id: uuid(),
			account_id: accountId,
			name: seed.name,
			position: index + 1,
			stages: seed.stages.map(([name, probability], position) => ({
				id: uuid(),
				name,
				position: position + 1,
				probability,
			})),
			created_at: epoch - 200 * DAY,
			updated_at: epoch - 200 * DAY,
		}),
	);

	// deals: 16 across both pipelines, external ids crm-1001.., exact decimal values
	for (let i = 0; i < 16; i++) {
		const pipeline = pipelines[i % 4 === 3 ? 1 : 0];
		const stage = pick(pipeline.stages);
		const status: DealStatus = i % 7 === 5 ? 'won' : i % 7 === 6 ? 'lost' : 'open';
		const at = epoch - (80 - i * 4) * DAY;
		store.insertV2('deals', {
			id: uuid(),
			account_id: accountId,
			title: `${pick(DEAL_TITLES)} #${i + 1}`,
			value: DEAL_VALUES[i % DEAL_VALUES.length],
			currency: CURRENCIES[i % CURRENCIES.length],
			pipeline_id: pipeline.id,
			stage_id: stage.id,
			status,
			contact_id: contacts.length ? contacts[(i * 13) % contacts.length].id : null,
			owner_id: userIds.length ? userIds[i % userIds.length] : null,
			expected_close_at: epoch + (i + 1) * 7 * DAY,
			external_id: i % 5 === 4 ? null : `crm-${1001 + i}`,
			lost_reason: status === 'lost' ? 'Chose a competitor' : null,
			closed_at: status === 'open' ? null : at + 10 * DAY,
			custom_attributes: i % 3 === 0 ? { source: 'website' } : {},
			created_at: at,
			updated_at: status === 'open' ? at : at + 10 * DAY,
		});
	}

	// tickets with a few comments
	if (contacts.length > 0) {
		TICKET_SUBJECTS.forEach((subject, i) => {
			const status = TICKET_STATUSES[i % TICKET_STATUSES.length];
			const at = epoch - (40 - i * 3) * DAY;
			const conversation = conversations[(i * 11) % Math.max(1, conversations.length)];
			const ticket = store.insertV2('tickets', {
				id: uuid(),
				number: store.nextId(`ticket_number:${accountId}`),
				account_id: accountId,
				subject,
				description: `${subject}. Reported by the customer; see the linked conversation.`,
				status,
				priority: PRIORITIES[i % PRIORITIES.length],
				contact_id: conversation?.contact_id ?? contacts[i % contacts.length].id,
				conversation_id: conversation?.display_id ?? null,
				assignee_id: i % 3 === 0 ? null : (userIds[i % userIds.length] ?? null),
				team_id: teams.length ? teams[i % teams.length].id : null,
				labels: i % 2 === 0 ? ['billing'] : [],
				custom_attributes: {},
				due_at: at + 5 * DAY,
				solved_at: status === 'solved' || status === 'closed' ? at + 2 * DAY : null,
				closed_at: status === 'closed' ? at + 3 * DAY : null,
				created_at: at,
				updated_at: at + DAY,
			});
			for (let c = 0; c < i % 3; c++) {
				store.insertV2('ticket_comments', {
					id: uuid(),
					account_id: accountId,
					ticket_id: ticket.id,
					content:
						c === 0 ? 'Asked the customer for the order number.' : 'Escalated to the billing team.',
					private: c === 1,
					author_id: userIds[(i + c) % userIds.length] ?? 1,
					created_at: at + (c + 1) * 3600,
				});
			}
		});
	}

	// AI agents: one active on the website and WhatsApp inboxes (answering the first conversation it may), one paused
	const website = inboxes.find((inbox) => inbox.channel_kind === 'web_widget');
	const served = [website?.id, whatsapp.id].filter((id): id is number => id !== undefined);
	const support = teams.find((team) => team.name === 'support') ?? teams[0];
	const answered = conversations.find((conversation) => served.includes(conversation.inbox_id));
	store.insertV2('ai_agents', {
		id: uuid(),
		account_id: accountId,
		name: 'Aria',
		instructions:
			'You are Aria, the HueChat Demo Store assistant. Answer questions about orders, shipping and payments. Hand over to a human for refunds.',
		inbox_ids: served,
		handoff_team_id: support?.id ?? null,
		status: 'active',
		conversations: answered
			? [{ conversation_id: answered.display_id, started_at: answered.created_at }]
			: [],
		created_at: epoch - 60 * DAY,
		updated_at: epoch - 60 * DAY,
	});
	store.insertV2('ai_agents', {
		id: uuid(),
		account_id: accountId,
		name: 'Night shift',
		instructions:
			'Answer outside office hours; collect the question and promise a reply the next morning.',
		inbox_ids: [],
		handoff_team_id: null,
		status: 'paused',
		conversations: [],
		created_at: epoch - 20 * DAY,
		updated_at: epoch - 20 * DAY,
	});
}
