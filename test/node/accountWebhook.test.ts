import { byId, nodeSuite, v1Status } from '../helpers/simulator';

const suite = nodeSuite('accountWebhook', { contacts: 20 });
const { run } = suite;

const BASE = '/api/v1/accounts/1/webhooks';
let counter = 0;
const nextUrl = () => `https://hooks.example.com/chatwoot/${++counter}`;

async function createOne(
	subscriptions = ['message_created'],
): Promise<{ id: number; url: string; secret: string }> {
	const { items } = await run({ operation: 'create', url: nextUrl(), subscriptions });
	return items[0].json as { id: number; url: string; secret: string };
}

describe('Account Webhook', () => {
	it('Create sends url, subscriptions, name and inbox, and outputs the webhook with its secret', async () => {
		const url = nextUrl();
		const { items } = await run({
			operation: 'create',
			url,
			subscriptions: ['message_created', 'conversation_status_changed'],
			accountWebhookFields: { name: 'CRM sync', inboxId: 1 },
		});
		const [request] = await suite.fx.requests();
		expect(`${request.method} ${request.path} ${request.status}`).toBe(
			`POST ${BASE} ${v1Status(suite.fx, 'create')}`,
		);
		expect(request.body).toEqual({
			url,
			subscriptions: ['message_created', 'conversation_status_changed'],
			name: 'CRM sync',
			inbox_id: 1,
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			url,
			name: 'CRM sync',
			account_id: 1,
			subscriptions: ['message_created', 'conversation_status_changed'],
			inbox: { id: 1 },
		});
		expect(typeof items[0].json.secret).toBe('string');
	});

	it('Create refuses a URL the account already uses (Chatwoot: one webhook per URL)', async () => {
		const { url } = await createOne();
		await expect(
			run({ operation: 'create', url, subscriptions: ['message_created'] }),
		).rejects.toThrow(/HueChat 422.*url: has already been taken/);
	});

	it('Get Many lists the webhooks without their secrets', async () => {
		const first = await createOne();
		await suite.fx.clearRequests();
		const { items } = await run({ operation: 'getAll', returnAll: true });
		const [request] = await suite.fx.requests();
		expect(`${request.method} ${request.path}`).toBe(`GET ${BASE}`);
		expect(items.length).toBeGreaterThanOrEqual(1);
		expect(items.find((item) => item.json.id === first.id)?.json).toMatchObject({
			url: first.url,
			subscriptions: ['message_created'],
		});
		expect(items.some((item) => 'secret' in item.json)).toBe(false);
		const limited = await run({ operation: 'getAll', returnAll: false, limit: 1 });
		expect(limited.items).toHaveLength(1);
	});

	it('Update sends only the fields set (PATCH) and keeps the secret out of the output', async () => {
		const { id } = await createOne();
		await suite.fx.clearRequests();
		const { items } = await run({
			operation: 'update',
			accountWebhookId: byId(id),
			accountWebhookUpdateFields: {
				subscriptions: ['contact_created', 'contact_updated'],
				name: 'Contacts',
			},
		});
		const [request] = await suite.fx.requests();
		expect(`${request.method} ${request.path}`).toBe(`PATCH ${BASE}/${id}`);
		expect(request.body).toEqual({
			subscriptions: ['contact_created', 'contact_updated'],
			name: 'Contacts',
		});
		expect(items[0].json).toMatchObject({
			id,
			name: 'Contacts',
			subscriptions: ['contact_created', 'contact_updated'],
		});
		expect(items[0].json).not.toHaveProperty('secret');
	});

	it('Update with no fields, or a webhook ID that is not a number, is refused before any request', async () => {
		await expect(
			run({ operation: 'update', accountWebhookId: byId(1), accountWebhookUpdateFields: {} }),
		).rejects.toThrow(/Nothing to update/);
		await expect(run({ operation: 'delete', accountWebhookId: byId('abc') })).rejects.toThrow(
			/'Webhook' must be a positive whole number/,
		);
		expect(await suite.fx.requests()).toEqual([]);
	});

	it('Delete answers {deleted: true} and the webhook is gone', async () => {
		const { id } = await createOne();
		await suite.fx.clearRequests();
		const { items } = await run({ operation: 'delete', accountWebhookId: byId(id) });
		const [request] = await suite.fx.requests();
		expect(`${request.method} ${request.path} ${request.status}`).toBe(
			`DELETE ${BASE}/${id} ${v1Status(suite.fx, 'delete')}`,
		);
		expect(items.map((item) => item.json)).toEqual([{ deleted: true }]);
		expect(suite.fx.sim.store.account_webhooks.has(id)).toBe(false);
		await expect(run({ operation: 'delete', accountWebhookId: byId(id) })).rejects.toThrow(
			/HueChat 404/,
		);
	});
});
