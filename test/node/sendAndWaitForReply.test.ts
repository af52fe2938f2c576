import type { INodeExecutionData } from 'n8n-workflow';

import { HueChat } from '../../nodes/HueChat/HueChat.node';
import { execute } from '../../nodes/HueChat/resources/message/sendAndWaitForReply.operation';
import { seal, unseal } from '../../nodes/shared/webhookSecurity/seal';
import { runHueChat } from '../helpers/routing';
import { byId, startFixture, type SimulatorFixture } from '../helpers/simulator';

/**
 * Message → Send and Wait for Reply through n8n-core's execution path against the simulator: what it sends and
 * subscribes before the execution waits. What resumes it (the deliveries, the reply) runs in a real n8n:
 * test/e2e/sendAndWaitForReply.e2e.test.ts.
 */

let fx: SimulatorFixture;
beforeAll(async () => {
	// the waits' URLs point at an n8n that is not running: one attempt per delivery, no retries left behind
	fx = await startFixture({ contacts: 5, delivery: { maxAttempts: 1, retryBaseMs: 5 } });
});
afterAll(async () => {
	await fx.sim.close();
});
beforeEach(async () => {
	await fx.clearRequests();
});

interface Subscription {
	id: string;
	url: string;
	events: string[];
	active: boolean;
	secret: string;
	description: string | null;
}

const subscriptions = () => fx.sim.control.collection('outbound_webhooks') as Subscription[];
const SUBSCRIPTIONS = '/api/v2/accounts/1/outbound_webhooks';
/** Where runHueChat's n8n has its waiting webhooks. */
const WAITING_BASE = 'http://127.0.0.1:5678/webhook-waiting/';

const run = (
	parameters: Record<string, unknown>,
	extra: { continueOnFail?: boolean; inputItems?: INodeExecutionData[] } = {},
) =>
	runHueChat({
		credentials: fx.credentials,
		parameters: {
			resource: 'message',
			operation: 'sendAndWaitForReply',
			conversationId: byId(1),
			text: 'Shall we book Monday?',
			...parameters,
		} as never,
		...extra,
	});

async function removeAll() {
	for (const subscription of subscriptions())
		await fetch(`${fx.sim.url}${SUBSCRIPTIONS}/${subscription.id}`, {
			method: 'DELETE',
			headers: { api_access_token: fx.credentials.apiToken },
		});
}

