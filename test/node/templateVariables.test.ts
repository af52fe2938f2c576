// WhatsApp templates picked from the list with their variables as fields (Template + Template Variables), in
// Message → Create, Message → Send to Contact and Broadcast → Create: what reaches HueChat, and the refusals.
import { randomUUID } from 'node:crypto';

import { byId, nodeSuite } from '../helpers/simulator';
import { errorOf } from '../helpers/v2';

const suite = nodeSuite('message');
const { run } = suite;

const store = () => suite.fx.sim.store;
const V2 = '/api/v2/accounts/1';
const template = (name: string) =>
	store()
		.v2OfAccount('templates', 1)
		.find((t) => t.name === name)!;
/** Template Variables as the editor's mapper stores them. */
const mapped = (value: Record<string, string>) => ({ mappingMode: 'defineBelow', value });
const messageOf = (id: unknown) => store().messages.get(Number(id))!;
const paths = async () => (await suite.fx.requests()).map((r) => `${r.method} ${r.path}`);

/** A template with a text header variable, named body variables, a URL button after a quick reply and a copy-code one. */
function insertNamedTemplate() {
	const whatsapp = [...store().inboxes.values()].find(
		(inbox) => inbox.channel_kind === 'whatsapp',
	)!;
	const now = new Date().toISOString();
	return store().insertV2('templates', {
		id: randomUUID(),
		account_id: 1,
		inbox_id: whatsapp.id,
		name: `visit_reminder_${Math.random().toString(36).slice(2, 8)}`,
		language: 'pt_BR',
		category: 'utility',
		status: 'approved',
		rejected_reason: null,
		components: [
			{ type: 'header', format: 'text', text: 'Visita de {{technician}}' },
			{ type: 'body', text: 'Olá {{first_name}}, a visita é {{day}} às 10h.' },
			{
				type: 'buttons',
				buttons: [
					{ type: 'quick_reply', text: 'Confirmar' },
					{ type: 'url', text: 'Remarcar', url: 'https://x.test/r/{{1}}', example: 'abc' },
					{ type: 'copy_code', text: 'Copiar código', example: 'VISITA10' },
				],
			},
		],
		created_at: now,
		updated_at: now,
		review_ends_at: null,
	});
}

