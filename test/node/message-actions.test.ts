import type { INodeExecutionData } from 'n8n-workflow';

import { byId, nodeSuite, v1Status } from '../helpers/simulator';

const suite = nodeSuite('message');
const { run } = suite;

const store = () => suite.fx.sim.store;
const conversationsOf = (contactId: number) =>
	[...store().conversations.values()].filter((c) => c.contact_id === contactId);

/** A conversation (display id) in an inbox of this channel kind. */
function conversationIn(kind: 'api' | 'web_widget'): number {
	const inbox = [...store().inboxes.values()].find((item) => item.channel_kind === kind)!;
	return [...store().conversations.values()].find((item) => item.inbox_id === inbox.id)!.display_id;
}

function fileItem(
	files: Record<string, { text: string; fileName: string; mimeType: string }>,
): INodeExecutionData {
	const binary: INodeExecutionData['binary'] = {};
	for (const [name, file] of Object.entries(files)) {
		binary[name] = {
			data: Buffer.from(file.text).toString('base64'),
			fileName: file.fileName,
			mimeType: file.mimeType,
			fileExtension: file.fileName.split('.').pop(),
		};
	}
	return { json: {}, binary };
}

describe('Message: status and delete', () => {
	it('Update Status sends PATCH with the status and the external error', async () => {
		const conversation = conversationIn('api');
		const message = store().lastMessageOf(store().conversationByDisplayId(1, conversation)!.id)!;
		const { items } = await run({
			operation: 'updateStatus',
			conversationId: byId(conversation),
			messageId: String(message.id),
			status: 'failed',
			externalError: 'Number unreachable',
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.body]).toEqual([
			'PATCH',
			`/api/v1/accounts/1/conversations/${conversation}/messages/${message.id}`,
			{ status: 'failed', external_error: 'Number unreachable' },
		]);
		expect(items[0].json).toMatchObject({ id: message.id, status: 'failed' });
		expect(store().messages.get(message.id)!.content_attributes.external_error).toBe(
			'Number unreachable',
		);
	});

	it('Update Status in a non-API inbox comes back as HueChat’s 403 on the item', async () => {
		const conversation = conversationIn('web_widget');
		const message = store().lastMessageOf(store().conversationByDisplayId(1, conversation)!.id)!;
		const { items } = await run(
			{
				operation: 'updateStatus',
				conversationId: byId(conversation),
				messageId: String(message.id),
				status: 'read',
			},
			{ continueOnFail: true },
		);
		expect(items[0].error?.message).toMatch(
			/HueChat 403: Message status update is only allowed for API inboxes/,
		);
	});

	it('Update Status refuses a message ID that is not a number', async () => {
		await expect(
			run({ operation: 'updateStatus', conversationId: byId(1), messageId: 'abc', status: 'read' }),
		).rejects.toThrow(/'Message ID' must be a positive whole number/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Delete answers the message with its content replaced', async () => {
		const message = store().lastMessageOf(store().conversationByDisplayId(1, 2)!.id)!;
		const { items } = await run({
			operation: 'delete',
			conversationId: byId(2),
			messageId: String(message.id),
			simplify: false,
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'DELETE',
			`/api/v1/accounts/1/conversations/2/messages/${message.id}`,
			200,
		]);
		expect(items[0].json).toMatchObject({
			id: message.id,
			content: 'This message was deleted',
			content_attributes: { deleted: true },
		});
	});
});

describe('Message: attachments', () => {
	it('Create sends binary properties as multipart attachments[] and Get Many downloads them back', async () => {
		const input = fileItem({
			data: { text: 'invoice #4411', fileName: 'invoice.txt', mimeType: 'text/plain' },
			photo: { text: 'PNGDATA', fileName: 'photo.png', mimeType: 'image/png' },
		});
		const created = await run(
			{
				operation: 'create',
				conversationId: byId(4),
				messageContent: 'Your documents',
				messageFields: { attachments: 'data, photo', private: true },
				simplify: false,
			},
			{ inputItems: [input] },
		);
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			'/api/v1/accounts/1/conversations/4/messages',
			v1Status(suite.fx, 'create'),
		]);
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.headers['idempotency-key']).toMatch(/^n8n-/);
		const raw = String(request.body);
		expect(raw).toContain('name="content"\r\n\r\nYour documents');
		expect(raw).toContain('name="private"\r\n\r\ntrue');
		expect(raw).toContain(
			'name="attachments[]"; filename="invoice.txt"\r\nContent-Type: text/plain\r\n\r\ninvoice #4411',
		);
		expect(raw).toContain('name="attachments[]"; filename="photo.png"');
		const message = created.items[0].json as {
			id: number;
			attachments: Array<{ data_url: string }>;
			private: boolean;
		};
		expect(message.private).toBe(true);
		expect(message.attachments).toHaveLength(2);

		await suite.fx.clearRequests();
		const listed = await run({
			operation: 'getAll',
			conversationId: byId(4),
			limit: 1,
			messageGetAllOptions: { downloadAttachments: true },
		});
		expect(listed.items).toHaveLength(1);
		const item = listed.items[0];
		expect(item.json.id).toBe(message.id);
		expect(Object.keys(item.binary ?? {})).toEqual(['attachment_0', 'attachment_1']);
		expect(item.binary!.attachment_0).toMatchObject({
			fileName: 'invoice.txt',
			mimeType: 'text/plain',
		});
		expect(Buffer.from(item.binary!.attachment_0.data, 'base64').toString()).toBe('invoice #4411');
		const requests = await suite.fx.requests();
		expect(requests.map((r) => r.path)).toEqual([
			'/api/v1/accounts/1/conversations/4/messages',
			...message.attachments.map((attachment) => new URL(attachment.data_url).pathname),
		]);
		// the file URLs are not API calls: no token goes with them
		expect(requests.slice(1).every((r) => r.headers['api_access_token'] === undefined)).toBe(true);
	});

	it('Get Many downloads nothing unless asked, and only for the messages it outputs', async () => {
		const input = fileItem({ data: { text: 'a', fileName: 'a.txt', mimeType: 'text/plain' } });
		await run(
			{
				operation: 'create',
				conversationId: byId(7),
				messageContent: 'with file',
				messageFields: { attachments: 'data' },
			},
			{ inputItems: [input] },
		);
		await run({ operation: 'create', conversationId: byId(7), messageContent: 'without file' });
		await suite.fx.clearRequests();
		const plain = await run({ operation: 'getAll', conversationId: byId(7), returnAll: true });
		expect(plain.items.every((i) => i.binary === undefined)).toBe(true);
		const newest = await run({
			operation: 'getAll',
			conversationId: byId(7),
			limit: 1,
			messageGetAllOptions: { downloadAttachments: true, attachmentPrefix: 'file_' },
		});
		expect(newest.items[0].json.content).toBe('without file');
		expect(newest.items[0].binary).toBeUndefined();
		const two = await run({
			operation: 'getAll',
			conversationId: byId(7),
			limit: 2,
			messageGetAllOptions: { downloadAttachments: true, attachmentPrefix: 'file_' },
		});
		expect(Object.keys(two.items[0].binary ?? {})).toEqual(['file_0']);
		expect((await suite.fx.requests()).filter((r) => r.path.startsWith('/rails/'))).toHaveLength(1);
	});

	it('Create with attachments only (no text) is fine; a missing binary property or 16 files are refused', async () => {
		const input = fileItem({
			data: { text: 'only a file', fileName: 'only.txt', mimeType: 'text/plain' },
		});
		const { items } = await run(
			{
				operation: 'create',
				conversationId: byId(4),
				messageContent: '',
				messageFields: { attachments: 'data' },
			},
			{ inputItems: [input] },
		);
		expect(items[0].json.content).toBeNull();
		await suite.fx.clearRequests();
		await expect(
			run(
				{
					operation: 'create',
					conversationId: byId(4),
					messageContent: 'x',
					messageFields: { attachments: 'data, missing' },
				},
				{ inputItems: [input] },
			),
		).rejects.toThrow(/the input item has no binary property 'missing'/);
		const many = Array.from({ length: 16 }, (_, i) => `f${i}`).join(',');
		await expect(
			run(
				{
					operation: 'create',
					conversationId: byId(4),
					messageContent: 'x',
					messageFields: { attachments: many },
				},
				{ inputItems: [input] },
			),
		).rejects.toThrow(/at most 15 files/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Create sends a WhatsApp template as template_params', async () => {
		const { items } = await run({
			operation: 'create',
			conversationId: byId(3),
			messageContent: '',
			messageFields: {
				template: {
					template: {
						name: 'order_update',
						language: 'en_US',
						category: 'UTILITY',
						processedParams: '{"body": {"1": "Ada"}}',
					},
				},
			},
			simplify: false,
		});
		const [request] = await suite.fx.requests();
		expect(request.body).toEqual({
			template_params: {
				name: 'order_update',
				category: 'UTILITY',
				language: 'en_US',
				processed_params: { body: { '1': 'Ada' } },
			},
		});
		expect(
			store().messages.get(Number(items[0].json.id))!.additional_attributes.template_params,
		).toMatchObject({ name: 'order_update' });
	});
});

