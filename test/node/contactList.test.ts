import { byId, nodeSuite } from '../helpers/simulator';
import { errorOf, ISO, UUID } from '../helpers/v2';

const suite = nodeSuite('contactList', { contacts: 2_600 });
const { run } = suite;

const store = () => suite.fx.sim.store;
const V2 = '/api/v2/accounts/1';
const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function createList(name: string): Promise<string> {
	const { items } = await run({ operation: 'create', contactListName: name });
	return String(items[0].json.id);
}

describe('Contact List', () => {
	it('Create sends the name and description and answers the empty list', async () => {
		const { items } = await run({
			operation: 'create',
			contactListName: 'Webinar attendees',
			contactListFields: { description: 'November webinar' },
		});
		const [request] = await suite.fx.requests();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			`${V2}/contact_lists`,
			201,
		]);
		expect(request.body).toEqual({ name: 'Webinar attendees', description: 'November webinar' });
		expect(items[0].json).toMatchObject({
			name: 'Webinar attendees',
			description: 'November webinar',
			contact_count: 0,
		});
		expect(items[0].json.id).toMatch(UUID);
		expect(items[0].json.created_at).toMatch(ISO);
	});

	it('Add Contacts with 2,500 IDs makes 3 calls of at most 1,000 and sums `added` into one item', async () => {
		const listId = await createList('Big list');
		await suite.fx.clearRequests();
		const { items } = await run({
			operation: 'addContacts',
			contactListId: byId(listId),
			contactIds: range(1, 2_500),
		});
		const requests = await suite.fx.requests();
		expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(
			Array(3).fill(`POST ${V2}/contact_lists/${listId}/contacts 200`),
		);
		expect(requests.map((r) => (r.body as { contact_ids: number[] }).contact_ids.length)).toEqual([
			1_000, 1_000, 500,
		]);
		expect((requests[2].body as { contact_ids: number[] }).contact_ids.at(-1)).toBe(2_500);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ added: 2_500, skipped: 0 });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(store().contact_lists.get(listId)?.contact_ids).toHaveLength(2_500);
	});

	it('Add Contacts takes comma-separated text too; members already in the list are counted as skipped', async () => {
		const listId = await createList('Overlap');
		await run({ operation: 'addContacts', contactListId: byId(listId), contactIds: '1, 2, 3' });
		await suite.fx.clearRequests();
		const { items } = await run({
			operation: 'addContacts',
			contactListId: byId(listId),
			contactIds: '2,3 4, 5',
		});
		expect((await suite.fx.requests())[0].body).toEqual({ contact_ids: [2, 3, 4, 5] });
		expect(items[0].json).toEqual({ added: 2, skipped: 2 });
	});

	it('Add Contacts refuses IDs that are not whole numbers, and an empty list, before any request', async () => {
		const listId = store().v2OfAccount('contact_lists', 1)[0].id;
		await expect(
			run({ operation: 'addContacts', contactListId: byId(listId), contactIds: '1, two, 3' }),
		).rejects.toThrow(/'Contact IDs' must be positive whole numbers .*"two"/);
		await expect(
			run({ operation: 'addContacts', contactListId: byId(listId), contactIds: ' , ' }),
		).rejects.toThrow(/'Contact IDs' is empty/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('when a later call fails (an unknown contact), the error says what the earlier calls did', async () => {
		const listId = await createList('Partly filled');
		await suite.fx.clearRequests();
		const { items } = await run(
			{
				operation: 'addContacts',
				contactListId: byId(listId),
				contactIds: [...range(1, 1_000), 999_999],
			},
			{ continueOnFail: true },
		);
		expect((await suite.fx.requests()).map((r) => r.status)).toEqual([200, 422]);
		const error = errorOf(items[0]);
		expect(error.httpCode).toBe('422');
		expect(error.message).toMatch(/contact_ids: include ids of no contact: 999999/);
		expect(error.description).toMatch(
			/^Calls 1 to 1 of 2 succeeded before this one \(added: 1000, skipped: 0\)\./,
		);
		expect(store().contact_lists.get(listId)?.contact_ids).toHaveLength(1_000);
	});

	it('Remove Contacts sends DELETE with the IDs, 1,000 a call, and sums `removed`', async () => {
		const listId = await createList('Shrinking');
		await run({
			operation: 'addContacts',
			contactListId: byId(listId),
			contactIds: range(1, 1_500),
		});
		await suite.fx.clearRequests();
		const { items } = await run({
			operation: 'removeContacts',
			contactListId: byId(listId),
			contactIds: range(1_001, 2_100),
		});
		const requests = await suite.fx.requests();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(
			Array(2).fill(`DELETE ${V2}/contact_lists/${listId}/contacts`),
		);
		expect(requests.map((r) => (r.body as { contact_ids: number[] }).contact_ids.length)).toEqual([
			1_000, 100,
		]);
		expect(items.map((item) => item.json)).toEqual([{ removed: 500, skipped: 600 }]);
		expect(store().contact_lists.get(listId)?.contact_ids).toHaveLength(1_000);
	});

	it('Get Contacts pages the members (v1 contacts) with per_page=100, simplified', async () => {
		const listId = await createList('Paged members');
		await run({
			operation: 'addContacts',
			contactListId: byId(listId),
			contactIds: range(101, 350),
		});
		await suite.fx.clearRequests();
		const { items } = await run({
			operation: 'getContacts',
			contactListId: byId(listId),
			returnAll: true,
		});
		const requests = await suite.fx.requests();
		expect(requests.map((r) => [r.path, r.query.page, r.query.per_page])).toEqual([
			[`${V2}/contact_lists/${listId}/contacts`, '1', '100'],
			[`${V2}/contact_lists/${listId}/contacts`, '2', '100'],
			[`${V2}/contact_lists/${listId}/contacts`, '3', '100'],
		]);
		expect(items.map((item) => item.json.id)).toEqual(range(101, 350));
		expect(Object.keys(items[0].json)).toContain('phone_number');
		expect(Object.keys(items[0].json)).not.toContain('contact_inboxes');
		const limited = await run({
			operation: 'getContacts',
			contactListId: byId(listId),
			limit: 5,
			simplify: false,
		});
		expect(limited.items).toHaveLength(5);
		expect(limited.items[0].json).toHaveProperty('additional_attributes');
	});

	it('Get, Get Many and Update (only the fields sent)', async () => {
		const vip = store()
			.v2OfAccount('contact_lists', 1)
			.find((list) => list.name === 'VIP customers')!;
		const got = await run({ operation: 'get', contactListId: byId(vip.id) });
		expect(got.items[0].json).toMatchObject({
			id: vip.id,
			name: 'VIP customers',
			contact_count: vip.contact_ids.length,
		});
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.items.map((item) => item.json.id)).toEqual(
			store()
				.v2OfAccount('contact_lists', 1)
				.map((list) => list.id),
		);
		await suite.fx.clearRequests();
		const updated = await run({
			operation: 'update',
			contactListId: byId(vip.id),
			contactListUpdateFields: { description: 'Our best customers' },
		});
		const requests = await suite.fx.requests();
		expect(requests[0]).toMatchObject({
			method: 'PATCH',
			path: `${V2}/contact_lists/${vip.id}`,
			body: { description: 'Our best customers' },
		});
		expect(updated.items[0].json).toMatchObject({
			name: 'VIP customers',
			description: 'Our best customers',
		});
	});

	it('Delete removes the list; its contacts stay', async () => {
		const listId = await createList('Temporary');
		await run({ operation: 'addContacts', contactListId: byId(listId), contactIds: '7, 8' });
		await suite.fx.clearRequests();
		const { items } = await run({ operation: 'delete', contactListId: byId(listId) });
		expect(items.map((item) => item.json)).toEqual([{ deleted: true }]);
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'DELETE',
			path: `${V2}/contact_lists/${listId}`,
			status: 204,
		});
		expect(store().contact_lists.has(listId)).toBe(false);
		expect(store().contacts.has(7)).toBe(true);
	});
});
