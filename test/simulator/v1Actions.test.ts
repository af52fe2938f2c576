// Conversation, message and contact actions beyond CRUD (counts, search, filter, priority, assignment, labels,
// custom attributes, typing, message status and delete, contact filter / inboxes / labels / merge) and
// multipart attachments. Every JSON answer is also checked against the OpenAPI document by the `api` helper.
import type { DomainEvent } from '../../simulator/events.ts';
import { startSimulator, type Simulator } from '../../simulator/server.ts';
import { api, DEMO_TOKEN, V1 } from './helpers.ts';

let sim: Simulator;
let events: DomainEvent[] = [];

beforeAll(async () => {
	sim = await startSimulator({ port: 0, contacts: 60 });
	sim.events.on((event) => events.push(event));
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => {
	sim.control.reset();
	events = [];
});

const names = () => events.map((event) => event.name);

/** A conversation (display id) in an inbox of this channel kind. */
function conversationIn(kind: 'api' | 'web_widget' | 'whatsapp'): number {
	const inbox = [...sim.store.inboxes.values()].find((item) => item.channel_kind === kind)!;
	return [...sim.store.conversations.values()].find((item) => item.inbox_id === inbox.id)!
		.display_id;
}

function storedConversation(displayId: number) {
	return sim.store.conversationByDisplayId(1, displayId)!;
}

async function postForm(path: string, form: FormData, headers: Record<string, string> = {}) {
	const response = await fetch(`${sim.url}${path}`, {
		method: 'POST',
		headers: { api_access_token: DEMO_TOKEN, ...headers },
		body: form,
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('conversation counts, search and filter', () => {
	it('meta answers the counts of the list for the same filters', async () => {
		const list = await api(sim, 'GET', `${V1}/conversations?status=all&inbox_id=1`);
		const meta = await api(sim, 'GET', `${V1}/conversations/meta?status=all&inbox_id=1`);
		expect(meta.status).toBe(200);
		expect(meta.body).toEqual({ meta: list.body.data.meta });
		expect(meta.body.meta.all_count).toBeGreaterThan(0);
	});

	it('search finds conversations of any status by message content, 25 a page, slim', async () => {
		const res = await api(sim, 'GET', `${V1}/conversations/search?q=refund`);
		expect(res.status).toBe(200);
		expect(res.body.payload.length).toBeGreaterThan(0);
		for (const item of res.body.payload) {
			expect(item.messages.length).toBeGreaterThan(0);
			for (const message of item.messages)
				expect(message.content.toLowerCase()).toContain('refund');
		}
		expect(res.body.payload.length).toBeLessThanOrEqual(25);
		expect(res.body.meta.all_count).toBeGreaterThanOrEqual(res.body.payload.length);
		expect((await api(sim, 'GET', `${V1}/conversations/search`)).status).toBe(422);
	});

	it('filter joins conditions left to right with AND / OR', async () => {
		const openInApi = await api(sim, 'POST', `${V1}/conversations/filter`, {
			body: {
				payload: [
					{
						attribute_key: 'status',
						filter_operator: 'equal_to',
						values: ['open'],
						query_operator: 'AND',
					},
					{
						attribute_key: 'inbox_id',
						filter_operator: 'equal_to',
						values: [1],
						query_operator: null,
					},
				],
			},
		});
		expect(openInApi.status).toBe(200);
		const expected = [...sim.store.conversations.values()].filter(
			(c) => c.status === 'open' && c.inbox_id === 1,
		).length;
		expect(openInApi.body.meta.all_count).toBe(expected);
		expect(
			openInApi.body.payload.every(
				(c: { status: string; inbox_id: number }) => c.status === 'open' && c.inbox_id === 1,
			),
		).toBe(true);

		const either = await api(sim, 'POST', `${V1}/conversations/filter?page=1`, {
			body: {
				payload: [
					{
						attribute_key: 'priority',
						filter_operator: 'equal_to',
						values: ['urgent'],
						query_operator: 'OR',
					},
					{ attribute_key: 'labels', filter_operator: 'equal_to', values: ['billing'] },
				],
			},
		});
		const wanted = [...sim.store.conversations.values()].filter(
			(c) => c.priority === 'urgent' || c.labels.includes('billing'),
		).length;
		expect(either.body.meta.all_count).toBe(wanted);
	});

	it('filter pages 25 at a time without repeating an item', async () => {
		const body = {
			payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['all'] }],
		};
		const first = await api(sim, 'POST', `${V1}/conversations/filter?page=1`, { body });
		const rest: number[] = [];
		for (let page = 2; page < 10; page++) {
			const res = await api(sim, 'POST', `${V1}/conversations/filter?page=${page}`, { body });
			rest.push(...res.body.payload.map((c: { id: number }) => c.id));
			if (res.body.payload.length < 25) break;
		}
		const ids = [...first.body.payload.map((c: { id: number }) => c.id), ...rest];
		expect(first.body.payload).toHaveLength(25);
		expect(new Set(ids).size).toBe(sim.store.conversations.size);
	});

	it.each([
		[
			{ attribute_key: 'nope', filter_operator: 'equal_to', values: ['x'] },
			/Invalid attribute key - \[nope\]/,
		],
		[
			{ attribute_key: 'status', filter_operator: 'contains', values: ['op'] },
			/allowed operators for status/,
		],
		[{ attribute_key: 'inbox_id', filter_operator: 'equal_to', values: [] }, /Invalid value/],
		[
			{
				attribute_key: 'status',
				filter_operator: 'equal_to',
				values: ['open'],
				query_operator: 'XOR',
			},
			/Query operator must be either "AND" or "OR"/,
		],
	])('filter refuses %j with a 422', async (condition, message) => {
		const res = await api(sim, 'POST', `${V1}/conversations/filter`, {
			body: { payload: [condition] },
		});
		expect(res.status).toBe(422);
		expect(res.body.error).toMatch(message);
		expect(res.body.code).toBe('validation_failed');
	});
});

describe('conversation changes', () => {
	it('PATCH sets the priority and SLA policy and raises conversation.updated', async () => {
		const res = await api(sim, 'PATCH', `${V1}/conversations/4`, {
			body: { priority: 'urgent', sla_policy_id: 3 },
		});
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ id: 4, priority: 'urgent', sla_policy_id: 3 });
		expect(names()).toEqual(['conversation.updated']);
		expect(
			(await api(sim, 'PATCH', `${V1}/conversations/4`, { body: { priority: 'none' } })).status,
		).toBe(422);
	});

	it('DELETE removes the conversation and its messages', async () => {
		const internal = storedConversation(5).id;
		expect((await api(sim, 'DELETE', `${V1}/conversations/5`)).status).toBe(204);
		expect((await api(sim, 'GET', `${V1}/conversations/5`)).status).toBe(404);
		expect([...sim.store.messages.values()].some((m) => m.conversation_id === internal)).toBe(
			false,
		);
	});

	it('toggle_priority sets and clears the priority (204)', async () => {
		expect(
			(
				await api(sim, 'POST', `${V1}/conversations/6/toggle_priority`, {
					body: { priority: 'high' },
				})
			).status,
		).toBe(204);
		expect(storedConversation(6).priority).toBe('high');
		expect(
			(
				await api(sim, 'POST', `${V1}/conversations/6/toggle_priority`, {
					body: { priority: null },
				})
			).status,
		).toBe(204);
		expect(storedConversation(6).priority).toBeNull();
	});

	it('assignments assign an agent, a team, or unassign', async () => {
		const agent = await api(sim, 'POST', `${V1}/conversations/7/assignments`, {
			body: { assignee_id: 3 },
		});
		expect(agent.body).toMatchObject({ id: 3, role: 'agent' });
		expect(storedConversation(7).assignee_id).toBe(3);
		expect(names()).toEqual(
			expect.arrayContaining(['conversation.assigned', 'conversation.updated']),
		);

		const team = await api(sim, 'POST', `${V1}/conversations/7/assignments`, {
			body: { team_id: 2 },
		});
		expect(team.body).toMatchObject({ id: 2, name: 'support' });
		expect(storedConversation(7).team_id).toBe(2);

		const nobody = await api(sim, 'POST', `${V1}/conversations/7/assignments`, {
			body: { assignee_id: null },
		});
		expect(nobody.status).toBe(200);
		expect(nobody.body).toBeNull();
		expect(storedConversation(7).assignee_id).toBeNull();

		const unknown = await api(sim, 'POST', `${V1}/conversations/7/assignments`, {
			body: { assignee_id: 999 },
		});
		expect(unknown.body).toBeNull();
	});

	it('labels are read and replaced as a whole set', async () => {
		const set = await api(sim, 'POST', `${V1}/conversations/8/labels`, {
			body: { labels: ['vip', 'billing', 'vip'] },
		});
		expect(set.body).toEqual({ payload: ['vip', 'billing'] });
		expect((await api(sim, 'GET', `${V1}/conversations/8/labels`)).body).toEqual({
			payload: ['vip', 'billing'],
		});
		const bad = await api(sim, 'POST', `${V1}/conversations/8/labels`, {
			body: { labels: ['no spaces'] },
		});
		expect(bad.status).toBe(422);
	});

	it('custom_attributes replaces the hash', async () => {
		await api(sim, 'POST', `${V1}/conversations/9/custom_attributes`, {
			body: { custom_attributes: { a: 1, b: 2 } },
		});
		const res = await api(sim, 'POST', `${V1}/conversations/9/custom_attributes`, {
			body: { custom_attributes: { c: 3 } },
		});
		expect(res.body).toEqual({ custom_attributes: { c: 3 } });
		expect(storedConversation(9).custom_attributes).toEqual({ c: 3 });
	});

	it('toggle_typing_status answers 204 and raises the typing event', async () => {
		const res = await api(sim, 'POST', `${V1}/conversations/9/toggle_typing_status`, {
			body: { typing_status: 'on', is_private: true },
		});
		expect(res.status).toBe(204);
		expect(names()).toEqual(['conversation.typing_on']);
		expect(
			(
				await api(sim, 'POST', `${V1}/conversations/9/toggle_typing_status`, {
					body: { typing_status: 'maybe' },
				})
			).status,
		).toBe(422);
	});
});

