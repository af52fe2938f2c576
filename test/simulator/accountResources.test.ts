// Inboxes (and their agents), agents, teams (and their members), labels, canned responses and custom attribute
// definitions: wrappers, uniqueness 422s, cascades. Every answer is also checked against the OpenAPI document.
import { startSimulator, type Simulator } from '../../simulator/server.ts';
import { api, V1 } from './helpers.ts';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator({ port: 0, contacts: 12 });
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.control.reset();
});

const ids = (list: { id: number }[]) => list.map((item) => item.id);

describe('inboxes', () => {
	test('get many wraps in payload; get answers the bare inbox with its channel keys only', async () => {
		const list = await api(sim, 'GET', `${V1}/inboxes`);
		expect(list.status).toBe(200);
		expect(list.body.payload.map((inbox: { channel_type: string }) => inbox.channel_type)).toEqual([
			'Channel::Api',
			'Channel::WebWidget',
			'Channel::Whatsapp',
		]);
		const website = await api(sim, 'GET', `${V1}/inboxes/2`);
		expect(website.body).toMatchObject({
			id: 2,
			name: 'Website',
			website_url: 'https://www.huechat-demo.test',
			widget_color: '#1f93ff',
		});
		expect(website.body).not.toHaveProperty('phone_number');
		expect(website.body).not.toHaveProperty('webhook_url');
		expect((await api(sim, 'GET', `${V1}/inboxes/99`)).status).toBe(404);
	});

	test('create: 201, channel ids per type, required channel fields, unique numbers, valid time zones, no secrets echoed', async () => {
		const created = await api(sim, 'POST', `${V1}/inboxes`, {
			body: {
				name: 'Support WA',
				channel: {
					type: 'whatsapp',
					phone_number: '+971500000002',
					provider_config: { api_key: 'secret' },
				},
				timezone: 'Asia/Dubai',
			},
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			name: 'Support WA',
			channel_type: 'Channel::Whatsapp',
			channel_id: 2,
			provider: 'whatsapp_cloud',
			phone_number: '+971500000002',
			timezone: 'Asia/Dubai',
		});
		expect(JSON.stringify(created.body)).not.toContain('secret');

		const missing = await api(sim, 'POST', `${V1}/inboxes`, {
			body: { name: 'Site', channel: { type: 'web_widget' } },
		});
		expect(missing.status).toBe(422);
		expect(missing.body.details).toEqual({ 'channel.website_url': ['is required'] });

		const taken = await api(sim, 'POST', `${V1}/inboxes`, {
			body: { name: 'Dup', channel: { type: 'whatsapp', phone_number: '+971500000001' } },
		});
		expect(taken.status).toBe(422);
		expect(taken.body.details['channel.phone_number'][0]).toMatch(/already been taken/);

		const zone = await api(sim, 'POST', `${V1}/inboxes`, {
			body: { name: 'Api 2', channel: { type: 'api' }, timezone: 'Mars/Olympus' },
		});
		expect(zone.status).toBe(422);
		expect(Object.keys(zone.body.details)).toEqual(['timezone']);

		const badType = await api(sim, 'POST', `${V1}/inboxes`, {
			body: { name: 'X', channel: { type: 'fax' } },
		});
		expect(badType.status).toBe(422);
		expect(Object.keys(badType.body.details)).toEqual(['channel.type']);

		const telegram = await api(sim, 'POST', `${V1}/inboxes`, {
			body: { name: 'TG', channel: { type: 'telegram', bot_token: '12345:abc' } },
		});
		expect(telegram.body).toMatchObject({
			channel_type: 'Channel::Telegram',
			bot_name: 'huechat_12345_bot',
		});
		expect(JSON.stringify(telegram.body)).not.toContain('12345:abc');
	});

	test('update changes only the fields sent and refuses channel fields of another channel type', async () => {
		const updated = await api(sim, 'PATCH', `${V1}/inboxes/1`, {
			body: {
				greeting_enabled: true,
				greeting_message: 'Hi!',
				channel: { webhook_url: 'https://example.com/new' },
			},
		});
		expect(updated.status).toBe(200);
		expect(updated.body).toMatchObject({
			id: 1,
			name: 'API',
			greeting_enabled: true,
			greeting_message: 'Hi!',
			webhook_url: 'https://example.com/new',
		});
		const wrong = await api(sim, 'PATCH', `${V1}/inboxes/1`, {
			body: { channel: { website_url: 'https://x.test' } },
		});
		expect(wrong.status).toBe(422);
		expect(wrong.body.details).toEqual({
			'channel.website_url': ['does not apply to api inboxes'],
		});
	});

	test('create and update raise inbox.created / inbox.updated (for v1 webhooks); an update changing nothing raises none', async () => {
		const events: { name: string; data: unknown }[] = [];
		const stop = sim.events.on((event) => events.push(event));
		try {
			const created = await api(sim, 'POST', `${V1}/inboxes`, {
				body: { name: 'Api 2', channel: { type: 'api' } },
			});
			await api(sim, 'PATCH', `${V1}/inboxes/${created.body.id}`, { body: { name: 'Api 3' } });
			await api(sim, 'PATCH', `${V1}/inboxes/${created.body.id}`, { body: { name: 'Api 3' } });
		} finally {
			stop();
		}
		expect(events.map((event) => event.name)).toEqual(['inbox.created', 'inbox.updated']);
		expect(events[1].data).toMatchObject({ name: 'Api 3', channel_type: 'Channel::Api' });
	});

	test('delete answers 204 and takes the inbox’s conversations with it', async () => {
		const before = (sim.control.collection('conversations') as { inbox_id: number }[]).filter(
			(c) => c.inbox_id === 3,
		).length;
		expect(before).toBeGreaterThan(0);
		const res = await api(sim, 'DELETE', `${V1}/inboxes/3`);
		expect(res.status).toBe(204);
		expect(
			(sim.control.collection('conversations') as { inbox_id: number }[]).some(
				(c) => c.inbox_id === 3,
			),
		).toBe(false);
		expect(
			(sim.control.collection('contact_inboxes') as { inbox_id: number }[]).some(
				(c) => c.inbox_id === 3,
			),
		).toBe(false);
		expect((await api(sim, 'GET', `${V1}/inboxes/3`)).status).toBe(404);
	});

	test('members: payload-wrapped agents; add, replace and remove answer the members after the change', async () => {
		expect(ids((await api(sim, 'GET', `${V1}/inbox_members/1`)).body.payload)).toEqual([1, 2]);
		expect(
			ids(
				(await api(sim, 'POST', `${V1}/inbox_members`, { body: { inbox_id: 1, user_ids: [4, 2] } }))
					.body.payload,
			),
		).toEqual([1, 2, 4]);
		expect(
			ids(
				(await api(sim, 'PATCH', `${V1}/inbox_members`, { body: { inbox_id: 1, user_ids: [3] } }))
					.body.payload,
			),
		).toEqual([3]);
		const removed = await api(sim, 'DELETE', `${V1}/inbox_members`, {
			body: { inbox_id: 2, user_ids: [2, 3] },
		});
		expect(removed.status).toBe(200);
		expect(ids(removed.body.payload)).toEqual([4]);
		const unknownUser = await api(sim, 'POST', `${V1}/inbox_members`, {
			body: { inbox_id: 1, user_ids: [2, 99] },
		});
		expect(unknownUser.status).toBe(422);
		expect(unknownUser.body.details.user_ids[0]).toMatch(/99/);
		expect(
			(await api(sim, 'POST', `${V1}/inbox_members`, { body: { inbox_id: 77, user_ids: [2] } }))
				.status,
		).toBe(404);
		expect(
			(await api(sim, 'POST', `${V1}/inbox_members`, { body: { inbox_id: 1, user_ids: [] } }))
				.status,
		).toBe(422);
	});
});

