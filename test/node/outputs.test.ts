/**
 * What the node outputs, one rule for every operation (README "Output"):
 * - every operation whose answer is a record (or records) of a big, nested kind offers Simplify, on by default;
 * - every v2 date comes out as an ISO 8601 string, Simplify on or off; v1 stays as Chatwoot answers it.
 * Which operation answers which record, and which v2 fields are unix seconds, is read from the OpenAPI document, so a
 * new operation or field the rule covers fails here until it follows it. Then the rule is run through n8n-core's
 * RoutingNode against the simulator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { HueChat } from '../../nodes/HueChat/HueChat.node';
import { V2_UNIX_DATE_FIELDS } from '../../nodes/shared/output/dates';
import { SIMPLIFIED_FIELDS } from '../../nodes/shared/output/simplify';
import { byId, nodeSuite } from '../helpers/simulator';
import { ISO } from '../helpers/v2';

interface Schema {
	$ref?: string;
	type?: string | string[];
	description?: string;
	properties?: Record<string, Schema>;
	items?: Schema;
	allOf?: Schema[];
}
interface OpenApi {
	paths: Record<
		string,
		Record<
			string,
			{ responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }
		>
	>;
	components: { schemas: Record<string, Schema> };
}

const document = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'openapi', 'huechat.openapi.json'), 'utf8'),
) as OpenApi;
const properties = new HueChat().description.properties;

/** The record kinds Simplify shortens (more than 10 fields, nested objects), by the OpenAPI schema that has them. */
const SIMPLIFIED_SCHEMAS: Record<string, string> = {
	Broadcast: 'broadcast',
	Contact: 'contact',
	Conversation: 'conversation',
	Deal: 'deal',
	Inbox: 'inbox',
	Message: 'message',
	Template: 'template',
	Ticket: 'ticket',
};

const schemaName = (schema: Schema | undefined) => schema?.$ref?.split('/').at(-1);
const resolve = (schema: Schema | undefined): Schema | undefined =>
	schema?.$ref ? document.components.schemas[schemaName(schema)!] : schema;

/** The record schema an answer carries: itself, or under `data`, `payload` or `payload.contact`, or their items. */
function recordSchemaOf(schema: Schema | undefined, depth = 0): string | undefined {
	if (!schema || depth > 4) return undefined;
	const name = schemaName(schema);
	if (name && SIMPLIFIED_SCHEMAS[name]) return name;
	const resolved = resolve(schema);
	if (resolved?.items) return recordSchemaOf(resolved.items, depth + 1);
	for (const key of ['data', 'payload', 'contact'])
		if (resolved?.properties?.[key]) {
			const found = recordSchemaOf(resolved.properties[key], depth + 1);
			if (found) return found;
		}
	return undefined;
}

function successSchema(method: string, documentPath: string): Schema | undefined {
	const responses = document.paths[documentPath]?.[method.toLowerCase()]?.responses ?? {};
	const ok = Object.keys(responses).find((code) => code.startsWith('2'));
	return ok ? responses[ok].content?.['application/json']?.schema : undefined;
}

/** `/api/v1/accounts/{{$credentials.accountId}}/contacts/{{$parameter.contactId}}` → the document's path. */
function documentPathOf(url: string, method: string): string | undefined {
	const pattern = url
		.replace(/^=/, '')
		.replace(/\{\{[^}]*\}\}/g, '{}')
		.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
	const matcher = new RegExp(`^${pattern.replace(/\{\}/g, '\\{[^}]+\\}')}$`);
	return Object.keys(document.paths).find(
		(documentPath) =>
			matcher.test(documentPath) && document.paths[documentPath][method.toLowerCase()],
	);
}

interface OperationInfo {
	resource: string;
	operation: string;
	name: string;
	method?: string;
	documentPath?: string;
	simplify?: INodeProperties;
}