describe('message status, delete and attachments', () => {
	it('PATCH updates the status in API inboxes only', async () => {
		const apiConversation = conversationIn('api');
		const message = sim.store.lastMessageOf(storedConversation(apiConversation).id)!;
		const res = await api(
			sim,
			'PATCH',
			`${V1}/conversations/${apiConversation}/messages/${message.id}`,
			{ body: { status: 'failed', external_error: 'Number blocked' } },
		);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			id: message.id,
			status: 'failed',
			content_attributes: { external_error: 'Number blocked' },
		});
		expect(names()).toEqual(['message.updated']);

		const widget = conversationIn('web_widget');
		const other = sim.store.lastMessageOf(storedConversation(widget).id)!;
		const refused = await api(sim, 'PATCH', `${V1}/conversations/${widget}/messages/${other.id}`, {
			body: { status: 'read' },
		});
		expect(refused.status).toBe(403);
		expect(refused.body.error).toMatch(/only allowed for API inboxes/);
		expect(
			(
				await api(sim, 'PATCH', `${V1}/conversations/${widget}/messages/999999`, {
					body: { status: 'read' },
				})
			).status,
		).toBe(404);
	});

	it('multipart create stores up to 15 files, served at their data_url; delete purges them', async () => {
		const form = new FormData();
		form.append('content', 'Two files');
		form.append('private', 'true');
		form.append('template_params[name]', 'order_update');
		form.append('template_params[processed_params][body][1]', 'Ada');
		form.append(
			'attachments[]',
			new Blob([Buffer.from('hello file')], { type: 'text/plain' }),
			'note.txt',
		);
		form.append(
			'attachments[]',
			new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }),
			'pixel.png',
		);
		const created = await postForm(`${V1}/conversations/1/messages`, form);
		expect(created.status).toBe(201);
		const message = created.body as {
			id: number;
			private: boolean;
			attachments: Array<{
				data_url: string;
				file_type: string;
				extension: string;
				file_size: number;
			}>;
		};
		expect(message.private).toBe(true);
		expect(message.attachments.map((a) => [a.file_type, a.extension, a.file_size])).toEqual([
			['file', 'txt', 10],
			['image', 'png', 4],
		]);
		expect(sim.store.messages.get(message.id)?.additional_attributes).toEqual({
			template_params: { name: 'order_update', processed_params: { body: { '1': 'Ada' } } },
		});
		const file = await fetch(message.attachments[0].data_url);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('text/plain');
		expect(await file.text()).toBe('hello file');

		const listed = await api(sim, 'GET', `${V1}/conversations/1/messages`);
		expect(
			listed.body.payload.find((m: { id: number }) => m.id === message.id).attachments,
		).toHaveLength(2);

		const deleted = await api(sim, 'DELETE', `${V1}/conversations/1/messages/${message.id}`);
		expect(deleted.status).toBe(200);
		expect(deleted.body).toMatchObject({
			id: message.id,
			content: 'This message was deleted',
			content_attributes: { deleted: true },
			attachments: [],
		});
		expect((await fetch(message.attachments[0].data_url)).status).toBe(404);
	});

	it('multipart without content needs files; more than 15 files is a 422; other endpoints refuse multipart', async () => {
		const empty = new FormData();
		empty.append('content', '');
		expect((await postForm(`${V1}/conversations/1/messages`, empty)).status).toBe(422);

		const many = new FormData();
		for (let i = 0; i < 16; i++) many.append('attachments[]', new Blob(['x']), `f${i}.txt`);
		const tooMany = await postForm(`${V1}/conversations/1/messages`, many);
		expect(tooMany.status).toBe(422);
		expect(tooMany.body.details).toEqual({ attachments: ['must have at most 15 items'] });

		const other = new FormData();
		other.append('name', 'x');
		expect((await postForm(`${V1}/contacts`, other)).status).toBe(400);
	});

	it('the same Idempotency-Key with other files is a conflict', async () => {
		const form = (text: string) => {
			const data = new FormData();
			data.append('attachments[]', new Blob([text]), 'a.txt');
			return data;
		};
		expect(
			(
				await postForm(`${V1}/conversations/1/messages`, form('one'), {
					'Idempotency-Key': 'files-1',
				})
			).status,
		).toBe(201);
		expect(
			(
				await postForm(`${V1}/conversations/1/messages`, form('one'), {
					'Idempotency-Key': 'files-1',
				})
			).status,
		).toBe(201);
		expect(
			(
				await postForm(`${V1}/conversations/1/messages`, form('two'), {
					'Idempotency-Key': 'files-1',
				})
			).status,
		).toBe(409);
	});
});