describe('agents', () => {
	test('get many is a bare array of every user of the account, sorted by name', async () => {
		const res = await api(sim, 'GET', `${V1}/agents`);
		expect(Array.isArray(res.body)).toBe(true);
		expect(res.body.map((agent: { name: string }) => agent.name)).toEqual([
			'Dana Admin',
			'Mina Agent',
			'Ravi Agent',
			'Theo Agent',
		]);
	});

	test('create invites (unconfirmed, 201); an email already in the account is a 422; update and delete', async () => {
		const created = await api(sim, 'POST', `${V1}/agents`, {
			body: { email: 'Zoe@Example.com', role: 'administrator', availability: 'busy' },
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			name: 'Zoe',
			email: 'Zoe@Example.com',
			role: 'administrator',
			availability_status: 'busy',
			confirmed: false,
		});
		const dup = await api(sim, 'POST', `${V1}/agents`, {
			body: { email: 'ravi@HUECHAT-demo.test' },
		});
		expect(dup.status).toBe(422);
		expect(dup.body.details).toEqual({ email: ['has already been taken'] });
		const badRole = await api(sim, 'POST', `${V1}/agents`, {
			body: { email: 'x@example.com', role: 'owner' },
		});
		expect(badRole.status).toBe(422);

		const updated = await api(sim, 'PATCH', `${V1}/agents/${created.body.id}`, {
			body: { name: 'Zoe Z', role: 'agent' },
		});
		expect(updated.body).toMatchObject({ id: created.body.id, name: 'Zoe Z', role: 'agent' });
		expect((await api(sim, 'PATCH', `${V1}/agents/999`, { body: { name: 'N' } })).status).toBe(404);
	});

	test('delete removes the agent from teams, inboxes and assignments; the key’s own user cannot be removed', async () => {
		const assigned = (
			sim.control.collection('conversations') as { assignee_id: number | null }[]
		).filter((c) => c.assignee_id === 2).length;
		expect(assigned).toBeGreaterThan(0);
		expect((await api(sim, 'DELETE', `${V1}/agents/2`)).status).toBe(204);
		expect(
			(sim.control.collection('conversations') as { assignee_id: number | null }[]).some(
				(c) => c.assignee_id === 2,
			),
		).toBe(false);
		expect(ids((await api(sim, 'GET', `${V1}/teams/1/team_members`)).body)).toEqual([1]);
		expect(ids((await api(sim, 'GET', `${V1}/inbox_members/1`)).body.payload)).toEqual([1]);
		expect(ids((await api(sim, 'GET', `${V1}/agents`)).body)).not.toContain(2);
		const self = await api(sim, 'DELETE', `${V1}/agents/1`);
		expect(self.status).toBe(422);
	});
});

