// Deterministic demo data: the same store on every start for the same contact count (seeded PRNG,
// fixed clock). Account 1 "HueChat Demo", its administrator (the demo token's user), three agents,
// two teams, three inboxes (with members), `contacts` contacts and about 100 conversations with 1–6
// messages each; then ten labels, four canned responses and four custom attribute definitions.
import {
	MESSAGE_TYPE,
	type ConversationPriority,
	type ConversationStatus,
	type InboxRecord,
	type MessageTypeNumber,
	type Store,
} from './store.ts';
import { seedV2 } from './seedV2.ts';

export const DEMO_TOKEN = 'hc_test_demo_0000000000000000';
export const DEMO_ACCOUNT_ID = 1;
export const DEFAULT_CONTACTS = 300;
export const SEED_CONVERSATIONS = 100;
/** The seeded data ends at 2026-01-01T00:00:00Z. */
export const SEED_EPOCH = 1_767_225_600;

const DAY = 86_400;

/** mulberry32: small, fast, good enough for demo data. */
export function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export function uuidFrom(random: () => number): string {
	const hex: string[] = [];
	for (let i = 0; i < 32; i++) hex.push(Math.floor(random() * 16).toString(16));
	hex[12] = '4';
	hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	const s = hex.join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const FIRST_NAMES = [
	'Sarah',
	'Omar',
	'Lena',
	'Diego',
	'Aisha',
	'Ken',
	'Maya',
	'Lucas',
	'Fatima',
	'Noah',
	'Priya',
	'Jonas',
	'Chloe',
	'Mateo',
	'Yuki',
	'Amara',
	'Ethan',
	'Zara',
	'Liam',
	'Sofia',
	'Arjun',
	'Ines',
	'Hugo',
	'Leila',
	'Oscar',
	'Mei',
	'Tariq',
	'Elena',
	'Kwame',
	'Nora',
	'Rafael',
	'Hana',
	'Felix',
	'Amina',
	'Victor',
	'Julia',
	'Samir',
	'Clara',
	'Tomás',
	'Ava',
];
const LAST_NAMES = [
	'Ahmed',
	'Schmidt',
	'Garcia',
	'Tanaka',
	'Okafor',
	'Rossi',
	'Novak',
	'Silva',
	'Kim',
	'Haddad',
	'Müller',
	'Patel',
	'Dubois',
	'Costa',
	'Nguyen',
	'Jensen',
	'Moreau',
	'Santos',
	'Ivanova',
	'Mensah',
	'Larsen',
	'Khan',
	'Fischer',
	'Alvarez',
	'Sato',
	'Brown',
	'Lopez',
	'Cohen',
	'Wilson',
	'Nakamura',
];
const COMPANIES = [
	'Acme Corp',
	'Globex',
	'Initech',
	'Umbrella Retail',
	'Stark Logistics',
	'Wayne Foods',
	'Hooli',
	'Vandelay Imports',
	'Soylent Labs',
	'Tyrell Health',
	'Cyberdyne Travel',
	'Wonka Sweets',
	'Pied Piper',
	'Oscorp Energy',
	'Aperture Studio',
];
const PLACES: readonly [city: string, country: string, countryCode: string, dialCode: string][] = [
	['Dubai', 'United Arab Emirates', 'AE', '+9715'],
	['Berlin', 'Germany', 'DE', '+4915'],
	['Madrid', 'Spain', 'ES', '+346'],
	['Tokyo', 'Japan', 'JP', '+8190'],
	['Lagos', 'Nigeria', 'NG', '+23480'],
	['Milan', 'Italy', 'IT', '+393'],
	['São Paulo', 'Brazil', 'BR', '+55119'],
	['Mumbai', 'India', 'IN', '+919'],
	['London', 'United Kingdom', 'GB', '+447'],
	['New York', 'United States', 'US', '+1212'],
	['Paris', 'France', 'FR', '+336'],
	['Seoul', 'South Korea', 'KR', '+8210'],
];
const CONTACT_LABELS = ['vip', 'lead', 'customer', 'churn-risk', 'partner'];
const CONVERSATION_LABELS = ['billing', 'bug', 'sales', 'feedback', 'vip', 'onboarding'];
const INCOMING = [
	'Hi, I have a question about my order.',
	'Can you help me change my delivery address?',
	'My payment failed twice, what should I do?',
	'Is the premium plan available in my country?',
	'The app crashes when I open the settings page.',
	'Thanks! That solved it.',
	'Do you ship to Lagos?',
	'I would like a refund for order #4411.',
	'How do I add a second WhatsApp number?',
	'Can I talk to someone from sales?',
];
const OUTGOING = [
	'Hello! Happy to help. Could you share your order number?',
	'I have updated the address for you.',
	'Please try again with another card; I have reset the payment.',
	'Yes, premium is available everywhere we operate.',
	'Thanks for the report, our team is looking into it.',
	'You are welcome! Anything else I can do?',
	'Yes, we ship to Lagos within 5 business days.',
	'The refund has been issued; it takes 3–5 days to appear.',
	'You can add it under Settings → Inboxes.',
	'I have looped in our sales team, they will reply shortly.',
];

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)];
}