describe('Template + Template Variables', () => {
	it('Message → Create: the picked template and its variables become template_params as Chatwoot takes them', async () => {
		const order = template('order_update');
		const { items } = await run({
			operation: 'create',
			conversationId: byId(3),
			messageContent: '',
			templateId: byId(order.id),
			templateVariables: mapped({ body_1: 'Ada', body_2: '#4411', button_1: 'A1234' }),
		});
		expect(await paths()).toEqual([
			`GET ${V2}/templates/${order.id}`,
			'POST /api/v1/accounts/1/conversations/3/messages',
		]);
		const expected = {
			name: 'order_update',
			category: 'UTILITY',
			language: 'en_US',
			processed_params: {
				body: { '1': 'Ada', '2': '#4411' },
				buttons: [{ type: 'url', parameter: 'A1234' }],
			},
		};
		expect((await suite.fx.requests())[1].body).toEqual({ template_params: expected });
		expect(messageOf(items[0].json.id).additional_attributes.template_params).toEqual(expected);
	});

	it('a media header is a media_url with its type; named and header variables keep their names; a URL button after a quick reply keeps its position', async () => {
		const sale = template('spring_sale');
		await run({
			operation: 'create',
			conversationId: byId(3),
			messageContent: '',
			templateId: byId(sale.id),
			templateVariables: mapped({
				header_media_url: 'https://cdn.test/spring.jpg',
				body_1: 'Ada',
				body_2: 'SPRING20',
			}),
		});
		const named = insertNamedTemplate();
		await run({
			operation: 'create',
			conversationId: byId(3),
			messageContent: '',
			templateId: byId(named.id),
			templateVariables: mapped({
				header_technician: 'Rui',
				body_first_name: 'Ana',
				body_day: 'amanhã',
				button_2: 'visit-77',
				button_3: 'VISITA10',
			}),
		});
		const posts = (await suite.fx.requests()).filter((r) => r.method === 'POST');
		expect(posts.map((r) => (r.body as { template_params: unknown }).template_params)).toEqual([
			{
				name: 'spring_sale',
				category: 'MARKETING',
				language: 'en_US',
				processed_params: {
					header: { media_url: 'https://cdn.test/spring.jpg', media_type: 'image' },
					body: { '1': 'Ada', '2': 'SPRING20' },
				},
			},
			{
				name: named.name,
				category: 'UTILITY',
				language: 'pt_BR',
				processed_params: {
					header: { technician: 'Rui' },
					body: { first_name: 'Ana', day: 'amanhã' },
					buttons: [
						{ type: 'quick_reply' },
						{ type: 'url', parameter: 'visit-77' },
						{ type: 'copy_code', parameter: 'VISITA10' },
					],
				},
			},
		]);
	});

	it('a missing variable is refused naming it, before the message is sent', async () => {
		const order = template('order_update');
		await expect(
			run({
				operation: 'create',
				conversationId: byId(3),
				messageContent: '',
				templateId: byId(order.id),
				templateVariables: mapped({ body_1: 'Ada', body_2: '  ' }),
			}),
		).rejects.toThrow(
			"'Template Variables' needs a value for Body {{2}}, Button “Track order” {{1}} of template order_update (en_US)",
		);
		expect(await paths()).toEqual([`GET ${V2}/templates/${order.id}`]);
	});

	it('Continue On Fail: the item whose variable is empty fails on its own, every item stays paired', async () => {
		const order = template('order_update');
		const { items } = await run(
			{
				operation: 'create',
				conversationId: byId(3),
				messageContent: '',
				templateId: byId(order.id),
				templateVariables: mapped({
					body_1: '={{ $json.name }}',
					body_2: '={{ $json.order }}',
					button_1: '={{ $json.order }}',
				}),
			},
			{
				continueOnFail: true,
				items: [{ name: 'Ada', order: 'A1' }, { name: 'Grace' }, { name: 'Linus', order: 'L3' }],
			},
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(errorOf(items[1]).message).toMatch(
			/needs a value for Body \{\{2\}\}, Button “Track order” \{\{1\}\}/,
		);
		const sent = [items[0], items[2]].map(
			(item) => messageOf(item.json.id).additional_attributes.template_params,
		);
		expect(sent).toMatchObject([
			{ processed_params: { body: { '1': 'Ada', '2': 'A1' } } },
			{ processed_params: { body: { '1': 'Linus', '2': 'L3' } } },
		]);
		expect((await suite.fx.requests()).filter((r) => r.method === 'POST')).toHaveLength(2);
	});

	it('a template that is not approved, given both ways or not by its UUID is refused before the message', async () => {
		const paused = template('survey_invite');
		await expect(
			run({
				operation: 'create',
				conversationId: byId(3),
				messageContent: '',
				templateId: byId(paused.id),
				templateVariables: mapped({ body_1: 'Ada' }),
			}),
		).rejects.toThrow(
			"'Template' survey_invite (en_US) is paused: only approved templates can be sent",
		);
		await expect(
			run({
				operation: 'create',
				conversationId: byId(3),
				messageContent: '',
				templateId: byId(template('login_code').id),
				templateVariables: mapped({ body_1: '123456' }),
				messageFields: { template: { template: { name: 'login_code', language: 'en_US' } } },
			}),
		).rejects.toThrow("Set either 'Template' or 'Template by Name (JSON)', not both");
		await expect(
			run({
				operation: 'create',
				conversationId: byId(3),
				messageContent: '',
				templateId: byId('order_update'),
			}),
		).rejects.toThrow(/'Template' must be a UUID such as .*; got "order_update"/);
		expect((await suite.fx.requests()).filter((r) => r.method === 'POST')).toHaveLength(0);
		expect((await suite.fx.requests()).filter((r) => r.path.includes('order_update'))).toHaveLength(
			0,
		);
	});

	it('Send to Contact: the template is read and checked before any contact or conversation is created', async () => {
		const order = template('order_update');
		const contactsBefore = store().contacts.size;
		await expect(
			run({
				operation: 'sendToContact',
				inboxId: byId(3),
				matchBy: 'phone_number',
				phoneNumber: '+971500009999',
				messageContent: '',
				templateId: byId(order.id),
				templateVariables: mapped({ body_1: 'Ada' }),
			}),
		).rejects.toThrow(/needs a value for Body \{\{2\}\}, Button “Track order” \{\{1\}\}/);
		expect(await paths()).toEqual([`GET ${V2}/templates/${order.id}`]);
		expect(store().contacts.size).toBe(contactsBefore);

		const { items } = await run({
			operation: 'sendToContact',
			inboxId: byId(3),
			matchBy: 'phone_number',
			phoneNumber: '+971500009999',
			messageContent: '',
			templateId: byId(order.id),
			templateVariables: mapped({ body_1: 'Ada', body_2: 'B7', button_1: 'B7' }),
		});
		expect(items[0].json).toMatchObject({ contact_created: true, conversation_created: true });
		const message = items[0].json.message as { id: number };
		expect(messageOf(message.id).additional_attributes.template_params).toEqual({
			name: 'order_update',
			category: 'UTILITY',
			language: 'en_US',
			processed_params: {
				body: { '1': 'Ada', '2': 'B7' },
				buttons: [{ type: 'url', parameter: 'B7' }],
			},
		});
	});

	it('Broadcast → Create: the body variables become template_variables; a missing one is refused naming it', async () => {
		const sale = template('spring_sale');
		const list = store().v2OfAccount('contact_lists', 1)[0];
		const broadcast = {
			resource: 'broadcast',
			operation: 'create',
			broadcastName: 'Mapped variables',
			inboxId: byId(sale.inbox_id),
			templateId: byId(sale.id),
			audience: { members: [{ type: 'contactList', contactListId: list.id }] },
		};
		await expect(
			run({ ...broadcast, templateVariables: mapped({ body_1: '{{contact.name}}' }) }),
		).rejects.toThrow(
			"'Template Variables' needs a value for Body {{2}} of template spring_sale (en_US)",
		);
		expect(await paths()).toEqual([`GET ${V2}/templates/${sale.id}`]);

		const { items } = await run({
			...broadcast,
			templateVariables: mapped({ body_1: '{{contact.name}}', body_2: 'SPRING30' }),
		});
		const post = (await suite.fx.requests()).find((r) => r.method === 'POST')!;
		expect((post.body as { template_variables: unknown }).template_variables).toEqual({
			'1': '{{contact.name}}',
			'2': 'SPRING30',
		});
		expect(
			store().v2InAccount('broadcasts', 1, String(items[0].json.id))!.template_variables,
		).toEqual({ '1': '{{contact.name}}', '2': 'SPRING30' });
	});

	it('Broadcast → Create: the older rows still count, and a mapped value wins over a row', async () => {
		const sale = template('spring_sale');
		await run({
			resource: 'broadcast',
			operation: 'create',
			broadcastName: 'Rows and mapper',
			inboxId: byId(sale.inbox_id),
			templateId: byId(sale.id),
			audience: { members: [{ type: 'label', label: 'vip' }] },
			templateVariables: mapped({ body_2: 'MAPPED' }),
			broadcastFields: {
				templateVariables: {
					variable: [
						{ name: '1', value: 'friend' },
						{ name: '2', value: 'ROW' },
					],
				},
			},
		});
		const post = (await suite.fx.requests()).find((r) => r.method === 'POST')!;
		expect((post.body as { template_variables: unknown }).template_variables).toEqual({
			'1': 'friend',
			'2': 'MAPPED',
		});
	});
});