describe('teams', () => {
	test('bare arrays; names are lower-cased and unique per account', async () => {
		const list = await api(sim, 'GET', `${V1}/teams`);
		expect(list.body.map((team: { name: string }) => team.name)).toEqual(['sales', 'support']);
		const created = await api(sim, 'POST', `${V1}/teams`, {
			body: { name: '  Billing Squad ', description: 'Invoices' },
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			name: 'billing squad',
			description: 'Invoices',
			allow_auto_assign: true,
			is_member: false,
		});
		const dup = await api(sim, 'POST', `${V1}/teams`, { body: { name: 'SALES' } });
		expect(dup.status).toBe(422);
		expect(dup.body.details).toEqual({ name: ['has already been taken'] });
		const rename = await api(sim, 'PATCH', `${V1}/teams/${created.body.id}`, {
			body: { name: 'Support' },
		});
		expect(rename.status).toBe(422);
		const renamed = await api(sim, 'PATCH', `${V1}/teams/${created.body.id}`, {
			body: { name: 'Finance', allow_auto_assign: false },
		});
		expect(renamed.body).toMatchObject({ name: 'finance', allow_auto_assign: false });
		expect((await api(sim, 'GET', `${V1}/teams/1`)).body).toMatchObject({
			id: 1,
			name: 'sales',
			is_member: true,
		});
	});

	test('members: add answers the newly added, set all members, remove the members left', async () => {
		expect(ids((await api(sim, 'GET', `${V1}/teams/2/team_members`)).body)).toEqual([3, 4]);
		expect(
			ids(
				(await api(sim, 'POST', `${V1}/teams/2/team_members`, { body: { user_ids: [4, 2] } })).body,
			),
		).toEqual([2]);
		expect(
			ids(
				(await api(sim, 'PATCH', `${V1}/teams/2/team_members`, { body: { user_ids: [1, 3] } }))
					.body,
			),
		).toEqual([1, 3]);
		expect(
			ids(
				(await api(sim, 'DELETE', `${V1}/teams/2/team_members`, { body: { user_ids: [1] } })).body,
			),
		).toEqual([3]);
		const unknown = await api(sim, 'POST', `${V1}/teams/2/team_members`, {
			body: { user_ids: [42] },
		});
		expect(unknown.status).toBe(422);
		expect(
			(await api(sim, 'POST', `${V1}/teams/9/team_members`, { body: { user_ids: [2] } })).status,
		).toBe(404);
	});

	test('delete leaves the team’s conversations without a team', async () => {
		expect(
			(sim.control.collection('conversations') as { team_id: number | null }[]).some(
				(c) => c.team_id === 1,
			),
		).toBe(true);
		expect((await api(sim, 'DELETE', `${V1}/teams/1`)).status).toBe(204);
		expect(
			(sim.control.collection('conversations') as { team_id: number | null }[]).some(
				(c) => c.team_id === 1,
			),
		).toBe(false);
		expect((await api(sim, 'GET', `${V1}/teams/1`)).status).toBe(404);
	});
});