function sampleLabels(random: () => number, labels: readonly string[], max: number): string[] {
	const count = Math.floor(random() * (max + 1));
	const chosen = new Set<string>();
	while (chosen.size < count) chosen.add(pick(random, labels));
	return [...chosen].sort();
}

export interface SeedResult {
	accountId: number;
	demoToken: string;
}

/** Fills an empty store. */
export function seedStore(store: Store, options: { contacts?: number } = {}): SeedResult {
	const contactCount = Math.max(0, Math.floor(options.contacts ?? DEFAULT_CONTACTS));
	const random = prng(0x4875e5);

	const account = store.insertAccount({
		name: 'HueChat Demo',
		locale: 'en',
		status: 'active',
		created_at: SEED_EPOCH - 400 * DAY,
	});
	const userBase = {
		display_name: null,
		auto_offline: true,
		confirmed: true,
		thumbnail: '',
		custom_attributes: {},
	};
	const admin = store.insertUser({
		...userBase,
		name: 'Dana Admin',
		email: 'admin@huechat-demo.test',
		roles: { [account.id]: 'administrator' },
		availability: 'online',
		created_at: SEED_EPOCH - 400 * DAY,
	});
	const agents = [
		store.insertUser({
			...userBase,
			name: 'Ravi Agent',
			email: 'ravi@huechat-demo.test',
			roles: { [account.id]: 'agent' },
			availability: 'online',
			created_at: SEED_EPOCH - 300 * DAY,
		}),
		store.insertUser({
			...userBase,
			name: 'Mina Agent',
			email: 'mina@huechat-demo.test',
			roles: { [account.id]: 'agent' },
			availability: 'busy',
			created_at: SEED_EPOCH - 200 * DAY,
		}),
		store.insertUser({
			...userBase,
			name: 'Theo Agent',
			email: 'theo@huechat-demo.test',
			roles: { [account.id]: 'agent' },
			availability: 'offline',
			created_at: SEED_EPOCH - 100 * DAY,
		}),
	];
	const assignable = [admin, ...agents];

	const inboxBase = {
		account_id: account.id,
		avatar_url: '',
		greeting_enabled: false,
		greeting_message: null,
		enable_auto_assignment: true,
		timezone: 'UTC',
		phone_number: null,
		website_url: null,
		webhook_url: null,
		created_at: SEED_EPOCH - 390 * DAY,
	};
	const inboxes: InboxRecord[] = [
		store.insertInbox({
			...inboxBase,
			name: 'API',
			channel_kind: 'api',
			channel_type: 'Channel::Api',
			channel_id: 1,
			provider: null,
			webhook_url: 'https://example.com/huechat-inbox',
			member_ids: [admin.id, agents[0].id],
		}),
		store.insertInbox({
			...inboxBase,
			name: 'Website',
			channel_kind: 'web_widget',
			channel_type: 'Channel::WebWidget',
			channel_id: 1,
			provider: null,
			website_url: 'https://www.huechat-demo.test',
			greeting_enabled: true,
			greeting_message: 'Hi there! How can we help?',
			widget_color: '#1f93ff',
			welcome_title: 'Hi there!',
			welcome_tagline: 'We reply within minutes.',
			member_ids: agents.map((agent) => agent.id),
		}),
		store.insertInbox({
			...inboxBase,
			name: 'WhatsApp',
			channel_kind: 'whatsapp',
			channel_type: 'Channel::Whatsapp',
			channel_id: 1,
			provider: 'whatsapp_cloud',
			phone_number: '+971500000001',
			member_ids: [agents[1].id, agents[2].id],
		}),
	];

	const teams = [
		store.insertTeam({
			account_id: account.id,
			name: 'sales',
			description: 'New business and upgrades',
			allow_auto_assign: true,
			member_ids: [admin.id, agents[0].id],
			created_at: SEED_EPOCH - 380 * DAY,
		}),
		store.insertTeam({
			account_id: account.id,
			name: 'support',
			description: 'Orders, payments and bugs',
			allow_auto_assign: true,
			member_ids: [agents[1].id, agents[2].id],
			created_at: SEED_EPOCH - 380 * DAY,
		}),
	];

	// Contacts: ids 1..n, created over the year before SEED_EPOCH in id order.
	const span = 365 * DAY;
	const contactIds: number[] = [];
	for (let i = 1; i <= contactCount; i++) {
		const first = pick(random, FIRST_NAMES);
		const last = pick(random, LAST_NAMES);
		const [city, country, countryCode, dial] = pick(random, PLACES);
		const createdAt = SEED_EPOCH - span + Math.floor((i * span) / (contactCount + 1));
		const localPart = `${first}.${last}`
			.toLowerCase()
			.normalize('NFD')
			.replace(/[^a-z.]/g, '');
		const contact = store.insertContact({
			account_id: account.id,
			name: `${first} ${last}`,
			email: `${localPart}.${i}@example.com`,
			// unique by construction: the dial prefix, then the contact number padded to 7 digits
			phone_number: `${dial}${String(i).padStart(7, '0')}`,
			identifier: `cust_${String(i).padStart(6, '0')}`,
			blocked: random() < 0.02,
			thumbnail: '',
			availability_status: 'offline',
			additional_attributes: {
				city,
				country,
				country_code: countryCode,
				company_name: pick(random, COMPANIES),
				description: '',
			},
			custom_attributes:
				random() < 0.3 ? { plan: pick(random, ['free', 'starter', 'pro', 'enterprise']) } : {},
			labels: sampleLabels(random, CONTACT_LABELS, 2),
			created_at: createdAt,
			updated_at: createdAt,
			last_activity_at: random() < 0.75 ? createdAt + Math.floor(random() * 30 * DAY) : null,
		});
		contactIds.push(contact.id);
	}

	// Conversations with 1–6 messages each, alternating incoming and outgoing.
	const conversationCount = contactCount === 0 ? 0 : SEED_CONVERSATIONS;
	const statuses: ConversationStatus[] = [
		'open',
		'open',
		'open',
		'open',
		'open',
		'resolved',
		'resolved',
		'pending',
		'pending',
		'snoozed',
	];
	const priorities: (ConversationPriority | null)[] = [
		null,
		null,
		null,
		'low',
		'medium',
		'high',
		'urgent',
	];
	for (let i = 0; i < conversationCount; i++) {
		const contactId = contactIds[(i * 7919) % contactIds.length];
		const contact = store.contacts.get(contactId);
		if (!contact) continue;
		const inbox = inboxes[i % inboxes.length];
		const sourceId =
			inbox.channel_kind === 'whatsapp'
				? (contact.phone_number ?? '').replace('+', '')
				: uuidFrom(random);
		const contactInbox =
			store.contactInboxesOf(contactId).find((item) => item.inbox_id === inbox.id) ??
			store.insertContactInbox({
				contact_id: contactId,
				inbox_id: inbox.id,
				source_id: sourceId,
				hmac_verified: false,
				created_at: contact.created_at,
			});
		const status = pick(random, statuses);
		const startedAt =
			SEED_EPOCH -
			60 * DAY +
			Math.floor((i * 60 * DAY) / conversationCount) +
			Math.floor(random() * 3600);
		const assignee = random() < 0.3 ? null : pick(random, assignable);
		const conversation = store.insertConversation({
			uuid: uuidFrom(random),
			account_id: account.id,
			inbox_id: inbox.id,
			contact_id: contactId,
			contact_inbox_id: contactInbox.id,
			status,
			priority: pick(random, priorities),
			assignee_id: assignee?.id ?? null,
			team_id: random() < 0.5 ? null : pick(random, teams).id,
			labels: sampleLabels(random, CONVERSATION_LABELS, 2),
			additional_attributes:
				inbox.channel_kind === 'web_widget'
					? {
							browser: { browser_name: 'Firefox', platform_name: 'Linux' },
							referer: 'https://www.huechat-demo.test/pricing',
						}
					: {},
			custom_attributes: {},
			muted: false,
			snoozed_until: status === 'snoozed' ? SEED_EPOCH + 7 * DAY : null,
			unread_count: 0,
			created_at: startedAt,
			updated_at: startedAt,
			last_activity_at: startedAt,
			first_reply_created_at: null,
			waiting_since: null,
			agent_last_seen_at: null,
			assignee_last_seen_at: null,
			contact_last_seen_at: null,
			sla_policy_id: null,
		});
		const messageCount = 1 + Math.floor(random() * 6);
		let at = startedAt;
		let unread = 0;
		let firstReply: number | null = null;
		let waitingSince: number | null = null;
		let lastAt = startedAt;
		for (let m = 0; m < messageCount; m++) {
			const type: MessageTypeNumber = m % 2 === 0 ? MESSAGE_TYPE.incoming : MESSAGE_TYPE.outgoing;
			const sender =
				type === MESSAGE_TYPE.incoming
					? { sender_type: 'Contact' as const, sender_id: contactId }
					: { sender_type: 'User' as const, sender_id: (assignee ?? admin).id };
			store.insertMessage({
				account_id: account.id,
				inbox_id: inbox.id,
				conversation_id: conversation.id,
				content: pick(random, type === MESSAGE_TYPE.incoming ? INCOMING : OUTGOING),
				message_type: type,
				content_type: 'text',
				content_attributes: {},
				private: false,
				status:
					type === MESSAGE_TYPE.incoming
						? 'sent'
						: pick(random, ['sent', 'delivered', 'read'] as const),
				source_id:
					inbox.channel_kind === 'whatsapp' ? `wamid.${uuidFrom(random).replace(/-/g, '')}` : null,
				echo_id: null,
				...sender,
				additional_attributes: {},
				created_at: at,
				updated_at: at,
			});
			lastAt = at;
			if (type === MESSAGE_TYPE.incoming) {
				unread += 1;
				waitingSince ??= at;
			} else {
				unread = 0;
				firstReply ??= at;
				waitingSince = null;
			}
			at += 60 + Math.floor(random() * 3600);
		}
		store.updateConversation(conversation, {
			unread_count: unread,
			first_reply_created_at: firstReply,
			waiting_since: waitingSince,
			last_activity_at: lastAt,
			updated_at: lastAt,
		});
	}

	seedSettings(store, account.id);

	seedV2(store, account.id, SEED_EPOCH);

	return { accountId: account.id, demoToken: DEMO_TOKEN };
}