const operations: OperationInfo[] = properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) =>
		(property.options as Array<{ name: string; value: string; routing?: IDataObject }>).map(
			(option) => {
				const resource = String(property.displayOptions!.show!.resource![0]);
				const request = option.routing?.request as { method?: string; url?: string } | undefined;
				const method = request?.method ?? 'GET';
				return {
					resource,
					operation: option.value,
					name: option.name,
					method,
					documentPath: request?.url ? documentPathOf(request.url, method) : undefined,
					simplify: properties.find(
						(candidate) =>
							candidate.name === 'simplify' &&
							candidate.displayOptions?.show?.resource?.includes(resource) &&
							candidate.displayOptions.show.operation?.includes(option.value),
					),
				};
			},
		),
	);

describe('one rule for what operations output (from the OpenAPI document)', () => {
	it('a create-or-update is the value upsert on every resource (the canvas shows "upsert: <resource>")', () => {
		const createOrUpdates = operations.filter((operation) => operation.name === 'Create or Update');
		expect(
			createOrUpdates.map(({ resource, operation }) => `${resource} ${operation}`).sort(),
		).toEqual(['contact upsert', 'deal upsert']);
	});

	it('every operation answering a contact, conversation, message, inbox, deal, ticket, broadcast or template offers Simplify, on by default', () => {
		const covered = operations.filter(
			(operation) =>
				operation.documentPath &&
				recordSchemaOf(successSchema(operation.method!, operation.documentPath)),
		);
		// the table the README states, as the document gives it: a rule that covers nothing would prove nothing
		expect(covered.length).toBeGreaterThanOrEqual(35);
		const missing = covered
			.filter((operation) => !operation.simplify)
			.map(({ resource, operation }) => `${resource} ${operation}`);
		expect(missing).toEqual([]);
		for (const operation of covered.filter((candidate) => candidate.simplify))
			expect({ operation: operation.operation, default: operation.simplify!.default }).toEqual({
				operation: operation.operation,
				default: true,
			});
	});

	it('a simplified record has at most 10 fields, its ID first', () => {
		for (const [resource, fields] of Object.entries(SIMPLIFIED_FIELDS)) {
			expect({ resource, count: Object.keys(fields).length <= 10 }).toEqual({
				resource,
				count: true,
			});
			expect(Object.keys(fields)[0]).toBe('id');
		}
		expect(Object.keys(SIMPLIFIED_FIELDS).sort()).toEqual(Object.values(SIMPLIFIED_SCHEMAS).sort());
	});

	it("the v2 date table is the document's: every v2 answer field in unix seconds, by resource", () => {
		const fields = (schema: Schema | undefined): Record<string, Schema> => {
			const resolved = resolve(schema);
			if (!resolved) return {};
			if (resolved.properties?.data?.type === 'array')
				return fields(resolved.properties.data.items);
			return Object.assign(
				{},
				...(resolved.allOf ?? []).map(fields),
				resolved.properties ?? {},
			) as Record<string, Schema>;
		};
		const derived: Record<string, Set<string>> = {};
		for (const operation of operations) {
			if (!operation.documentPath?.startsWith('/api/v2/')) continue;
			for (const [field, schema] of Object.entries(
				fields(successSchema(operation.method!, operation.documentPath)),
			))
				if (/^Unix seconds/.test(resolve(schema)?.description ?? ''))
					(derived[operation.resource] ??= new Set()).add(field);
		}
		const sorted = (table: Record<string, Iterable<string>>) =>
			Object.fromEntries(
				Object.entries(table)
					.map(([resource, names]) => [resource, [...names].sort()])
					.sort(([a], [b]) => String(a).localeCompare(String(b))),
			);
		expect(sorted(V2_UNIX_DATE_FIELDS)).toEqual(sorted(derived));
	});
});

const suite = nodeSuite('deal');
const run = (resource: string, parameters: Record<string, unknown>) =>
	suite.run({ resource, ...parameters });
const store = () => suite.fx.sim.store;
const sales = () =>
	store()
		.v2OfAccount('pipelines', 1)
		.find((pipeline) => pipeline.name === 'Sales')!;
const isoOf = (seconds: number) => new Date(seconds * 1000).toISOString();