describe('labels', () => {
	test('get many wraps in payload; the seed has a label for every title it uses', async () => {
		const res = await api(sim, 'GET', `${V1}/labels`);
		expect(res.body.payload.map((label: { title: string }) => label.title)).toEqual([
			'billing',
			'bug',
			'churn-risk',
			'customer',
			'feedback',
			'lead',
			'onboarding',
			'partner',
			'sales',
			'vip',
		]);
		expect((await api(sim, 'GET', `${V1}/labels/1`)).body).toMatchObject({
			id: 1,
			title: 'billing',
			show_on_sidebar: true,
		});
	});

	test('create: titles are letters, digits, - and _, lower-cased and unique; colors are hex', async () => {
		const created = await api(sim, 'POST', `${V1}/labels`, {
			body: { title: 'Follow_Up-2', color: '#FF0000' },
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			title: 'follow_up-2',
			color: '#FF0000',
			description: null,
		});
		expect(
			(await api(sim, 'POST', `${V1}/labels`, { body: { title: 'Überprüfung' } })).status,
		).toBe(201);
		const spaced = await api(sim, 'POST', `${V1}/labels`, { body: { title: 'follow up' } });
		expect(spaced.status).toBe(422);
		expect(Object.keys(spaced.body.details)).toEqual(['title']);
		const dup = await api(sim, 'POST', `${V1}/labels`, { body: { title: 'VIP' } });
		expect(dup.body.details).toEqual({ title: ['has already been taken'] });
		expect(
			(await api(sim, 'POST', `${V1}/labels`, { body: { title: 'x', color: 'red' } })).status,
		).toBe(422);
	});

	test('renaming a label renames it on conversations and contacts; delete answers 204', async () => {
		const vip = (await api(sim, 'GET', `${V1}/labels`)).body.payload.find(
			(label: { title: string }) => label.title === 'vip',
		);
		const tagged = (sim.control.collection('conversations') as { labels: string[] }[]).filter((c) =>
			c.labels.includes('vip'),
		).length;
		expect(tagged).toBeGreaterThan(0);
		const renamed = await api(sim, 'PATCH', `${V1}/labels/${vip.id}`, {
			body: { title: 'VVIP', description: 'Top' },
		});
		expect(renamed.body).toMatchObject({ id: vip.id, title: 'vvip', description: 'Top' });
		const conversations = sim.control.collection('conversations') as { labels: string[] }[];
		expect(conversations.filter((c) => c.labels.includes('vvip'))).toHaveLength(tagged);
		expect(conversations.some((c) => c.labels.includes('vip'))).toBe(false);
		expect(
			(sim.control.collection('contacts') as { labels: string[] }[]).some((c) =>
				c.labels.includes('vip'),
			),
		).toBe(false);
		expect((await api(sim, 'DELETE', `${V1}/labels/${vip.id}`)).status).toBe(204);
		expect((await api(sim, 'GET', `${V1}/labels/${vip.id}`)).status).toBe(404);
	});
});

