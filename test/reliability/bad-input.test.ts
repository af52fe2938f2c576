/**
 * Malformed input: ≥ 500 generated bad values across the operations' parameters (wrong types, empty required
 * fields, bad IDs, emails, phone numbers, dates, JSON, oversized content, unknown dropdown values, injection-looking
 * strings). Each must end as an error item naming the field, nothing may crash, and none of these requests may
 * reach HueChat: the node can tell they would be refused.
 */
import type { IDataObject } from 'n8n-workflow';

import { runHueChat } from '../helpers/routing';
import { startFixture, type SimulatorFixture } from '../helpers/simulator';
import { recordFigures } from './figures';

let fx: SimulatorFixture;

beforeAll(async () => {
	fx = await startFixture();
});
afterAll(async () => fx.sim.close());

const INJECTION = [
	"1' OR '1'='1",
	'1; DROP TABLE contacts',
	'<script>alert(1)</script>',
	'../../etc/passwd',
	'${7*7}',
	'{{7*7}}',
	'%00',
	'1\n2',
];
const BAD_IDS: unknown[] = [
	'abc',
	'-1',
	'0',
	'1.5',
	'',
	' ',
	'1e3',
	'0x10',
	'１２',
	'null',
	'undefined',
	'NaN',
	'+5',
	'007a',
	'12 34',
	'٣',
	-7,
	0,
	2.5,
	Number.NaN,
	true,
	false,
	null,
	{},
	[],
	[1, 2],
	{ id: 1 },
	99999999999999999999,
	'9'.repeat(40),
	...INJECTION,
];
const BAD_EMAILS: unknown[] = [
	'plainaddress',
	'@example.com',
	'jane@',
	'jane@example',
	'jane doe@example.com',
	'jane@exa mple.com',
	'jane@@example.com',
	'jane.example.com',
	' @ . ',
	42,
	true,
	{},
	[],
	'jane@example.com\nBcc: x@y.z',
	...INJECTION,
];
const BAD_PHONES: unknown[] = [
	'12345',
	'+0123456789',
	'+1 415 555 0123',
	'(415) 555-0123',
	'+1-415-555-0123',
	'+1234567890123456',
	'phone',
	'+',
	'++14155550123',
	'14155550123',
	'+1415555O123',
	4155550123,
	{},
	[],
	...INJECTION,
];
const BAD_DATES: unknown[] = [
	'not a date',
	'2026-13-45T99:00:00Z',
	'tomorrow',
	'yesterday at noon',
	'31/12/2026',
	'12345',
	'NaN',
	{},
	[],
	true,
	...INJECTION,
];
const BAD_JSON: unknown[] = [
	'{',
	'[1,2]',
	'"text"',
	'{plan: pro}',
	'null',
	'42',
	"{'a': 1}",
	'{"a":1}}',
	'undefined',
	...INJECTION,
];
const BAD_STATUS: unknown[] = [
	'closed',
	'OPEN',
	'archived',
	'',
	'open ',
	42,
	null,
	{},
	...INJECTION,
];
const BAD_CONTENT: unknown[] = ['', ' ', '\n\t', 'x'.repeat(150_001), null];
const BAD_LIMITS: unknown[] = [0, -1, 1.5, 'ten', '', null, {}, [], Number.NaN, ...INJECTION];

const locatorFrom = (field = 'v') => ({ __rl: true, mode: 'id', value: `={{ $json.${field} }}` });

interface Case {
	name: string;
	field: string;
	parameters: Record<string, unknown>;
	values: unknown[];
}

