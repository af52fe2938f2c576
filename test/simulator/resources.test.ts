// Shapes, pagination and behaviour of this slice's endpoints (profile, contacts, conversations,
// messages). Every answer is also checked against the OpenAPI document by the `api` helper.
import { startSimulator, type Simulator } from '../../simulator/server.ts';
import { api, DEMO_TOKEN, V1 } from './helpers.ts';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ port: 0, contacts: 47 });
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.control.reset();
});

interface Item {
	id: number;
}

/** Follows `page` until a page is shorter than `size`; returns every item and the page count. */
async function allPages(
	path: string,
	size: number,
	pick: (body: never) => Item[],
): Promise<{ items: Item[]; pages: number[] }> {
	const items: Item[] = [];
	const pages: number[] = [];
	for (let page = 1; page < 100; page++) {
		const separator = path.includes('?') ? '&' : '?';
		const res = await api(sim, 'GET', `${path}${separator}page=${page}`);
		expect(res.status).toBe(200);
		const batch = pick(res.body as never);
		items.push(...batch);
		pages.push(batch.length);
		if (batch.length < size) break;
	}
	return { items, pages };
}

describe('profile', () => {
	test('GET /api/v1/profile answers the key user with access_token and accounts', async () => {
		const res = await api(sim, 'GET', '/api/v1/profile');
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			id: 1,
			access_token: DEMO_TOKEN,
			accounts: [{ id: 1, name: 'HueChat Demo', role: 'administrator' }],
		});
		expect(typeof res.body.name).toBe('string');
		expect(res.body.email).toMatch(/@/);
	});
});