/** Labels (every title the seed uses), canned responses and custom attribute definitions; no randomness. */
function seedSettings(store: Store, accountId: number): void {
	const at = SEED_EPOCH - 370 * DAY;
	const colors = ['#1f93ff', '#f5a623', '#44ce4b', '#e0245e', '#8e44ad'];
	const descriptions: Record<string, string> = {
		billing: 'Payments, invoices and refunds',
		bug: 'Something does not work',
		'churn-risk': 'Customers who may leave',
		vip: 'Our most valued customers',
	};
	[...new Set([...CONTACT_LABELS, ...CONVERSATION_LABELS])].sort().forEach((title, index) => {
		store.insertPlain('labels', {
			account_id: accountId,
			title,
			description: descriptions[title] ?? null,
			color: colors[index % colors.length],
			show_on_sidebar: true,
			created_at: at,
			updated_at: at,
		});
	});
	const canned: [string, string][] = [
		['greeting', 'Hello {{contact.name}}, thanks for reaching out! How can we help today?'],
		[
			'refund',
			'The refund has been issued; it takes 3–5 business days to appear on your statement.',
		],
		['shipping', 'We ship within 5 business days; you will get a tracking link by email.'],
		['goodbye', 'Glad we could help. Have a great day!'],
	];
	for (const [shortCode, content] of canned) {
		store.insertPlain('canned_responses', {
			account_id: accountId,
			short_code: shortCode,
			content,
			created_at: at,
			updated_at: at,
		});
	}
	const definition = {
		account_id: accountId,
		attribute_description: null,
		attribute_values: [],
		regex_pattern: null,
		regex_cue: null,
		default_value: null,
		created_at: at,
		updated_at: at,
	};
	store.insertPlain('custom_attribute_definitions', {
		...definition,
		attribute_display_name: 'Plan',
		attribute_key: 'plan',
		attribute_display_type: 'list',
		attribute_model: 'contact_attribute',
		attribute_description: 'The subscription plan',
		attribute_values: ['free', 'starter', 'pro', 'enterprise'],
	});
	store.insertPlain('custom_attribute_definitions', {
		...definition,
		attribute_display_name: 'Signup Date',
		attribute_key: 'signup_date',
		attribute_display_type: 'date',
		attribute_model: 'contact_attribute',
	});
	store.insertPlain('custom_attribute_definitions', {
		...definition,
		attribute_display_name: 'Order Number',
		attribute_key: 'order_number',
		attribute_display_type: 'text',
		attribute_model: 'conversation_attribute',
		regex_pattern: '^[0-9]{4,}$',
		regex_cue: 'Digits only, e.g. 4411',
	});
	store.insertPlain('custom_attribute_definitions', {
		...definition,
		attribute_display_name: 'Refund Amount',
		attribute_key: 'refund_amount',
		attribute_display_type: 'currency',
		attribute_model: 'conversation_attribute',
	});
}
