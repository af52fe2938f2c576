import { NodeHelpers } from 'n8n-workflow';

import { HueChat } from '../../nodes/HueChat/HueChat.node';
import { byId, nodeSuite } from '../helpers/simulator';

const suite = nodeSuite('contact', { contacts: 120 });
const { run } = suite;

const contacts = () => [...suite.fx.sim.store.contacts.values()];

describe('Contact: filter and what hangs off a contact', () => {
	it('Filter with Return All pages 15 at a time up to meta.count, no item missing or repeated', async () => {
		const { items } = await run({
			operation: 'filter',
			conditions: { condition: [{ attribute: 'company', operator: 'contains', values: 'a' }] },
			returnAll: true,
			simplify: false,
		});
		const expected = contacts().filter((c) =>
			String(c.additional_attributes.company_name).toLowerCase().includes('a'),
		);
		expect(expected.length).toBeGreaterThan(30);
		const requests = await suite.fx.requests();
		expect(requests.map((r) => [r.method, r.path, r.query.page])).toEqual(
			requests.map((_, index) => ['POST', '/api/v1/accounts/1/contacts/filter', String(index + 1)]),
		);
		expect(requests).toHaveLength(Math.ceil(expected.length / 15));
		expect(requests[0].body).toEqual({
			payload: [
				{
					attribute_key: 'company',
					filter_operator: 'contains',
					values: ['a'],
					query_operator: null,
				},
			],
		});
		expect(items.map((i) => i.json.id)).toEqual(expected.map((c) => c.id).sort((a, b) => a - b));
	});

	it('Filter refuses an operator the attribute does not allow', async () => {
		await expect(
			run({
				operation: 'filter',
				conditions: {
					condition: [{ attribute: 'identifier', operator: 'contains', values: 'cust' }],
				},
			}),
		).rejects.toThrow(/'Identifier' can be compared with Equal To, Not Equal To only/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Get Conversations lists the contact’s conversations, simplified, with a Limit', async () => {
		const contactId = [...suite.fx.sim.store.conversations.values()][0].contact_id;
		const all = [...suite.fx.sim.store.conversations.values()].filter(
			(c) => c.contact_id === contactId,
		);
		const { items } = await run({
			operation: 'getConversations',
			contactId: byId(contactId),
			returnAll: true,
		});
		expect((await suite.fx.requests())[0].path).toBe(
			`/api/v1/accounts/1/contacts/${contactId}/conversations`,
		);
		expect(items.map((i) => i.json.id).sort()).toEqual(all.map((c) => c.display_id).sort());
		expect(
			items.every((i) => i.json.contact_id === contactId && Object.keys(i.json).length === 10),
		).toBe(true);
		const limited = await run({
			operation: 'getConversations',
			contactId: byId(contactId),
			limit: 1,
		});
		expect(limited.items).toHaveLength(1);
	});

	it('Get Contactable Inboxes lists each inbox with the source ID', async () => {
		const { items } = await run({
			operation: 'getContactableInboxes',
			contactId: byId(7),
			returnAll: true,
		});
		expect((await suite.fx.requests())[0].path).toBe(
			'/api/v1/accounts/1/contacts/7/contactable_inboxes',
		);
		expect(items.map((i) => (i.json.inbox as { name: string }).name)).toEqual([
			'API',
			'Website',
			'WhatsApp',
		]);
		const whatsapp = items.find((i) => (i.json.inbox as { id: number }).id === 3)!;
		expect(whatsapp.json.source_id).toBe(
			suite.fx.sim.store.contacts.get(7)!.phone_number!.replace('+', ''),
		);
	});

	it('Add to Inbox creates the contact inbox with an optional source ID', async () => {
		const { items } = await run({
			operation: 'addToInbox',
			contactId: byId(8),
			inboxId: byId(1),
			contactAddToInboxFields: { sourceId: 'crm-8' },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.body]).toEqual([
			'POST',
			'/api/v1/accounts/1/contacts/8/contact_inboxes',
			{ inbox_id: 1, source_id: 'crm-8' },
		]);
		expect(items[0].json).toMatchObject({
			contact_id: 8,
			source_id: 'crm-8',
			inbox: { id: 1, name: 'API' },
		});
		expect(suite.fx.sim.store.contactInboxBySource(1, 'crm-8')?.contact_id).toBe(8);
	});

	it('Get Labels and Set Labels (add, then replace)', async () => {
		suite.fx.sim.store.updateContact(suite.fx.sim.store.contacts.get(9)!, { labels: ['lead'] });
		const got = await run({ operation: 'getLabels', contactId: byId(9) });
		expect(got.items.map((i) => i.json)).toEqual([{ contact_id: 9, labels: ['lead'] }]);
		await suite.fx.clearRequests();
		const added = await run({ operation: 'setLabels', contactId: byId(9), labels: 'vip' });
		const requests = await suite.fx.requests();
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', '/api/v1/accounts/1/contacts/9/labels', null],
			['POST', '/api/v1/accounts/1/contacts/9/labels', { labels: ['lead', 'vip'] }],
		]);
		expect(added.items[0].json).toEqual({ contact_id: 9, labels: ['lead', 'vip'] });
		const replaced = await run({
			operation: 'setLabels',
			contactId: byId(9),
			labels: 'customer',
			labelMode: 'replace',
		});
		expect(replaced.items[0].json.labels).toEqual(['customer']);
		expect(suite.fx.sim.store.contacts.get(9)!.labels).toEqual(['customer']);
	});

	it('Merge moves the second contact into the first and outputs the base contact', async () => {
		const mergee = [...suite.fx.sim.store.conversations.values()][1].contact_id;
		const base = mergee === 10 ? 11 : 10;
		const moved = [...suite.fx.sim.store.conversations.values()]
			.filter((c) => c.contact_id === mergee)
			.map((c) => c.display_id);
		const { items } = await run({
			operation: 'merge',
			contactId: byId(base),
			mergeeContactId: byId(mergee),
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.body]).toEqual([
			'POST',
			'/api/v1/accounts/1/actions/contact_merge',
			{ base_contact_id: base, mergee_contact_id: mergee },
		]);
		expect(items[0].json).toMatchObject({ id: base });
		expect(Object.keys(items[0].json)).toHaveLength(10);
		expect(suite.fx.sim.store.contacts.has(mergee)).toBe(false);
		for (const displayId of moved)
			expect(suite.fx.sim.store.conversationByDisplayId(1, displayId)!.contact_id).toBe(base);
	});

	it('Merge refuses merging a contact into itself', async () => {
		await expect(
			run({ operation: 'merge', contactId: byId(12), mergeeContactId: byId(12) }),
		).rejects.toThrow(/must be another contact/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});
});