describe('contacts', () => {
	test('get many: 15 a page, meta.count is the total, pages neither repeat nor skip, the last page is short', async () => {
		const first = await api(sim, 'GET', `${V1}/contacts`);
		expect(first.body.meta).toEqual({ count: 47, current_page: 1 });
		expect(first.body.payload).toHaveLength(15);
		expect(first.body.payload.map((c: Item) => c.id)).toEqual(
			Array.from({ length: 15 }, (_, i) => i + 1),
		);
		const { items, pages } = await allPages(
			`${V1}/contacts`,
			15,
			(body: { payload: Item[] }) => body.payload,
		);
		expect(pages).toEqual([15, 15, 15, 2]);
		expect(new Set(items.map((c) => c.id)).size).toBe(47);
		const beyond = await api(sim, 'GET', `${V1}/contacts?page=9`);
		expect(beyond.body).toEqual({ meta: { count: 47, current_page: 9 }, payload: [] });
	});

	test('contact objects have the Chatwoot shape', async () => {
		const res = await api(sim, 'GET', `${V1}/contacts/1`);
		const contact = res.body.payload;
		expect(Object.keys(contact).sort()).toEqual(
			expect.arrayContaining([
				'id',
				'name',
				'email',
				'phone_number',
				'identifier',
				'thumbnail',
				'availability_status',
				'blocked',
				'additional_attributes',
				'custom_attributes',
				'created_at',
				'contact_inboxes',
			]),
		);
		expect(contact.phone_number).toMatch(/^\+[1-9]\d{1,14}$/);
		expect(Number.isInteger(contact.created_at)).toBe(true);
	});

	test('sort by name, descending and by company are total orders', async () => {
		for (const sort of ['name', '-name', 'company', '-created_at', 'last_activity_at']) {
			const { items } = await allPages(
				`${V1}/contacts?sort=${sort}`,
				15,
				(body: { payload: Item[] }) => body.payload,
			);
			expect(new Set(items.map((c) => c.id)).size).toBe(47);
			if (sort === 'name' || sort === '-name') {
				const names = (items as unknown as { name: string }[]).map((c) => c.name.toLowerCase());
				const sorted = [...names].sort();
				expect(names).toEqual(sort === 'name' ? sorted : sorted.reverse());
			}
		}
	});

	test('labels[] keeps contacts with any of the labels; contacts without email, phone or identifier are not listed', async () => {
		const vip = sim.control
			.collection('contacts')
			.filter((c) => (c as { labels: string[] }).labels.includes('vip')).length;
		const res = await api(sim, 'GET', `${V1}/contacts?labels[]=vip`);
		expect(res.body.meta.count).toBe(vip);
		const nameOnly = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'Nameless Wonder' },
		});
		expect(nameOnly.status).toBe(201);
		expect((await api(sim, 'GET', `${V1}/contacts`)).body.meta.count).toBe(47);
		expect((await api(sim, 'GET', `${V1}/contacts/search?q=nameless`)).body.payload).toHaveLength(
			1,
		);
	});

	test('search: case-insensitive on name, email, phone and identifier; count is per page; has_more', async () => {
		const byEmail = await api(sim, 'GET', `${V1}/contacts/search?q=EXAMPLE.COM`);
		expect(byEmail.body.meta).toEqual({ count: 15, current_page: 1, has_more: true });
		const { items, pages } = await allPages(
			`${V1}/contacts/search?q=example.com`,
			15,
			(body: { payload: Item[] }) => body.payload,
		);
		expect(pages).toEqual([15, 15, 15, 2]);
		expect(new Set(items.map((c) => c.id)).size).toBe(47);
		const last = await api(sim, 'GET', `${V1}/contacts/search?q=example.com&page=4`);
		expect(last.body.meta).toEqual({ count: 2, current_page: 4, has_more: false });
		const contact = sim.store.contacts.get(7);
		const byIdentifier = await api(
			sim,
			'GET',
			`${V1}/contacts/search?q=${contact?.identifier?.toUpperCase()}`,
		);
		expect(byIdentifier.body.payload.map((c: Item) => c.id)).toEqual([7]);
		const byPhone = await api(
			sim,
			'GET',
			`${V1}/contacts/search?q=${encodeURIComponent(contact?.phone_number ?? '')}`,
		);
		expect(byPhone.body.payload.map((c: Item) => c.id)).toEqual([7]);
		const none = await api(sim, 'GET', `${V1}/contacts/search?q=zzzz-nobody`);
		expect(none.body).toEqual({
			meta: { count: 0, current_page: 1, has_more: false },
			payload: [],
		});
	});

	test('create without inbox_id: contact_inbox is null', async () => {
		const res = await api(sim, 'POST', `${V1}/contacts`, {
			body: {
				name: 'Sarah Ahmed',
				email: 'Sarah@Example.org',
				phone_number: '+971501234567',
				identifier: 'crm-1',
				custom_attributes: { plan: 'pro' },
			},
		});
		expect(res.status).toBe(201);
		expect(res.body.payload.contact_inbox).toBeNull();
		expect(res.body.payload.contact).toMatchObject({
			id: 48,
			name: 'Sarah Ahmed',
			email: 'Sarah@Example.org',
			phone_number: '+971501234567',
			identifier: 'crm-1',
			custom_attributes: { plan: 'pro' },
			contact_inboxes: [],
		});
	});

	test('create with inbox_id adds the contact to the inbox (UUID source id for API, phone for WhatsApp)', async () => {
		const api1 = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'A', email: 'a1@example.org', inbox_id: 1 },
		});
		expect(api1.body.payload.contact_inbox).toMatchObject({
			inbox: { id: 1, name: 'API', channel_type: 'Channel::Api' },
		});
		expect(api1.body.payload.contact_inbox.source_id).toMatch(/^[0-9a-f-]{36}$/);
		expect(api1.body.payload.contact.contact_inboxes).toHaveLength(1);
		const wa = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'B', phone_number: '+447700900123', inbox_id: 3 },
		});
		expect(wa.body.payload.contact_inbox.source_id).toBe('447700900123');
		const given = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'C', email: 'c@example.org', inbox_id: 1, source_id: 'my-source' },
		});
		expect(given.body.payload.contact_inbox.source_id).toBe('my-source');
		const noPhone = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'D', email: 'd@example.org', inbox_id: 3 },
		});
		expect(noPhone.status).toBe(422);
		expect(noPhone.body.details).toHaveProperty('phone_number');
		const badInbox = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'E', email: 'e@example.org', inbox_id: 99 },
		});
		expect(badInbox.status).toBe(422);
		expect(badInbox.body.details).toEqual({ inbox_id: ['does not exist'] });
	});

	test('duplicate email (any case), phone or identifier, and a phone not in E.164, are 422 with details', async () => {
		const existing = sim.store.contacts.get(1);
		const dup = await api(sim, 'POST', `${V1}/contacts`, {
			body: {
				name: 'Dup',
				email: existing?.email?.toUpperCase(),
				phone_number: existing?.phone_number,
				identifier: existing?.identifier,
			},
		});
		expect(dup.status).toBe(422);
		expect(dup.body.details).toEqual({
			email: ['has already been taken'],
			phone_number: ['has already been taken'],
			identifier: ['has already been taken'],
		});
		const badPhone = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'Bad', phone_number: '0501234567' },
		});
		expect(badPhone.status).toBe(422);
		expect(badPhone.body.details.phone_number[0]).toMatch(/E\.164/);
		const badEmail = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'Bad', email: 'not-an-email' },
		});
		expect(badEmail.body.details).toEqual({ email: ['is not a valid email address'] });
		expect(sim.store.contacts.size).toBe(47);
	});

	test('get / update (PUT merges attribute hashes) / delete', async () => {
		const before = (await api(sim, 'GET', `${V1}/contacts/2`)).body.payload;
		const res = await api(sim, 'PUT', `${V1}/contacts/2`, {
			body: {
				name: 'Renamed',
				additional_attributes: { company_name: 'NewCo' },
				custom_attributes: { tier: 'gold' },
			},
		});
		expect(res.status).toBe(200);
		expect(res.body.payload).toMatchObject({
			id: 2,
			name: 'Renamed',
			email: before.email,
			additional_attributes: { ...before.additional_attributes, company_name: 'NewCo' },
			custom_attributes: { ...before.custom_attributes, tier: 'gold' },
		});
		const clash = await api(sim, 'PUT', `${V1}/contacts/2`, {
			body: { email: sim.store.contacts.get(3)?.email },
		});
		expect(clash.status).toBe(422);
		const own = await api(sim, 'PUT', `${V1}/contacts/2`, {
			body: { email: before.email, phone_number: '' },
		});
		expect(own.status).toBe(200);
		expect(own.body.payload.phone_number).toBeNull();
		expect((await api(sim, 'PUT', `${V1}/contacts/9999`, { body: { name: 'x' } })).status).toBe(
			404,
		);
	});

	test('delete removes the contact with its conversations', async () => {
		const conversation = [...sim.store.conversations.values()][0];
		const contactId = conversation.contact_id;
		expect((await api(sim, 'DELETE', `${V1}/contacts/${contactId}`)).status).toBe(204);
		expect((await api(sim, 'GET', `${V1}/contacts/${contactId}`)).status).toBe(404);
		expect((await api(sim, 'GET', `${V1}/conversations/${conversation.display_id}`)).status).toBe(
			404,
		);
		expect((await api(sim, 'DELETE', `${V1}/contacts/${contactId}`)).status).toBe(404);
		expect(
			sim.control
				.collection('messages')
				.some((m) => (m as { conversation_id: number }).conversation_id === conversation.id),
		).toBe(false);
	});
});