describe('Message: Send to Contact', () => {
	it('creates the contact and a conversation when none exists, then sends; the output says so', async () => {
		const { items } = await run({
			operation: 'sendToContact',
			inboxId: byId(1),
			matchBy: 'email',
			email: 'new.person@example.com',
			messageContent: 'Welcome!',
			messageSendToContactFields: { contactName: 'New Person' },
		});
		const requests = await suite.fx.requests();
		expect(
			requests.map((r) => [r.method, r.path.replace('/api/v1/accounts/1', ''), r.status]),
		).toEqual([
			['POST', '/contacts/filter', 200],
			['POST', '/contacts', v1Status(suite.fx, 'create')],
			['POST', '/conversations', v1Status(suite.fx, 'create')],
			[
				'POST',
				`/conversations/${String((items[0].json.conversation as { id: number }).id)}/messages`,
				v1Status(suite.fx, 'create'),
			],
		]);
		expect(requests[1].body).toEqual({
			inbox_id: 1,
			name: 'New Person',
			email: 'new.person@example.com',
		});
		expect(requests[3].body).toEqual({ content: 'Welcome!' });
		expect(new Set(requests.slice(1).map((r) => r.headers['idempotency-key'])).size).toBe(3);
		const json = items[0].json as Record<string, Record<string, unknown> | boolean>;
		expect(json).toMatchObject({
			contact_created: true,
			conversation_created: true,
			contact: { email: 'new.person@example.com', name: 'New Person' },
			message: { content: 'Welcome!' },
		});
		const contact = [...store().contacts.values()].find(
			(c) => c.email === 'new.person@example.com',
		)!;
		expect(conversationsOf(contact.id).map((c) => c.inbox_id)).toEqual([1]);
	});

	it('reuses the contact’s open conversation in that inbox', async () => {
		const open = [...store().conversations.values()].find(
			(c) => c.status === 'open' && c.inbox_id === 1,
		)!;
		const contact = store().contacts.get(open.contact_id)!;
		const before = store().conversations.size;
		const { items } = await run({
			operation: 'sendToContact',
			inboxId: byId(1),
			matchBy: 'phone_number',
			phoneNumber: contact.phone_number,
			messageContent: 'Following up',
		});
		const requests = await suite.fx.requests();
		expect(requests.map((r) => [r.method, r.path.replace('/api/v1/accounts/1', '')])).toEqual([
			['POST', '/contacts/filter'],
			['GET', `/contacts/${contact.id}/conversations`],
			['POST', `/conversations/${open.display_id}/messages`],
		]);
		expect(items[0].json).toMatchObject({
			contact_created: false,
			conversation_created: false,
			contact: { id: contact.id },
			conversation: { id: open.display_id },
		});
		expect(store().conversations.size).toBe(before);
	});

	it('starts a conversation when the contact has none open in the inbox (found by identifier)', async () => {
		const contact = [...store().contacts.values()].find((c) => conversationsOf(c.id).length === 0)!;
		store().updateConversation(
			[...store().conversations.values()].find((c) => c.status === 'resolved')!,
			{ contact_id: contact.id },
		);
		const { items } = await run({
			operation: 'sendToContact',
			inboxId: byId(2),
			matchBy: 'identifier',
			identifier: contact.identifier,
			messageContent: 'Hello again',
		});
		const requests = await suite.fx.requests();
		expect(requests.map((r) => [r.method, r.path.replace('/api/v1/accounts/1', '')])).toEqual([
			['POST', '/contacts/filter'],
			['GET', `/contacts/${contact.id}/conversations`],
			['POST', '/conversations'],
			[
				'POST',
				`/conversations/${String((items[0].json.conversation as { id: number }).id)}/messages`,
			],
		]);
		expect(requests[2].body).toEqual({ inbox_id: 2, contact_id: contact.id });
		expect(items[0].json).toMatchObject({ contact_created: false, conversation_created: true });
		expect(
			conversationsOf(contact.id).filter((c) => c.status === 'open' && c.inbox_id === 2),
		).toHaveLength(1);
	});

	it('sends attachments and a template too, and never creates a second contact for the same phone in one run', async () => {
		const input = fileItem({
			data: { text: 'ticket', fileName: 'ticket.pdf', mimeType: 'application/pdf' },
		});
		const { items } = await run(
			{
				operation: 'sendToContact',
				inboxId: byId(3),
				matchBy: 'phone_number',
				phoneNumber: '+971500001234',
				messageContent: '',
				messageSendToContactFields: {
					attachments: 'data',
					template: { template: { name: 'ticket_ready', language: 'en', category: 'UTILITY' } },
				},
			},
			{ inputItems: [input, input, input] },
		);
		expect(items).toHaveLength(3);
		const created = [...store().contacts.values()].filter(
			(c) => c.phone_number === '+971500001234',
		);
		expect(created).toHaveLength(1);
		expect(new Set(items.map((i) => (i.json.contact as { id: number }).id))).toEqual(
			new Set([created[0].id]),
		);
		expect(items.filter((i) => i.json.contact_created === true)).toHaveLength(1);
		const messageRequests = (await suite.fx.requests()).filter((r) => r.path.endsWith('/messages'));
		expect(messageRequests).toHaveLength(3);
		expect(String(messageRequests[0].body)).toContain(
			'name="template_params[name]"\r\n\r\nticket_ready',
		);
		expect(String(messageRequests[0].body)).toContain('filename="ticket.pdf"');
		for (const item of items)
			expect((item.json.message as { attachments: string[] }).attachments).toHaveLength(1);
	});

	it('refuses bad input before any request, and reports HueChat’s refusal of a new contact on the item', async () => {
		await expect(
			run({
				operation: 'sendToContact',
				inboxId: byId(1),
				matchBy: 'email',
				email: 'not-an-email',
				messageContent: 'x',
			}),
		).rejects.toThrow(/'Email' must be an email address/);
		await expect(
			run({
				operation: 'sendToContact',
				inboxId: byId(1),
				matchBy: 'email',
				email: 'a@b.co',
				messageContent: '  ',
			}),
		).rejects.toThrow(/'Content' must be text/);
		await expect(
			run({
				operation: 'sendToContact',
				inboxId: byId('x'),
				matchBy: 'email',
				email: 'a@b.co',
				messageContent: 'x',
			}),
		).rejects.toThrow(/'Inbox' must be a positive whole number/);
		expect(await suite.fx.requests()).toHaveLength(0);

		// a WhatsApp inbox needs a phone number: HueChat refuses a contact known only by email there
		const { items } = await run(
			{
				operation: 'sendToContact',
				inboxId: byId(3),
				matchBy: 'email',
				email: 'mail.only@example.com',
				messageContent: 'Hi',
			},
			{ continueOnFail: true },
		);
		expect(items[0].error?.message).toMatch(/HueChat 422: .*phone_number/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect([...store().contacts.values()].some((c) => c.email === 'mail.only@example.com')).toBe(
			false,
		);
	});
});