describe('canned responses', () => {
	test('bare array; search matches short code before content', async () => {
		const all = await api(sim, 'GET', `${V1}/canned_responses`);
		expect(all.body.map((c: { short_code: string }) => c.short_code)).toEqual([
			'greeting',
			'refund',
			'shipping',
			'goodbye',
		]);
		const ship = await api(sim, 'GET', `${V1}/canned_responses?search=ship`);
		expect(ship.body.map((c: { short_code: string }) => c.short_code)).toEqual(['shipping']);
		await api(sim, 'POST', `${V1}/canned_responses`, {
			body: { short_code: 'help', content: 'Ask us anything.' },
		});
		const help = await api(sim, 'GET', `${V1}/canned_responses?search=HELP`);
		expect(help.body.map((c: { short_code: string }) => c.short_code)).toEqual([
			'help',
			'greeting',
			'goodbye',
		]);
	});

	test('short codes are unique; update and delete', async () => {
		const created = await api(sim, 'POST', `${V1}/canned_responses`, {
			body: { short_code: 'hours', content: 'We are open 9–17.' },
		});
		expect(created.status).toBe(201);
		expect(Number.isInteger(created.body.created_at)).toBe(true);
		expect(
			(
				await api(sim, 'POST', `${V1}/canned_responses`, {
					body: { short_code: 'Refund', content: 'x' },
				})
			).body.details,
		).toEqual({ short_code: ['has already been taken'] });
		expect(
			(await api(sim, 'POST', `${V1}/canned_responses`, { body: { short_code: 'nocontent' } })).body
				.details,
		).toEqual({ content: ['is required'] });
		const updated = await api(sim, 'PATCH', `${V1}/canned_responses/${created.body.id}`, {
			body: { content: 'Open 8–18.' },
		});
		expect(updated.body).toMatchObject({ short_code: 'hours', content: 'Open 8–18.' });
		expect((await api(sim, 'DELETE', `${V1}/canned_responses/${created.body.id}`)).status).toBe(
			204,
		);
		expect((await api(sim, 'DELETE', `${V1}/canned_responses/${created.body.id}`)).status).toBe(
			404,
		);
	});
});

