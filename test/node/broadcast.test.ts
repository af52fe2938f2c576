import type { INode, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { HueChat } from '../../nodes/HueChat/HueChat.node';
import { BROADCAST_SEND_MS } from '../../simulator/resources/broadcast.ts';
import { hueChatNode } from '../helpers/routing';
import { byId, nodeSuite } from '../helpers/simulator';
import { errorOf, ISO, recordEvents, sleep, UUID } from '../helpers/v2';

const suite = nodeSuite('broadcast');
const { run } = suite;

const store = () => suite.fx.sim.store;
const template = (name: string) =>
	store()
		.v2OfAccount('templates', 1)
		.find((t) => t.name === name)!;
const list = (name: string) =>
	store()
		.v2OfAccount('contact_lists', 1)
		.find((l) => l.name === name)!;
const broadcastIn = (status: string) =>
	store()
		.v2OfAccount('broadcasts', 1)
		.find((b) => b.status === status)!;
const V2 = '/api/v2/accounts/1';
const UUID_EXAMPLE = '3f2b8c1e-6d4a-4f1b-9c2e-7a5d1e0b4c9f';
/** Template Variables as the editor's mapper stores them. */
const mapped = (value: Record<string, string>) => ({ mappingMode: 'defineBelow', value });
/** order_update's body: "Hi {{1}}, your order {{2}} has shipped…". */
const orderVariables = mapped({ body_1: '{{contact.name}}', body_2: 'A1234' });
/** The create request, after the read of the picked template. */
const createRequest = async () =>
	(await suite.fx.requests()).find((r) => r.method === 'POST' && r.path === `${V2}/broadcasts`)!;

async function createDraft(
	name: string,
	audience: Record<string, unknown> = {
		members: [{ type: 'contactList', contactListId: list('VIP customers').id }],
	},
) {
	const { items } = await run({
		operation: 'create',
		broadcastName: name,
		inboxId: byId(3),
		templateId: byId(template('order_update').id),
		templateVariables: orderVariables,
		audience,
	});
	return items[0].json as { id: string; status: string };
}

describe('Broadcast', () => {
	it('Create builds the audience and template variables from rows, with an Idempotency-Key, and starts as a draft', async () => {
		const vip = list('VIP customers');
		const { items } = await run({
			operation: 'create',
			broadcastName: 'Autumn promo',
			inboxId: byId(3),
			templateId: byId(template('spring_sale').id),
			audience: {
				members: [
					{ type: 'contactList', contactListId: vip.id },
					{ type: 'label', label: 'customer' },
					{ type: 'label', label: 'lead' },
				],
			},
			broadcastFields: {
				templateVariables: {
					variable: [
						{ name: '1', value: 'friend' },
						{ name: '2', value: 'AUTUMN10' },
					],
				},
			},
		});
		const request = await createRequest();
		expect([request.method, request.path, request.status]).toEqual([
			'POST',
			`${V2}/broadcasts`,
			201,
		]);
		expect(request.body).toEqual({
			name: 'Autumn promo',
			inbox_id: 3,
			template_id: template('spring_sale').id,
			audience: { contact_list_ids: [vip.id], labels: ['customer', 'lead'] },
			template_variables: { '1': 'friend', '2': 'AUTUMN10' },
		});
		expect(request.headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{48}$/);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			name: 'Autumn promo',
			status: 'draft',
			scheduled_at: null,
		});
		expect(items[0].json.id).toMatch(UUID);
		expect(items[0].json.created_at).toMatch(ISO);
	});

	it('Create takes the audience as JSON and a schedule: the broadcast is scheduled, times in ISO 8601', async () => {
		const { items } = await run({
			operation: 'create',
			broadcastName: 'Scheduled one',
			inboxId: byId(3),
			templateId: byId(template('order_update').id),
			templateVariables: orderVariables,
			audienceInput: 'json',
			audienceJson: '{"labels": ["vip"]}',
			broadcastFields: { scheduledAt: '2031-05-01T08:30:00Z' },
		});
		const request = await createRequest();
		expect(request.body).toMatchObject({
			audience: { labels: ['vip'] },
			scheduled_at: '2031-05-01T08:30:00.000Z',
		});
		expect(items[0].json).toMatchObject({
			status: 'scheduled',
			scheduled_at: '2031-05-01T08:30:00.000Z',
		});
	});

	it('Create: the editor flags every field it needs at run time, the empty Audience too (n8n’s own parameter issues)', () => {
		const { description } = new HueChat();
		const issuesOf = (parameters: INodeParameters) => {
			const node: INode = hueChatNode();
			node.parameters =
				NodeHelpers.getNodeParameters(
					description.properties,
					parameters,
					true,
					false,
					node,
					description,
				) ?? {};
			return Object.keys(
				NodeHelpers.getNodeParametersIssues(description.properties, node, description)
					?.parameters ?? {},
			);
		};
		expect(issuesOf({ resource: 'broadcast', operation: 'create' })).toEqual([
			'broadcastName',
			'inboxId',
			'templateId',
			'audience',
		]);
		expect(
			issuesOf({
				resource: 'broadcast',
				operation: 'create',
				audience: { members: [{ type: 'label', label: 'vip' }] },
			}),
		).not.toContain('audience');
		// only there: nothing is flagged on another operation (n8n publishes no workflow with a flagged node)
		expect(
			issuesOf({
				resource: 'message',
				operation: 'create',
				conversationId: { __rl: true, mode: 'id', value: '3' },
				messageContent: 'Hi',
			}),
		).toEqual([]);
		expect(
			issuesOf({
				resource: 'broadcast',
				operation: 'update',
				broadcastId: { __rl: true, mode: 'id', value: UUID_EXAMPLE },
				broadcastUpdateFields: { audience: { members: [{ type: 'label', label: 'vip' }] } },
			}),
		).toEqual([]);
	});

	it('Create refuses an empty audience before any request', async () => {
		await expect(
			run({
				operation: 'create',
				broadcastName: 'Nobody',
				inboxId: byId(3),
				templateId: byId(template('order_update').id),
				audience: {},
			}),
		).rejects.toThrow(/'Audience' is empty/);
		expect(await suite.fx.requests()).toHaveLength(0);
	});

	it('Create with a template that is not approved comes back as a clear 422', async () => {
		const { items } = await run(
			{
				operation: 'create',
				broadcastName: 'Paused template',
				inboxId: byId(3),
				templateId: byId(template('survey_invite').id),
				audience: { members: [{ type: 'label', label: 'vip' }] },
			},
			{ continueOnFail: true },
		);
		const error = errorOf(items[0]);
		expect(error.httpCode).toBe('422');
		expect(error.message).toMatch(
			/template_id: is paused: only approved templates can be broadcast/,
		);
	});

	it('Get returns the broadcast, simplified by default and raw when Simplify is off', async () => {
		const completed = broadcastIn('completed');
		const simplified = await run({ operation: 'get', broadcastId: byId(completed.id) });
		expect(Object.keys(simplified.items[0].json).sort()).toEqual(
			[
				'completed_at',
				'created_at',
				'failure_reason',
				'id',
				'inbox_id',
				'name',
				'scheduled_at',
				'started_at',
				'status',
				'template_id',
			].sort(),
		);
		const raw = await run({ operation: 'get', broadcastId: byId(completed.id), simplify: false });
		expect(raw.items[0].json).toMatchObject({
			id: completed.id,
			audience: completed.audience,
			template_variables: completed.template_variables,
		});
		expect((await suite.fx.requests()).map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${V2}/broadcasts/${completed.id}`,
			`GET ${V2}/broadcasts/${completed.id}`,
		]);
	});

	it('Get Many pages with page/per_page=100 and filters by status', async () => {
		for (let i = 0; i < 3; i++) await createDraft(`Draft ${i}`);
		await suite.fx.clearRequests();
		const { items } = await run({
			operation: 'getAll',
			returnAll: true,
			broadcastFilters: { status: 'draft' },
		});
		const [request] = await suite.fx.requests();
		expect(request.query).toEqual({ page: '1', per_page: '100', status: 'draft' });
		expect(items.length).toBe(
			store()
				.v2OfAccount('broadcasts', 1)
				.filter((b) => b.status === 'draft').length,
		);
		for (const item of items) expect(item.json.status).toBe('draft');
		const limited = await run({ operation: 'getAll', limit: 2 });
		expect(limited.items).toHaveLength(2);
		expect((await suite.fx.requests()).at(-1)?.query).toEqual({ page: '1', per_page: '2' });
	});

	it('Update sends only the fields set; setting and clearing the schedule moves it between draft and scheduled', async () => {
		const draft = await createDraft('To reschedule');
		await suite.fx.clearRequests();
		const scheduled = await run({
			operation: 'update',
			broadcastId: byId(draft.id),
			broadcastUpdateFields: { name: 'Rescheduled', scheduledAt: '2032-01-01T10:00:00Z' },
		});
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'PATCH',
			path: `${V2}/broadcasts/${draft.id}`,
			body: { name: 'Rescheduled', scheduled_at: '2032-01-01T10:00:00.000Z' },
		});
		expect(scheduled.items[0].json).toMatchObject({ name: 'Rescheduled', status: 'scheduled' });
		await suite.fx.clearRequests();
		const back = await run({
			operation: 'update',
			broadcastId: byId(draft.id),
			broadcastUpdateFields: {
				unschedule: true,
				audience: { members: [{ type: 'label', label: 'vip' }] },
			},
		});
		expect((await suite.fx.requests())[0].body).toEqual({
			scheduled_at: null,
			audience: { contact_list_ids: [], labels: ['vip'] },
		});
		expect(back.items[0].json).toMatchObject({
			name: 'Rescheduled',
			status: 'draft',
			scheduled_at: null,
		});
	});

	it('Send Now starts sending; the simulated delivery completes it with stats and raises broadcast.completed', async () => {
		const draft = await createDraft('Send me');
		const recorder = recordEvents(suite.fx);
		await suite.fx.clearRequests();
		const { items } = await run({ operation: 'send', broadcastId: byId(draft.id) });
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'POST',
			path: `${V2}/broadcasts/${draft.id}/send`,
			status: 200,
		});
		expect(items[0].json).toMatchObject({ id: draft.id, status: 'sending' });
		await sleep(BROADCAST_SEND_MS + 100);
		recorder.stop();
		expect(recorder.events.map((event) => event.name)).toEqual(['broadcast.completed']);
		expect(recorder.events[0].data).toMatchObject({ id: draft.id, status: 'completed' });
		const stats = await run({ operation: 'getStats', broadcastId: byId(draft.id) });
		expect((await suite.fx.requests()).at(-1)?.path).toBe(`${V2}/broadcasts/${draft.id}/stats`);
		const counts = stats.items[0].json as Record<string, number>;
		expect(counts.recipients).toBe(list('VIP customers').contact_ids.length);
		expect(counts.sent + counts.failed).toBe(counts.recipients);
		expect(counts.delivered).toBeLessThanOrEqual(counts.sent);
		expect(counts.read).toBeLessThanOrEqual(counts.delivered);
		expect(counts.replied).toBeLessThanOrEqual(counts.read);
		expect(counts.replied).toBeGreaterThan(0);
	});

	it('a broadcast whose audience is empty fails, raising broadcast.failed', async () => {
		const draft = await createDraft('Into the void', {
			members: [{ type: 'contactList', contactListId: list('Trade fair 2026 leads').id }],
		});
		const recorder = recordEvents(suite.fx);
		await run({ operation: 'send', broadcastId: byId(draft.id) });
		await sleep(BROADCAST_SEND_MS + 100);
		recorder.stop();
		expect(
			recorder.events.map((event) => [event.name, (event.data as { status: string }).status]),
		).toEqual([['broadcast.failed', 'failed']]);
		const { items } = await run({ operation: 'get', broadcastId: byId(draft.id), simplify: false });
		expect(items[0].json).toMatchObject({
			status: 'failed',
			failure_reason: 'The audience has no contacts',
		});
	});

	it('the state machine refusals come back as clear 409 error items under Continue On Fail', async () => {
		const completed = broadcastIn('completed');
		const draft = await createDraft('Never scheduled');
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[
				{ operation: 'send', broadcastId: byId(completed.id) },
				/can not be sent: it was already sent \(status completed\)/,
			],
			[
				{ operation: 'cancel', broadcastId: byId(draft.id) },
				/is draft: only scheduled or sending broadcasts can be cancelled/,
			],
			[
				{ operation: 'cancel', broadcastId: byId(completed.id) },
				/is completed: only scheduled or sending broadcasts can be cancelled/,
			],
			[
				{
					operation: 'update',
					broadcastId: byId(completed.id),
					broadcastUpdateFields: { name: 'Too late' },
				},
				/is completed: only draft or scheduled broadcasts can be updated/,
			],
			[
				{ operation: 'delete', broadcastId: byId(completed.id) },
				/is completed: only draft or scheduled broadcasts can be deleted/,
			],
		];
		for (const [parameters, message] of cases) {
			const { items } = await run(parameters, { continueOnFail: true });
			expect(items).toHaveLength(1);
			const error = errorOf(items[0]);
			expect(error.httpCode).toBe('409');
			expect(error.message).toMatch(/^HueChat 409: /);
			expect(error.message).toMatch(message);
			expect(error.description).toMatch(/state that does not allow/);
			expect(items[0].pairedItem).toEqual({ item: 0 });
		}
	});

	it('Cancel stops a scheduled broadcast; sending it afterwards is refused', async () => {
		const draft = await createDraft('Scheduled then cancelled');
		await run({
			operation: 'update',
			broadcastId: byId(draft.id),
			broadcastUpdateFields: { scheduledAt: '2033-03-03T03:03:03Z' },
		});
		await suite.fx.clearRequests();
		// the whole record: Simplify (on by default) keeps the ten fields most workflows need, not cancelled_at
		const { items } = await run({
			operation: 'cancel',
			broadcastId: byId(draft.id),
			simplify: false,
		});
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'POST',
			path: `${V2}/broadcasts/${draft.id}/cancel`,
			status: 200,
		});
		expect(items[0].json).toMatchObject({ status: 'cancelled' });
		expect(items[0].json.cancelled_at).toMatch(ISO);
		const again = await run(
			{ operation: 'send', broadcastId: byId(draft.id) },
			{ continueOnFail: true },
		);
		expect(errorOf(again.items[0]).message).toMatch(/it was cancelled/);
	});

	it('Delete removes a draft and answers {deleted: true}', async () => {
		const draft = await createDraft('Delete me');
		await suite.fx.clearRequests();
		const { items } = await run({ operation: 'delete', broadcastId: byId(draft.id) });
		expect(items.map((item) => item.json)).toEqual([{ deleted: true }]);
		expect((await suite.fx.requests())[0]).toMatchObject({
			method: 'DELETE',
			path: `${V2}/broadcasts/${draft.id}`,
			status: 204,
		});
		expect(store().broadcasts.has(draft.id)).toBe(false);
	});

	it('refuses an ID that is not a UUID before any request', async () => {
		await expect(run({ operation: 'get', broadcastId: byId('42') })).rejects.toThrow(
			/'Broadcast' must be a UUID/,
		);
		expect(await suite.fx.requests()).toHaveLength(0);
	});
});