describe('Contact: Create or Update', () => {
	it('Additional Fields does not offer again the field the contact is matched by', () => {
		const visibleFor = (matchBy: string) => {
			const node = { resource: 'contact', operation: 'upsert', matchBy };
			const shown = new HueChat().description.properties.filter(
				(property) =>
					property.name === 'contactUpsertFields' &&
					NodeHelpers.displayParameter(
						node,
						property,
						{ name: 'HueChat', parameters: node } as never,
						new HueChat().description,
					),
			);
			expect(shown).toHaveLength(1);
			return (shown[0].options as Array<{ displayName: string }>).map(
				(option) => option.displayName,
			);
		};
		const matchFields = ['Email', 'Identifier', 'Phone Number'];
		for (const [matchBy, label] of [
			['email', 'Email'],
			['phone_number', 'Phone Number'],
			['identifier', 'Identifier'],
		]) {
			const offered = visibleFor(matchBy);
			expect(offered).not.toContain(label);
			expect(offered).toEqual(
				expect.arrayContaining([...matchFields.filter((other) => other !== label), 'Name']),
			);
		}
	});

	it('creates the contact when no contact has the email, and says so', async () => {
		const before = contacts().length;
		const { items } = await run({
			operation: 'upsert',
			matchBy: 'email',
			email: 'grace@example.com',
			contactUpsertFields: { name: 'Grace Hopper', customAttributes: '{"plan":"pro"}' },
		});
		const requests = await suite.fx.requests();
		expect(requests.map((r) => [r.method, r.path])).toEqual([
			['POST', '/api/v1/accounts/1/contacts/filter'],
			['POST', '/api/v1/accounts/1/contacts'],
			['GET', `/api/v1/accounts/1/contacts/${String(items[0].json.id)}`],
		]);
		expect(requests[0].body).toEqual({
			payload: [
				{
					attribute_key: 'email',
					filter_operator: 'equal_to',
					values: ['grace@example.com'],
					query_operator: null,
				},
			],
		});
		expect(requests[1].body).toEqual({
			name: 'Grace Hopper',
			email: 'grace@example.com',
			custom_attributes: { plan: 'pro' },
		});
		expect(requests[1].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{48}-contact$/);
		expect(items[0].json).toMatchObject({
			name: 'Grace Hopper',
			email: 'grace@example.com',
			action: 'created',
		});
		expect(contacts()).toHaveLength(before + 1);
	});

	it.each([
		['email', 'email', (c: { email: string | null }) => c.email!.toUpperCase()],
		['phone_number', 'phoneNumber', (c: { phone_number: string | null }) => c.phone_number!],
		['identifier', 'identifier', (c: { identifier: string | null }) => c.identifier!],
	] as const)(
		'updates the contact found by %s, never creating another',
		async (matchBy, parameter, value) => {
			const target = suite.fx.sim.store.contacts.get(20)!;
			const before = contacts().length;
			const { items } = await run({
				operation: 'upsert',
				matchBy,
				[parameter]: value(target as never),
				contactUpsertFields: { company: `Updated by ${matchBy}` },
			});
			const requests = await suite.fx.requests();
			expect(requests.map((r) => [r.method, r.path])).toEqual([
				['POST', '/api/v1/accounts/1/contacts/filter'],
				['PUT', '/api/v1/accounts/1/contacts/20'],
			]);
			expect(
				(requests[0].body as { payload: Array<{ attribute_key: string }> }).payload[0]
					.attribute_key,
			).toBe(matchBy);
			expect(requests[1].body).toEqual({
				additional_attributes: { company_name: `Updated by ${matchBy}` },
				[matchBy]: value(target as never),
			});
			expect(items[0].json).toMatchObject({
				id: 20,
				company: `Updated by ${matchBy}`,
				action: 'updated',
			});
			expect(contacts()).toHaveLength(before);
		},
	);

	it('never duplicates: items of one run with the same new email end up as one contact', async () => {
		const before = contacts().length;
		const { items } = await run(
			{
				operation: 'upsert',
				matchBy: 'email',
				email: '={{ $json.email }}',
				contactUpsertFields: { name: '={{ $json.name }}' },
			},
			{ items: [1, 2, 3, 4].map((n) => ({ email: 'twin@example.com', name: `Twin ${n}` })) },
		);
		const twins = contacts().filter((c) => c.email === 'twin@example.com');
		expect(twins).toHaveLength(1);
		expect(contacts()).toHaveLength(before + 1);
		expect(items).toHaveLength(4);
		expect(new Set(items.map((i) => i.json.id))).toEqual(new Set([twins[0].id]));
		expect(items.filter((i) => i.json.action === 'created')).toHaveLength(1);
	});

	it('refuses a malformed match value, and a missing one, before any request', async () => {
		await expect(
			run({ operation: 'upsert', matchBy: 'phone_number', phoneNumber: '0044 7700' }),
		).rejects.toThrow(/'Phone Number' must be a phone number in E\.164/);
		await expect(run({ operation: 'upsert', matchBy: 'email', email: 'nope' })).rejects.toThrow(
			/'Email' must be an email address/,
		);
		await expect(
			run({ operation: 'upsert', matchBy: 'identifier', identifier: '  ' }),
		).rejects.toThrow(/'Identifier' must be a value/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('reports HueChat’s refusal of the update (e.g. a phone number taken by another contact) on the item', async () => {
		const other = suite.fx.sim.store.contacts.get(21)!;
		const { items } = await run(
			{
				operation: 'upsert',
				matchBy: 'identifier',
				identifier: suite.fx.sim.store.contacts.get(22)!.identifier,
				contactUpsertFields: { phoneNumber: other.phone_number },
			},
			{ continueOnFail: true },
		);
		expect(items).toHaveLength(1);
		expect(items[0].error?.message).toMatch(/HueChat 422/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});