describe('custom attribute definitions', () => {
	test('bare array, filtered by model name or number', async () => {
		const all = await api(sim, 'GET', `${V1}/custom_attribute_definitions`);
		expect(all.body.map((d: { attribute_key: string }) => d.attribute_key)).toEqual([
			'plan',
			'signup_date',
			'order_number',
			'refund_amount',
		]);
		const contact = await api(
			sim,
			'GET',
			`${V1}/custom_attribute_definitions?attribute_model=contact_attribute`,
		);
		expect(contact.body.map((d: { attribute_key: string }) => d.attribute_key)).toEqual([
			'plan',
			'signup_date',
		]);
		const conversation = await api(
			sim,
			'GET',
			`${V1}/custom_attribute_definitions?attribute_model=0`,
		);
		expect(conversation.body.map((d: { attribute_key: string }) => d.attribute_key)).toEqual([
			'order_number',
			'refund_amount',
		]);
		expect(
			(await api(sim, 'GET', `${V1}/custom_attribute_definitions?attribute_model=deal`)).status,
		).toBe(422);
	});

	test('create: names or integers; keys unique per model, not standard', async () => {
		const created = await api(sim, 'POST', `${V1}/custom_attribute_definitions`, {
			body: {
				attribute_display_name: 'Tier',
				attribute_key: 'tier',
				attribute_display_type: 6,
				attribute_model: 1,
				attribute_values: ['gold', 'silver'],
			},
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			attribute_key: 'tier',
			attribute_display_type: 'list',
			attribute_model: 'contact_attribute',
			attribute_values: ['gold', 'silver'],
		});
		const sameKeyOtherModel = await api(sim, 'POST', `${V1}/custom_attribute_definitions`, {
			body: {
				attribute_display_name: 'Plan',
				attribute_key: 'plan',
				attribute_display_type: 'text',
				attribute_model: 'conversation_attribute',
			},
		});
		expect(sameKeyOtherModel.status).toBe(201);
		const taken = await api(sim, 'POST', `${V1}/custom_attribute_definitions`, {
			body: {
				attribute_display_name: 'Plan',
				attribute_key: 'plan',
				attribute_display_type: 'text',
				attribute_model: 'contact_attribute',
			},
		});
		expect(taken.body.details).toEqual({ attribute_key: ['has already been taken'] });
		const standard = await api(sim, 'POST', `${V1}/custom_attribute_definitions`, {
			body: {
				attribute_display_name: 'Status',
				attribute_key: 'status',
				attribute_display_type: 'text',
				attribute_model: 'conversation_attribute',
			},
		});
		expect(standard.body.details.attribute_key[0]).toMatch(/standard/);
		const missing = await api(sim, 'POST', `${V1}/custom_attribute_definitions`, {
			body: { attribute_key: 'k' },
		});
		expect(Object.keys(missing.body.details).sort()).toEqual([
			'attribute_display_name',
			'attribute_display_type',
		]);
		const noModel = await api(sim, 'POST', `${V1}/custom_attribute_definitions`, {
			body: {
				attribute_display_name: 'Tier 2',
				attribute_key: 'tier_2',
				attribute_display_type: 'text',
			},
		});
		expect(noModel.status).toBe(201);
		expect(noModel.body.attribute_model).toBe('conversation_attribute');
	});

	test('get, update (re-checked) and delete (204)', async () => {
		expect((await api(sim, 'GET', `${V1}/custom_attribute_definitions/3`)).body).toMatchObject({
			attribute_key: 'order_number',
			regex_pattern: '^[0-9]{4,}$',
		});
		const updated = await api(sim, 'PATCH', `${V1}/custom_attribute_definitions/3`, {
			body: { attribute_display_name: 'Order #', regex_cue: 'Digits' },
		});
		expect(updated.body).toMatchObject({
			attribute_display_name: 'Order #',
			regex_cue: 'Digits',
			attribute_key: 'order_number',
		});
		const clash = await api(sim, 'PATCH', `${V1}/custom_attribute_definitions/3`, {
			body: { attribute_key: 'refund_amount' },
		});
		expect(clash.status).toBe(422);
		const badRegex = await api(sim, 'PATCH', `${V1}/custom_attribute_definitions/3`, {
			body: { regex_pattern: '([' },
		});
		expect(badRegex.body.details).toEqual({ regex_pattern: ['is not a valid regular expression'] });
		expect((await api(sim, 'DELETE', `${V1}/custom_attribute_definitions/3`)).status).toBe(204);
		expect((await api(sim, 'GET', `${V1}/custom_attribute_definitions/3`)).status).toBe(404);
	});
});

test('scopes: member and label endpoints follow the families the document names', async () => {
	const key = sim.control.createKey({ scopes: ['inboxes:read', 'conversations:read'] });
	expect((await api(sim, 'GET', `${V1}/inbox_members/1`, { token: key.token })).status).toBe(200);
	expect((await api(sim, 'GET', `${V1}/labels`, { token: key.token })).status).toBe(200);
	expect(
		(
			await api(sim, 'DELETE', `${V1}/inbox_members`, {
				token: key.token,
				body: { inbox_id: 1, user_ids: [2] },
			})
		).status,
	).toBe(403);
	expect((await api(sim, 'GET', `${V1}/teams`, { token: key.token })).status).toBe(403);
	expect((await api(sim, 'GET', `${V1}/canned_responses`, { token: key.token })).status).toBe(403);
});