const CASES: Case[] = [
	{
		name: 'contact get id',
		field: "'Contact'",
		parameters: { resource: 'contact', operation: 'get', contactId: locatorFrom() },
		values: BAD_IDS,
	},
	{
		name: 'contact delete id',
		field: "'Contact'",
		parameters: { resource: 'contact', operation: 'delete', contactId: locatorFrom() },
		values: BAD_IDS,
	},
	{
		name: 'contact update id',
		field: "'Contact'",
		parameters: {
			resource: 'contact',
			operation: 'update',
			contactId: locatorFrom(),
			contactUpdateFields: { name: 'X' },
		},
		values: BAD_IDS,
	},
	{
		name: 'contact create email',
		field: "'Email'",
		parameters: {
			resource: 'contact',
			operation: 'create',
			contactName: 'X',
			contactFields: { email: '={{ $json.v }}' },
		},
		values: BAD_EMAILS,
	},
	{
		name: 'contact update email',
		field: "'Email'",
		parameters: {
			resource: 'contact',
			operation: 'update',
			contactId: locatorFrom('id'),
			contactUpdateFields: { email: '={{ $json.v }}' },
		},
		values: BAD_EMAILS,
	},
	{
		name: 'contact create phone',
		field: "'Phone Number'",
		parameters: {
			resource: 'contact',
			operation: 'create',
			contactName: 'X',
			contactFields: { phoneNumber: '={{ $json.v }}' },
		},
		values: BAD_PHONES,
	},
	{
		name: 'contact update phone',
		field: "'Phone Number'",
		parameters: {
			resource: 'contact',
			operation: 'update',
			contactId: locatorFrom('id'),
			contactUpdateFields: { phoneNumber: '={{ $json.v }}' },
		},
		values: BAD_PHONES,
	},
	{
		name: 'contact create custom attributes',
		field: "'Custom Attributes'",
		parameters: {
			resource: 'contact',
			operation: 'create',
			contactName: 'X',
			contactFields: { customAttributes: '={{ $json.v }}' },
		},
		values: BAD_JSON,
	},
	{
		name: 'contact get many limit',
		field: "'Limit'",
		parameters: {
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: '={{ $json.v }}',
		},
		values: BAD_LIMITS,
	},
	{
		name: 'contact search limit',
		field: "'Limit'",
		parameters: {
			resource: 'contact',
			operation: 'search',
			query: 'a',
			returnAll: false,
			limit: '={{ $json.v }}',
		},
		values: BAD_LIMITS,
	},
	{
		name: 'conversation get id',
		field: "'Conversation'",
		parameters: { resource: 'conversation', operation: 'get', conversationId: locatorFrom() },
		values: BAD_IDS,
	},
	{
		name: 'conversation create inbox',
		field: "'Inbox'",
		parameters: {
			resource: 'conversation',
			operation: 'create',
			inboxId: locatorFrom(),
			contactId: locatorFrom('id'),
		},
		values: BAD_IDS,
	},
	{
		name: 'conversation create contact',
		field: "'Contact'",
		parameters: {
			resource: 'conversation',
			operation: 'create',
			inboxId: locatorFrom('id'),
			contactId: locatorFrom(),
		},
		values: BAD_IDS,
	},
	{
		name: 'conversation create snooze date',
		field: "'Snoozed Until'",
		parameters: {
			resource: 'conversation',
			operation: 'create',
			inboxId: locatorFrom('id'),
			contactId: locatorFrom('id'),
			conversationFields: { snoozedUntil: '={{ $json.v }}' },
		},
		values: BAD_DATES,
	},
	{
		name: 'conversation set status id',
		field: "'Conversation'",
		parameters: {
			resource: 'conversation',
			operation: 'setStatus',
			conversationId: locatorFrom(),
			status: 'resolved',
		},
		values: BAD_IDS,
	},
	{
		name: 'conversation set status value',
		field: "'Status'",
		parameters: {
			resource: 'conversation',
			operation: 'setStatus',
			conversationId: locatorFrom('id'),
			status: '={{ $json.v }}',
		},
		values: BAD_STATUS,
	},
	{
		name: 'conversation set status snooze date',
		field: "'Snoozed Until'",
		parameters: {
			resource: 'conversation',
			operation: 'setStatus',
			conversationId: locatorFrom('id'),
			status: 'snoozed',
			snoozedUntil: '={{ $json.v }}',
		},
		values: BAD_DATES.filter((v) => v !== ''),
	},
	{
		name: 'conversation get many limit',
		field: "'Limit'",
		parameters: {
			resource: 'conversation',
			operation: 'getAll',
			returnAll: false,
			limit: '={{ $json.v }}',
		},
		values: BAD_LIMITS,
	},
	{
		name: 'message create conversation',
		field: "'Conversation'",
		parameters: {
			resource: 'message',
			operation: 'create',
			conversationId: locatorFrom(),
			messageContent: 'Hi',
		},
		values: BAD_IDS,
	},
	{
		name: 'message create content',
		field: "'Content'",
		parameters: {
			resource: 'message',
			operation: 'create',
			conversationId: locatorFrom('id'),
			messageContent: '={{ $json.v }}',
		},
		values: BAD_CONTENT,
	},
	{
		name: 'message get many conversation',
		field: "'Conversation'",
		parameters: {
			resource: 'message',
			operation: 'getAll',
			conversationId: locatorFrom(),
			limit: 5,
		},
		values: BAD_IDS,
	},
	{
		name: 'message get many limit',
		field: "'Limit'",
		parameters: {
			resource: 'message',
			operation: 'getAll',
			conversationId: locatorFrom('id'),
			returnAll: false,
			limit: '={{ $json.v }}',
		},
		values: BAD_LIMITS,
	},
	{
		name: 'contact update without fields',
		field: "'Update Fields'",
		parameters: {
			resource: 'contact',
			operation: 'update',
			contactId: locatorFrom('id'),
			contactUpdateFields: {},
		},
		values: [1],
	},
];

it('refuses 500+ malformed inputs with an error naming the field, before anything reaches HueChat', async () => {
	let tried = 0;
	let clear = 0;
	const unclear: string[] = [];
	await fx.clearRequests();
	for (const testCase of CASES) {
		const items = testCase.values.map((v) => ({ v, id: 1 }) as IDataObject);
		const { items: output } = await runHueChat({
			credentials: fx.credentials,
			parameters: testCase.parameters as never,
			items,
			continueOnFail: true,
		});
		expect(output).toHaveLength(items.length);
		output.forEach((item, index) => {
			tried++;
			const message = item.error?.message ?? '';
			if (item.error && message.includes(testCase.field)) clear++;
			else
				unclear.push(
					`${testCase.name} ${JSON.stringify(testCase.values[index])?.slice(0, 40)}: ${message || 'no error'}`,
				);
		});
	}
	const reached = await fx.requests();
	recordFigures({
		'malformed inputs tried': tried,
		'clear errors': clear,
		'requests the node should have stopped': reached.length,
	});
	expect(unclear).toEqual([]);
	expect(reached.map((r) => `${r.method} ${r.path}`)).toEqual([]);
	expect(tried).toBeGreaterThanOrEqual(500);
});