/** Every v2 date field of `resource` in these records is an ISO 8601 string or null: never a number. */
function expectIsoDates(resource: string, records: IDataObject[]) {
	expect(records.length).toBeGreaterThan(0);
	const dates = records.flatMap((record) =>
		V2_UNIX_DATE_FIELDS[resource]
			.filter((field) => field in record)
			.map((field) => ({ field, value: record[field] })),
	);
	expect(dates.length).toBeGreaterThan(0);
	for (const { field, value } of dates)
		expect({ field, iso: value === null || ISO.test(String(value)) }).toEqual({ field, iso: true });
}

const dealRecord = (extra: Record<string, unknown> = {}, fields = 'dealFields') => ({
	title: 'Renewal for Initech',
	pipelineId: byId(sales().id),
	stageId: sales().stages[0].id,
	[fields]: { expectedCloseAt: '2027-03-31T00:00:00Z', value: '900.00' },
	...extra,
});

describe('Simplify and ISO dates, run through RoutingNode against the simulator', () => {
	it('Deal Create: simplified by default, its close date as the ISO date it was given', async () => {
		const { items } = await run('deal', { operation: 'create', ...dealRecord() });
		expect(Object.keys(items[0].json)).toEqual(Object.keys(SIMPLIFIED_FIELDS.deal));
		expect(items[0].json.expected_close_at).toBe('2027-03-31T00:00:00.000Z');
		// HueChat keeps unix seconds: the node converts, it does not store another value
		const stored = store().deals.get(String(items[0].json.id))!;
		expect(stored.expected_close_at).toBe(1806451200);
	});

	it('Deal Create with Simplify off: every field, the dates ISO (the same instants HueChat stored)', async () => {
		const { items } = await run('deal', {
			operation: 'create',
			...dealRecord({ title: 'Raw deal' }),
			simplify: false,
		});
		const json = items[0].json;
		const stored = store().deals.get(String(json.id))!;
		expect(json).toMatchObject({
			title: 'Raw deal',
			value: '900.00',
			expected_close_at: '2027-03-31T00:00:00.000Z',
			created_at: isoOf(stored.created_at),
			updated_at: isoOf(stored.updated_at),
			closed_at: null,
			custom_attributes: {},
		});
	});

	it('Deal Create or Update: simplified by default and the action kept (created, then updated)', async () => {
		const parameters = {
			operation: 'upsert',
			externalId: 'crm-outputs-1',
			...dealRecord({}, 'dealUpsertFields'),
		};
		const first = await run('deal', parameters);
		const second = await run('deal', parameters);
		for (const [item, action] of [
			[first.items[0], 'created'],
			[second.items[0], 'updated'],
		] as const) {
			expect(Object.keys(item.json)).toEqual([...Object.keys(SIMPLIFIED_FIELDS.deal), 'action']);
			expect(item.json).toMatchObject({
				external_id: 'crm-outputs-1',
				expected_close_at: '2027-03-31T00:00:00.000Z',
				action,
			});
		}
		const raw = await run('deal', { ...parameters, simplify: false });
		expect(raw.items[0].json).toMatchObject({ action: 'updated', lost_reason: null });
		expectIsoDates('deal', [raw.items[0].json]);
	});

	it('Deal Mark Won and Mark Lost: simplified by default; raw, closed_at is ISO', async () => {
		const won = await run('deal', {
			operation: 'markWon',
			dealId: byId(
				String((await run('deal', { operation: 'create', ...dealRecord() })).items[0].json.id),
			),
		});
		expect(Object.keys(won.items[0].json)).toEqual(Object.keys(SIMPLIFIED_FIELDS.deal));
		expect(won.items[0].json.status).toBe('won');
		const created = await run('deal', { operation: 'create', ...dealRecord() });
		const lost = await run('deal', {
			operation: 'markLost',
			dealId: byId(String(created.items[0].json.id)),
			lostReason: 'Budget',
			simplify: false,
		});
		expect(lost.items[0].json).toMatchObject({ status: 'lost', lost_reason: 'Budget' });
		expect(lost.items[0].json.closed_at).toMatch(ISO);
	});

	it('Deal Get Many, Simplify off: no date left in unix seconds', async () => {
		const { items } = await run('deal', { operation: 'getAll', returnAll: true, simplify: false });
		expectIsoDates(
			'deal',
			items.map((item) => item.json),
		);
		const seeded = store().deals.get(String(items[0].json.id))!;
		expect(items[0].json.created_at).toBe(isoOf(seeded.created_at));
	});

	it('Ticket Create: simplified by default, due_at ISO; Get and Get Comments raw: ISO dates', async () => {
		const { items } = await run('ticket', {
			operation: 'create',
			subject: 'Parcel lost',
			contactId: byId(1),
			ticketFields: { dueAt: '2027-01-15T12:00:00Z' },
		});
		expect(Object.keys(items[0].json)).toEqual(Object.keys(SIMPLIFIED_FIELDS.ticket));
		expect(items[0].json.due_at).toBe('2027-01-15T12:00:00.000Z');
		const commented = [...store().ticket_comments.values()][0].ticket_id;
		const seeded = store().tickets.get(commented)!;
		const got = await run('ticket', {
			operation: 'get',
			ticketId: byId(seeded.id),
			simplify: false,
		});
		expectIsoDates('ticket', [got.items[0].json]);
		expect(got.items[0].json.created_at).toBe(isoOf(seeded.created_at));
		const comments = await run('ticket', {
			operation: 'getComments',
			ticketId: byId(seeded.id),
			returnAll: true,
		});
		expectIsoDates(
			'ticket',
			comments.items.map((item) => item.json),
		);
	});

	it('Pipeline, Contact List and AI Agent records (no Simplify): ISO dates', async () => {
		const pipelines = await run('pipeline', { operation: 'getAll', returnAll: true });
		expectIsoDates(
			'pipeline',
			pipelines.items.map((item) => item.json),
		);
		const lists = await run('contactList', { operation: 'getAll', returnAll: true });
		expectIsoDates(
			'contactList',
			lists.items.map((item) => item.json),
		);
		const members = await run('contactList', {
			operation: 'getContacts',
			contactListId: byId(String(lists.items[0].json.id)),
			returnAll: true,
			simplify: false,
		});
		expectIsoDates(
			'contactList',
			members.items.map((item) => item.json),
		);
		const agents = await run('aiAgent', { operation: 'getAll', returnAll: true });
		expectIsoDates(
			'aiAgent',
			agents.items.map((item) => item.json),
		);
	});

	it('Template, Contact and Conversation Create: simplified by default', async () => {
		const template = await run('template', {
			operation: 'create',
			templateName: 'outputs_notice',
			language: 'en_US',
			category: 'utility',
			inboxId: byId(3),
			bodyText: 'Hello {{1}}',
		});
		expect(Object.keys(template.items[0].json)).toEqual(Object.keys(SIMPLIFIED_FIELDS.template));
		expect(template.items[0].json.body).toBe('Hello {{1}}');
		const contact = await run('contact', {
			operation: 'create',
			contactName: 'Outputs Olga',
			contactFields: { email: 'olga.outputs@example.com' },
		});
		expect(Object.keys(contact.items[0].json)).toEqual(Object.keys(SIMPLIFIED_FIELDS.contact));
		const conversation = await run('conversation', {
			operation: 'create',
			inboxId: byId(1),
			contactId: byId(Number(contact.items[0].json.id)),
		});
		expect(Object.keys(conversation.items[0].json)).toEqual(
			Object.keys(SIMPLIFIED_FIELDS.conversation),
		);
		expect(conversation.items[0].json.contact_id).toBe(contact.items[0].json.id);
	});

	it('v1 records keep their unix seconds, as Chatwoot answers them; v2 broadcasts keep their ISO strings', async () => {
		const contact = await run('contact', { operation: 'get', contactId: byId(1), simplify: false });
		expect(contact.items[0].json.created_at).toBe(store().contacts.get(1)!.created_at);
		expect(typeof contact.items[0].json.created_at).toBe('number');
		const broadcast = store().v2OfAccount('broadcasts', 1)[0];
		const got = await run('broadcast', {
			operation: 'get',
			broadcastId: byId(broadcast.id),
			simplify: false,
		});
		expect(got.items[0].json.created_at).toBe(broadcast.created_at);
	});
});