describe('conversations', () => {
	test('get many: data.meta counts + data.payload, 25 a page, newest activity first, stable pages', async () => {
		const first = await api(sim, 'GET', `${V1}/conversations?status=all`);
		expect(first.status).toBe(200);
		expect(Object.keys(first.body)).toEqual(['data']);
		const meta = first.body.data.meta;
		expect(meta.all_count).toBe(100);
		expect(meta.assigned_count + meta.unassigned_count).toBe(meta.all_count);
		const { items, pages } = await allPages(
			`${V1}/conversations?status=all`,
			25,
			(body: { data: { payload: Item[] } }) => body.data.payload,
		);
		expect(pages).toEqual([25, 25, 25, 25, 0]);
		expect(new Set(items.map((c) => c.id)).size).toBe(100);
		const activity = (items as unknown as { last_activity_at: number }[]).map(
			(c) => c.last_activity_at,
		);
		expect(activity).toEqual([...activity].sort((a, b) => b - a));
	});

	test('status defaults to open; filters by status, assignee_type, inbox, team, labels and q', async () => {
		const all = sim.control.collection('conversations') as {
			status: string;
			assignee_id: number | null;
			inbox_id: number;
			team_id: number | null;
			labels: string[];
		}[];
		const open = all.filter((c) => c.status === 'open');
		const res = await api(sim, 'GET', `${V1}/conversations`);
		expect(res.body.data.meta.all_count).toBe(open.length);
		expect(res.body.data.payload.every((c: { status: string }) => c.status === 'open')).toBe(true);

		const mine = await api(sim, 'GET', `${V1}/conversations?status=all&assignee_type=me`);
		expect(mine.body.data.payload.length).toBe(
			Math.min(25, all.filter((c) => c.assignee_id === 1).length),
		);
		expect(mine.body.data.meta.mine_count).toBe(all.filter((c) => c.assignee_id === 1).length);
		expect(mine.body.data.meta.all_count).toBe(100);

		const unassigned = await api(
			sim,
			'GET',
			`${V1}/conversations?status=all&assignee_type=unassigned`,
		);
		expect(
			unassigned.body.data.payload.every((c: { meta: object }) => !('assignee' in c.meta)),
		).toBe(true);

		const inbox = await api(sim, 'GET', `${V1}/conversations?status=all&inbox_id=3`);
		expect(inbox.body.data.meta.all_count).toBe(all.filter((c) => c.inbox_id === 3).length);

		const team = await api(sim, 'GET', `${V1}/conversations?status=all&team_id=2`);
		expect(team.body.data.meta.all_count).toBe(all.filter((c) => c.team_id === 2).length);
		expect((await api(sim, 'GET', `${V1}/conversations?team_id=77`)).status).toBe(404);

		const labels = await api(
			sim,
			'GET',
			`${V1}/conversations?status=all&labels[]=billing&labels[]=bug`,
		);
		expect(labels.body.data.meta.all_count).toBe(
			all.filter((c) => c.labels.includes('billing') || c.labels.includes('bug')).length,
		);

		const q = await api(sim, 'GET', `${V1}/conversations?q=REFUND`);
		expect(q.body.data.meta.all_count).toBeGreaterThan(0);
		for (const conversation of q.body.data.payload) {
			const messages = await api(sim, 'GET', `${V1}/conversations/${conversation.id}/messages`);
			expect(
				messages.body.payload.some((m: { content: string }) =>
					m.content.toLowerCase().includes('refund'),
				),
			).toBe(true);
		}
	});

	test('the conversation object has the Chatwoot shape', async () => {
		const res = await api(sim, 'GET', `${V1}/conversations/1`);
		expect(res.status).toBe(200);
		const conversation = res.body;
		expect(conversation).toMatchObject({ id: 1, account_id: 1 });
		expect(conversation.meta.sender).toHaveProperty('id');
		expect(conversation.meta.sender).not.toHaveProperty('contact_inboxes');
		expect(conversation.messages).toHaveLength(1);
		expect([0, 1]).toContain(conversation.messages[0].message_type);
		expect(conversation.timestamp).toBe(conversation.last_activity_at);
	});

	test('create with contact_id (and a first message), then get it', async () => {
		const res = await api(sim, 'POST', `${V1}/conversations`, {
			body: {
				inbox_id: 1,
				contact_id: 5,
				assignee_id: 2,
				team_id: 1,
				custom_attributes: { order: 'A-1' },
				message: { content: 'Welcome!' },
			},
		});
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({
			id: 101,
			inbox_id: 1,
			status: 'open',
			custom_attributes: { order: 'A-1' },
			meta: { sender: { id: 5 }, assignee: { id: 2 }, team: { id: 1 } },
		});
		expect(res.body.messages[0]).toMatchObject({ content: 'Welcome!', message_type: 1 });
		const got = await api(sim, 'GET', `${V1}/conversations/101`);
		expect(got.body.id).toBe(101);
		const contact = await api(sim, 'GET', `${V1}/contacts/5`);
		expect(
			contact.body.payload.contact_inboxes.some(
				(ci: { inbox: { id: number } }) => ci.inbox.id === 1,
			),
		).toBe(true);
	});

	test('create with the source_id of an existing contact inbox; a blocked contact starts resolved', async () => {
		const contactInbox = sim.control.collection('contact_inboxes')[0] as {
			source_id: string;
			inbox_id: number;
			contact_id: number;
		};
		const res = await api(sim, 'POST', `${V1}/conversations`, {
			body: { inbox_id: contactInbox.inbox_id, source_id: contactInbox.source_id },
		});
		expect(res.status).toBe(201);
		expect(res.body.meta.sender.id).toBe(contactInbox.contact_id);
		await api(sim, 'PUT', `${V1}/contacts/6`, { body: { blocked: true } });
		const blocked = await api(sim, 'POST', `${V1}/conversations`, {
			body: { inbox_id: 1, contact_id: 6, status: 'open' },
		});
		expect(blocked.body.status).toBe('resolved');
	});

	test('create problems are 422 with details and leave the store unchanged', async () => {
		const count = sim.store.conversations.size;
		const neither = await api(sim, 'POST', `${V1}/conversations`, { body: { inbox_id: 1 } });
		expect(neither.status).toBe(422);
		expect(neither.body.details).toHaveProperty('contact_id');
		const unknown = await api(sim, 'POST', `${V1}/conversations`, {
			body: { inbox_id: 9, contact_id: 9999, assignee_id: 77 },
		});
		expect(unknown.body.details).toEqual({
			inbox_id: ['does not exist'],
			contact_id: ['does not exist'],
			assignee_id: ['is not an agent of this account'],
		});
		const badSource = await api(sim, 'POST', `${V1}/conversations`, {
			body: { inbox_id: 1, source_id: 'nobody' },
		});
		expect(badSource.body.details).toHaveProperty('source_id');
		const incoming = await api(sim, 'POST', `${V1}/conversations`, {
			body: { inbox_id: 2, contact_id: 1, message: { content: 'x', message_type: 'incoming' } },
		});
		expect(incoming.body.details).toHaveProperty(['message.message_type']);
		expect(sim.store.conversations.size).toBe(count);
	});

	test('toggle_status: explicit status, snoozed_until, and toggling without a status', async () => {
		const resolved = await api(sim, 'POST', `${V1}/conversations/2/toggle_status`, {
			body: { status: 'resolved' },
		});
		expect(resolved.body).toEqual({
			payload: {
				success: true,
				conversation_id: 2,
				current_status: 'resolved',
				snoozed_until: null,
			},
		});
		const toggled = await api(sim, 'POST', `${V1}/conversations/2/toggle_status`);
		expect(toggled.body.payload.current_status).toBe('open');
		const toggledAgain = await api(sim, 'POST', `${V1}/conversations/2/toggle_status`, {
			body: {},
		});
		expect(toggledAgain.body.payload.current_status).toBe('resolved');
		const until = Math.floor(Date.now() / 1000) + 3600;
		const snoozed = await api(sim, 'POST', `${V1}/conversations/2/toggle_status`, {
			body: { status: 'snoozed', snoozed_until: until },
		});
		expect(snoozed.body.payload).toMatchObject({ current_status: 'snoozed', snoozed_until: until });
		expect((await api(sim, 'GET', `${V1}/conversations/2`)).body).toMatchObject({
			status: 'snoozed',
			snoozed_until: until,
		});
		expect(
			(
				await api(sim, 'POST', `${V1}/conversations/2/toggle_status`, {
					body: { status: 'closed' },
				})
			).status,
		).toBe(422);
		expect(
			(
				await api(sim, 'POST', `${V1}/conversations/999/toggle_status`, {
					body: { status: 'open' },
				})
			).status,
		).toBe(404);
	});
});