describe('Message → Send and Wait for Reply', () => {
	afterEach(removeAll);

	it('is a custom operation of the message resource', () => {
		expect(new HueChat().customOperations.message.sendAndWaitForReply).toBe(execute);
	});

	it('sends the text to the contact, subscribes inactive, then points the subscription at this wait, sealed', async () => {
		const { items } = await run({});
		// n8n resumes with the reply; until then (and at the time-out) the input passes through
		expect(items.map((item) => item.json)).toEqual([{}]);
		const calls = (await fx.requests()).map((r) => ({
			method: r.method,
			path: r.path,
			body: r.body,
		}));
		expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
			`GET ${SUBSCRIPTIONS}`,
			'POST /api/v1/accounts/1/conversations/1/messages',
			`POST ${SUBSCRIPTIONS}`,
			`PATCH ${SUBSCRIPTIONS}/${subscriptions()[0].id}`,
		]);
		expect(calls[1].body).toEqual({
			content: 'Shall we book Monday?',
			message_type: 'outgoing',
			private: false,
		});
		expect(calls[2].body).toMatchObject({ events: ['message.created'], active: false });
		expect((calls[2].body as { url: string }).url).toMatch(
			/^http:\/\/127\.0\.0\.1:5678\/webhook-waiting\/test-\d+\/b7d6c6a2-0000-4000-8000-000000000001\?signature=/,
		);
		expect(Object.keys(calls[3].body as object).sort()).toEqual(['active', 'url']);

		const [subscription] = subscriptions();
		expect(subscription).toMatchObject({ active: true, events: ['message.created'] });
		// no Limit Wait Time: the wait lasts until the reply (n8n's WAIT_INDEFINITELY)
		expect(subscription.description).toMatch(
			/^n8n Send and Wait for Reply \(execution test-\d+\) until 3000-01-01T00:00:00.000Z$/,
		);
		const url = new URL(subscription.url);
		expect(url.searchParams.get('signature')).toBeTruthy();
		const sealed = url.searchParams.get('w') ?? '';
		expect(subscription.url).not.toContain(subscription.secret.replace(/^whsec_/, ''));
		const sent = (fx.sim.control.collection('messages') as Array<{ id: number; content: string }>)
			.filter((message) => message.content === 'Shall we book Monday?')
			.at(-1);
		expect(unseal(fx.credentials.apiToken, sealed)).toEqual({
			secret: subscription.secret,
			subscriptionId: subscription.id,
			conversationId: 1,
			sentMessageId: sent?.id,
		});
	});

	it('the seal opens only with the same API token, and not once changed', () => {
		const sealed = seal('hc_token_a', { secret: 'whsec_x', n: 1 });
		expect(unseal('hc_token_a', sealed)).toEqual({ secret: 'whsec_x', n: 1 });
		expect(unseal('hc_token_b', sealed)).toBeUndefined();
		const bytes = Buffer.from(sealed, 'base64url');
		bytes[bytes.length - 1] ^= 1;
		expect(unseal('hc_token_a', bytes.toString('base64url'))).toBeUndefined();
		expect(unseal('hc_token_a', '')).toBeUndefined();
		// a fresh IV each time: the same value never seals to the same text
		expect(seal('hc_token_a', { n: 1 })).not.toBe(seal('hc_token_a', { n: 1 }));
	});

	it('removes the subscriptions of this n8n’s ended waits, and only those', async () => {
		const make = async (url: string, description: string) => {
			const response = await fetch(`${fx.sim.url}${SUBSCRIPTIONS}`, {
				method: 'POST',
				headers: {
					api_access_token: fx.credentials.apiToken,
					'content-type': 'application/json',
				},
				body: JSON.stringify({ url, events: ['message.created'], description, active: false }),
			});
			return ((await response.json()) as { id: string }).id;
		};
		const ended = await make(
			`${WAITING_BASE}old/node?signature=s&w=x`,
			'n8n Send and Wait for Reply (execution old) until 2020-01-01T00:00:00.000Z',
		);
		const running = await make(
			`${WAITING_BASE}new/node?signature=s&w=x`,
			'n8n Send and Wait for Reply (execution new) until 2999-01-01T00:00:00.000Z',
		);
		const otherN8n = await make(
			'http://localhost:9999/webhook-waiting/old/node?signature=s&w=x',
			'n8n Send and Wait for Reply (execution old) until 2020-01-01T00:00:00.000Z',
		);
		const notAWait = await make(`${WAITING_BASE}x`, 'CRM sync until 2020-01-01T00:00:00.000Z');
		await run({});
		const left = subscriptions().map((subscription) => subscription.id);
		expect(left).not.toContain(ended);
		expect(left).toEqual(expect.arrayContaining([running, otherN8n, notAWait]));
		expect(left).toHaveLength(4);
	});

	it('a failure after subscribing deletes the subscription before the error', async () => {
		fx.sim.control.addFault({ kind: 'status', status: 422, method: 'PATCH', path: SUBSCRIPTIONS });
		await expect(run({})).rejects.toThrow();
		expect(subscriptions()).toEqual([]);
		fx.sim.control.addFault({ kind: 'status', status: 422, method: 'PATCH', path: SUBSCRIPTIONS });
		const { items } = await run({}, { continueOnFail: true });
		expect(items).toHaveLength(1);
		// HueChat's refusal of the PATCH, in its words
		expect(items[0].json.error).toMatch(/HueChat 422/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(subscriptions()).toEqual([]);
	});

	it('a key that may not manage subscriptions fails before the message is sent, naming the scope', async () => {
		const credentials = await fx.credentialsWith({
			scopes: ['messages:read', 'messages:write', 'webhooks:write'],
		});
		await expect(
			runHueChat({
				credentials,
				parameters: {
					resource: 'message',
					operation: 'sendAndWaitForReply',
					conversationId: byId(1),
					text: 'Never sent',
				} as never,
			}),
		).rejects.toThrow('webhooks:read');
		const requests = await fx.requests();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${SUBSCRIPTIONS}`]);
	});

	it('refuses bad input naming the field, before sending anything', async () => {
		await expect(run({ text: '  ' })).rejects.toThrow("'Text'");
		await expect(run({ conversationId: byId('abc') })).rejects.toThrow("'Conversation'");
		await expect(
			run({
				messageSendAndWaitForReplyOptions: {
					limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 0 } },
				},
			}),
		).rejects.toThrow('Amount');
		expect(await fx.requests()).toEqual([]);
	});

	it('under Continue On Fail, bad input is one error item paired with item 0, naming the field', async () => {
		const { items } = await run({ text: '  ' }, { continueOnFail: true });
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toMatch("'Text'");
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(await fx.requests()).toEqual([]);
	});

	it('names the wait limit in the subscription', async () => {
		await run({
			messageSendAndWaitForReplyOptions: {
				limitWaitTime: {
					values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2031-02-03T04:05:06Z' },
				},
			},
		});
		expect(subscriptions()[0].description).toMatch(/ until 2031-02-03T04:05:06.000Z$/);
	});
});

describe('Message → Send and Wait for Reply, sent to a contact', () => {
	afterEach(removeAll);

	const store = () => fx.sim.store;
	const conversationsOf = (contactId: number) =>
		[...store().conversations.values()].filter((c) => c.contact_id === contactId);
	const toContact = (parameters: Record<string, unknown>, extra: Parameters<typeof run>[1] = {}) =>
		run({ sendTo: 'contact', sendToInboxId: byId(1), ...parameters }, extra);
	const v1 = (path: string) => path.replace('/api/v1/accounts/1', '');
	const waitOf = () =>
		unseal(
			fx.credentials.apiToken,
			new URL(subscriptions()[0].url).searchParams.get('w') ?? '',
		) as { conversationId: number; contactId: number; sentMessageId: number };

	it('a new contact: created in the inbox with its name, a conversation started, the text sent and waited on there', async () => {
		const { items } = await toContact({
			sendToMatchBy: 'email',
			sendToEmail: 'waiting.new@example.com',
			messageSendAndWaitForReplyFields: { contactName: 'Wait New' },
		});
		expect(items.map((item) => item.json)).toEqual([{}]);
		const contact = [...store().contacts.values()].find(
			(c) => c.email === 'waiting.new@example.com',
		)!;
		expect(contact).toMatchObject({ name: 'Wait New' });
		const [conversation] = conversationsOf(contact.id);
		expect(conversationsOf(contact.id)).toHaveLength(1);
		expect(conversation.inbox_id).toBe(1);
		const requests = await fx.requests();
		expect(requests.map((r) => `${r.method} ${v1(r.path)}`)).toEqual([
			`GET ${SUBSCRIPTIONS}`,
			'POST /contacts/filter',
			'POST /contacts',
			'POST /conversations',
			`POST /conversations/${conversation.display_id}/messages`,
			`POST ${SUBSCRIPTIONS}`,
			`PATCH ${SUBSCRIPTIONS}/${subscriptions()[0].id}`,
		]);
		expect(requests[2].body).toEqual({
			inbox_id: 1,
			name: 'Wait New',
			email: 'waiting.new@example.com',
		});
		expect(requests[3].body).toEqual({ inbox_id: 1, contact_id: contact.id });
		expect(requests[4].body).toMatchObject({ content: 'Shall we book Monday?' });
		// what the reply (and the time-out) will say: this conversation and this contact
		const sent = store().lastMessageOf(conversation.id)!;
		expect(waitOf()).toMatchObject({
			conversationId: conversation.display_id,
			contactId: contact.id,
			sentMessageId: sent.id,
		});
	});

	it('an existing contact with an open conversation in the inbox: that conversation is reused, nothing created', async () => {
		const open = [...store().conversations.values()].find(
			(c) =>
				c.inbox_id === 1 &&
				c.status === 'open' &&
				Boolean(store().contacts.get(c.contact_id)?.phone_number),
		)!;
		// its other open conversations in the inbox resolved, so which one is reused is not in doubt
		for (const other of conversationsOf(open.contact_id))
			if (other !== open && other.inbox_id === 1)
				store().updateConversation(other, { status: 'resolved' });
		const contact = store().contacts.get(open.contact_id)!;
		const [contacts, conversations] = [store().contacts.size, store().conversations.size];
		await toContact({ sendToMatchBy: 'phone_number', sendToPhoneNumber: contact.phone_number });
		const requests = await fx.requests();
		expect(requests.map((r) => `${r.method} ${v1(r.path)}`)).toEqual([
			`GET ${SUBSCRIPTIONS}`,
			'POST /contacts/filter',
			`GET /contacts/${contact.id}/conversations`,
			`POST /conversations/${open.display_id}/messages`,
			`POST ${SUBSCRIPTIONS}`,
			`PATCH ${SUBSCRIPTIONS}/${subscriptions()[0].id}`,
		]);
		expect([store().contacts.size, store().conversations.size]).toEqual([contacts, conversations]);
		expect(waitOf()).toMatchObject({ conversationId: open.display_id, contactId: contact.id });
	});

	it('refuses bad input naming the field, before sending anything', async () => {
		await expect(
			toContact({ sendToMatchBy: 'email', sendToEmail: 'not-an-email' }),
		).rejects.toThrow(/'Email' must be an email address/);
		await expect(
			toContact({ sendToMatchBy: 'phone_number', sendToPhoneNumber: '0501234' }),
		).rejects.toThrow(/'Phone Number' must be a phone number in E.164/);
		await expect(toContact({ sendToInboxId: byId('x'), sendToEmail: 'a@b.co' })).rejects.toThrow(
			/'Inbox' must be a positive whole number/,
		);
		expect(await fx.requests()).toEqual([]);
		// HueChat's refusal of the new contact (a WhatsApp inbox needs a phone number): the error, nothing waits
		await expect(
			toContact({ sendToInboxId: byId(3), sendToEmail: 'mail.only.wait@example.com' }),
		).rejects.toThrow(/phone_number/);
		expect(subscriptions()).toEqual([]);
	});

	it('sends a picked template and the input item’s files with the text, then waits on that message', async () => {
		const whatsapp = [...store().inboxes.values()].find(
			(inbox) => inbox.channel_kind === 'whatsapp',
		)!;
		const order = store()
			.v2OfAccount('templates', 1)
			.find((t) => t.name === 'order_update')!;
		const booking = Buffer.from('BOOKING-PDF');
		const input: INodeExecutionData = {
			json: {},
			binary: {
				data: {
					data: booking.toString('base64'),
					fileName: 'booking.pdf',
					mimeType: 'application/pdf',
					fileExtension: 'pdf',
				},
			},
		};
		await toContact(
			{
				sendToInboxId: byId(whatsapp.id),
				sendToMatchBy: 'phone_number',
				sendToPhoneNumber: '+971500009876',
				text: '',
				templateId: byId(order.id),
				templateVariables: {
					mappingMode: 'defineBelow',
					value: { body_1: 'Ada', body_2: '#4411', button_1: 'A1234' },
				},
				messageSendAndWaitForReplyFields: { attachments: 'data' },
			},
			{ inputItems: [input] },
		);
		const [sendRequest] = (await fx.requests()).filter((r) => r.path.endsWith('/messages'));
		expect(String(sendRequest.body)).toContain('name="template_params[name]"\r\n\r\norder_update');
		expect(String(sendRequest.body)).toContain('filename="booking.pdf"');
		const sent = store().messages.get(waitOf().sentMessageId)!;
		expect(sent.message_type).not.toBe('incoming');
		expect(sent.attachments).toHaveLength(1);
		expect(sent.additional_attributes.template_params).toMatchObject({
			name: 'order_update',
			processed_params: { body: { '1': 'Ada', '2': '#4411' } },
		});
	});

	it('refuses a missing file or an unfilled template variable naming the field, before sending anything', async () => {
		await expect(
			toContact({
				sendToEmail: 'a@b.co',
				messageSendAndWaitForReplyFields: { attachments: 'nope' },
			}),
		).rejects.toThrow("'Attachments': the input item has no binary property 'nope'");
		const order = store()
			.v2OfAccount('templates', 1)
			.find((t) => t.name === 'order_update')!;
		await expect(
			run({
				text: '',
				templateId: byId(order.id),
				templateVariables: { mappingMode: 'defineBelow', value: { body_1: 'Ada' } },
			}),
		).rejects.toThrow(/Template/);
		const requests = await fx.requests();
		expect(requests.map((r) => r.method)).toEqual(['GET']);
		expect(requests[0].path).toBe(`/api/v2/accounts/1/templates/${order.id}`);
	});
});