describe('contact actions', () => {
	it('filter matches exactly (email case-insensitively), 15 a page with the total in meta.count', async () => {
		const contact = sim.store.contacts.get(12)!;
		const res = await api(sim, 'POST', `${V1}/contacts/filter`, {
			body: {
				payload: [
					{
						attribute_key: 'email',
						filter_operator: 'equal_to',
						values: [contact.email!.toUpperCase()],
					},
				],
			},
		});
		expect(res.body.meta).toEqual({ count: 1, current_page: 1 });
		expect(res.body.payload.map((c: { id: number }) => c.id)).toEqual([12]);

		const all = await api(sim, 'POST', `${V1}/contacts/filter?page=4`, {
			body: { payload: [{ attribute_key: 'name', filter_operator: 'is_present' }] },
		});
		expect(all.status).toBe(422);
		const everyone = await api(sim, 'POST', `${V1}/contacts/filter?page=4`, {
			body: {
				payload: [
					{
						attribute_key: 'created_at',
						filter_operator: 'is_greater_than',
						values: ['2020-01-01'],
					},
				],
			},
		});
		expect(everyone.body.meta).toEqual({ count: 60, current_page: 4 });
		expect(everyone.body.payload.map((c: { id: number }) => c.id)).toEqual([
			46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60,
		]);

		const phone = await api(sim, 'POST', `${V1}/contacts/filter`, {
			body: {
				payload: [
					{
						attribute_key: 'phone_number',
						filter_operator: 'starts_with',
						values: [contact.phone_number!.slice(1, 5)],
					},
				],
			},
		});
		expect(
			phone.body.payload.every((c: { phone_number: string }) =>
				c.phone_number.startsWith(contact.phone_number!.slice(0, 5)),
			),
		).toBe(true);
	});

	it('conversations lists the contact’s latest conversations', async () => {
		const contactId = [...sim.store.conversations.values()][0].contact_id;
		const res = await api(sim, 'GET', `${V1}/contacts/${contactId}/conversations`);
		const expected = [...sim.store.conversations.values()].filter(
			(c) => c.contact_id === contactId,
		).length;
		expect(res.body.payload).toHaveLength(Math.min(20, expected));
		expect(
			res.body.payload.every(
				(c: { meta: { sender: { id: number } } }) => c.meta.sender.id === contactId,
			),
		).toBe(true);
	});

	it('contactable inboxes and contact inboxes follow each channel’s rule', async () => {
		const created = await api(sim, 'POST', `${V1}/contacts`, {
			body: { name: 'Mail Only', email: 'mail.only@example.com' },
		});
		const id = created.body.payload.contact.id as number;
		const inboxes = await api(sim, 'GET', `${V1}/contacts/${id}/contactable_inboxes`);
		expect(inboxes.body.payload.map((i: { inbox: { id: number } }) => i.inbox.id)).toEqual([1, 2]);

		const whatsapp = await api(sim, 'POST', `${V1}/contacts/${id}/contact_inboxes`, {
			body: { inbox_id: 3 },
		});
		expect(whatsapp.status).toBe(422);
		expect(whatsapp.body.details).toEqual({ phone_number: ['is required for WhatsApp inboxes'] });

		const added = await api(sim, 'POST', `${V1}/contacts/${id}/contact_inboxes`, {
			body: { inbox_id: 1, source_id: 'ext-42' },
		});
		expect(added.body).toMatchObject({ source_id: 'ext-42', inbox: { id: 1 } });
		const again = await api(sim, 'POST', `${V1}/contacts/${id}/contact_inboxes`, {
			body: { inbox_id: 1 },
		});
		expect(again.body.source_id).toBe('ext-42');
	});

	it('labels are replaced as a set and raise contact.updated', async () => {
		const res = await api(sim, 'POST', `${V1}/contacts/3/labels`, {
			body: { labels: ['lead', 'n8n_sync'] },
		});
		expect(res.body).toEqual({ payload: ['lead', 'n8n_sync'] });
		expect((await api(sim, 'GET', `${V1}/contacts/3/labels`)).body).toEqual({
			payload: ['lead', 'n8n_sync'],
		});
		expect(names()).toEqual(['contact.updated']);
	});

	it('merge moves the mergee’s conversations to the base contact and deletes the mergee', async () => {
		const mergee = [...sim.store.conversations.values()][0].contact_id;
		const base = mergee === 1 ? 2 : 1;
		const moved = [...sim.store.conversations.values()]
			.filter((c) => c.contact_id === mergee)
			.map((c) => c.display_id);
		const res = await api(sim, 'POST', `${V1}/actions/contact_merge`, {
			body: { base_contact_id: base, mergee_contact_id: mergee },
		});
		expect(res.status).toBe(200);
		expect(res.body.id).toBe(base);
		expect(sim.store.contacts.has(mergee)).toBe(false);
		for (const displayId of moved) expect(storedConversation(displayId).contact_id).toBe(base);
		expect(names()).toEqual(['contact.deleted', 'contact.updated']);
		expect(
			(
				await api(sim, 'POST', `${V1}/actions/contact_merge`, {
					body: { base_contact_id: base, mergee_contact_id: base },
				})
			).status,
		).toBe(422);
		expect(
			(
				await api(sim, 'POST', `${V1}/actions/contact_merge`, {
					body: { base_contact_id: base, mergee_contact_id: mergee },
				})
			).status,
		).toBe(404);
	});
});