describe('messages', () => {
	async function conversationWith(count: number): Promise<number> {
		const res = await api(sim, 'POST', `${V1}/conversations`, {
			body: { inbox_id: 1, contact_id: 1 },
		});
		const id = res.body.id as number;
		for (let i = 0; i < count; i++) {
			await api(sim, 'POST', `${V1}/conversations/${id}/messages`, {
				body: { content: `m${i}`, message_type: i % 2 === 0 ? 'incoming' : 'outgoing' },
			});
		}
		return id;
	}

	test('get many: the 20 newest oldest first, then before=<smallest id> until empty', async () => {
		const id = await conversationWith(45);
		const first = await api(sim, 'GET', `${V1}/conversations/${id}/messages`);
		expect(first.body.payload).toHaveLength(20);
		expect(first.body.payload.map((m: { content: string }) => m.content)).toEqual(
			Array.from({ length: 20 }, (_, i) => `m${i + 25}`),
		);
		expect(first.body.meta.contact.id).toBe(1);
		const seen: number[] = [];
		let page = first.body.payload as Item[];
		const sizes: number[] = [];
		while (page.length > 0) {
			sizes.push(page.length);
			seen.push(...page.map((m) => m.id));
			const before = Math.min(...page.map((m) => m.id));
			page = (await api(sim, 'GET', `${V1}/conversations/${id}/messages?before=${before}`)).body
				.payload;
		}
		expect(sizes).toEqual([20, 20, 5]);
		expect(new Set(seen).size).toBe(45);
		const after = await api(
			sim,
			'GET',
			`${V1}/conversations/${id}/messages?after=${Math.min(...seen)}`,
		);
		expect(after.body.payload).toHaveLength(44);
		expect(after.body.payload[0].content).toBe('m1');
	});

	test('create: outgoing by default with the key user as sender; incoming from the contact in API inboxes', async () => {
		const out = await api(sim, 'POST', `${V1}/conversations/1/messages`, {
			body: { content: 'Hello there', echo_id: 'e-1' },
		});
		expect(out.status).toBe(201);
		expect(out.body).toMatchObject({
			content: 'Hello there',
			message_type: 1,
			content_type: 'text',
			private: false,
			conversation_id: 1,
			echo_id: 'e-1',
			sender: { id: 1, type: 'user' },
			attachments: [],
		});
		const conversation = (await api(sim, 'GET', `${V1}/conversations/1`)).body;
		expect(conversation.messages[0].id).toBe(out.body.id);
		expect(conversation.last_activity_at).toBe(out.body.created_at);

		const apiConversation = [...sim.store.conversations.values()].find(
			(c) => c.inbox_id === 1 && c.status === 'resolved',
		);
		const incoming = await api(
			sim,
			'POST',
			`${V1}/conversations/${apiConversation?.display_id}/messages`,
			{ body: { content: 'I am back', message_type: 'incoming' } },
		);
		expect(incoming.body).toMatchObject({
			message_type: 0,
			sender: { type: 'contact', id: apiConversation?.contact_id },
		});
		const reopened = await api(sim, 'GET', `${V1}/conversations/${apiConversation?.display_id}`);
		expect(reopened.body.status).toBe('open');
	});

	test('private notes, content types, attributes and template params are kept', async () => {
		const note = await api(sim, 'POST', `${V1}/conversations/2/messages`, {
			body: {
				content: 'internal',
				private: true,
				content_type: 'input_select',
				content_attributes: { items: [{ title: 'A', value: 'a' }] },
			},
		});
		expect(note.body).toMatchObject({
			private: true,
			content_type: 'input_select',
			content_attributes: { items: [{ title: 'A', value: 'a' }] },
		});
		const template = await api(sim, 'POST', `${V1}/conversations/3/messages`, {
			body: {
				template_params: {
					name: 'order_update',
					language: 'en_US',
					processed_params: { 1: 'A-1' },
				},
			},
		});
		expect(template.status).toBe(201);
		const cc = await api(sim, 'POST', `${V1}/conversations/3/messages`, {
			body: { content: 'x', cc_emails: 'a@example.com, b@example.com' },
		});
		expect(cc.body.content_attributes.cc_emails).toEqual(['a@example.com', 'b@example.com']);
	});

	test('create problems: blank content, too long, incoming outside API inboxes, unknown conversation', async () => {
		const nonApi = [...sim.store.conversations.values()].find((c) => c.inbox_id !== 1);
		const blank = await api(sim, 'POST', `${V1}/conversations/1/messages`, { body: {} });
		expect(blank.body.details).toEqual({ content: ["can't be blank"] });
		const long = await api(sim, 'POST', `${V1}/conversations/1/messages`, {
			body: { content: 'x'.repeat(150_001) },
		});
		expect(long.status).toBe(422);
		expect(long.body.details.content[0]).toMatch(/150000/);
		expect(
			(
				await api(sim, 'POST', `${V1}/conversations/1/messages`, {
					body: { content: 'x'.repeat(150_000) },
				})
			).status,
		).toBe(201);
		const incoming = await api(sim, 'POST', `${V1}/conversations/${nonApi?.display_id}/messages`, {
			body: { content: 'x', message_type: 'incoming' },
		});
		expect(incoming.status).toBe(422);
		expect(incoming.body.details.message_type[0]).toMatch(/API inboxes/);
		const badType = await api(sim, 'POST', `${V1}/conversations/1/messages`, {
			body: { content: 'x', message_type: 'template' },
		});
		expect(badType.status).toBe(422);
		expect(
			(await api(sim, 'POST', `${V1}/conversations/9999/messages`, { body: { content: 'x' } }))
				.status,
		).toBe(404);
		expect((await api(sim, 'GET', `${V1}/conversations/9999/messages`)).status).toBe(404);
	});
});

describe('seed', () => {
	test('the demo data is deterministic and as described', async () => {
		const other = await startSimulator({ contacts: 47 });
		try {
			expect(other.control.collection('contacts')).toEqual(sim.control.collection('contacts'));
			expect(other.control.collection('messages')).toEqual(sim.control.collection('messages'));
		} finally {
			await other.close();
		}
		expect(
			sim.control
				.collection('inboxes')
				.map((i) => (i as { name: string; channel_kind: string }).channel_kind),
		).toEqual(['api', 'web_widget', 'whatsapp']);
		expect(sim.control.collection('teams')).toHaveLength(2);
		expect(sim.control.collection('agents')).toHaveLength(4);
		const counts = new Map<number, number>();
		for (const m of sim.control.collection('messages') as {
			conversation_id: number;
			message_type: number;
		}[])
			counts.set(m.conversation_id, (counts.get(m.conversation_id) ?? 0) + 1);
		expect(counts.size).toBe(100);
		expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(1);
		expect(Math.max(...counts.values())).toBeLessThanOrEqual(6);
		const emails = (sim.control.collection('contacts') as { email: string }[]).map((c) => c.email);
		expect(new Set(emails).size).toBe(emails.length);
	});
});
