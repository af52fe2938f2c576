// The OpenAPI document: well-formed, consistent with the handlers and the contract, and strict enough
// to catch undocumented response fields.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiDocument, loadApiDocument, type OpenApiDocument } from '../../simulator/openapi.ts';
import { findRepoRoot, openApiPath } from '../../simulator/paths.ts';
import { handlers } from '../../simulator/resources/index.ts';
import { scopeActionFor } from '../../simulator/rules.ts';

const document = loadApiDocument();

const SLICE: [string, string, string][] = [
	['GET', '/api/v1/profile', 'profile.get'],
	['GET', '/api/v1/accounts/{account_id}/contacts', 'contact.getMany'],
	['GET', '/api/v1/accounts/{account_id}/contacts/search', 'contact.search'],
	['POST', '/api/v1/accounts/{account_id}/contacts', 'contact.create'],
	['GET', '/api/v1/accounts/{account_id}/contacts/{contact_id}', 'contact.get'],
	['PUT', '/api/v1/accounts/{account_id}/contacts/{contact_id}', 'contact.update'],
	['DELETE', '/api/v1/accounts/{account_id}/contacts/{contact_id}', 'contact.delete'],
	['GET', '/api/v1/accounts/{account_id}/conversations', 'conversation.getMany'],
	['POST', '/api/v1/accounts/{account_id}/conversations', 'conversation.create'],
	['GET', '/api/v1/accounts/{account_id}/conversations/{conversation_id}', 'conversation.get'],
	[
		'POST',
		'/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status',
		'conversation.setStatus',
	],
	[
		'GET',
		'/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages',
		'message.getMany',
	],
	[
		'POST',
		'/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages',
		'message.create',
	],
];

test('is OpenAPI 3.1 with the api_access_token header scheme and servers', () => {
	const doc = document.doc;
	expect(doc.openapi).toBe('3.1.0');
	expect(doc.components?.securitySchemes?.apiAccessToken).toEqual(
		expect.objectContaining({ type: 'apiKey', in: 'header', name: 'api_access_token' }),
	);
	expect(doc.servers?.[0]).toMatchObject({ url: 'https://app.huechat.ai' });
	expect(openApiPath()).toBe(path.join(findRepoRoot(), 'openapi', 'huechat.openapi.json'));
});

test('describes this slice with the agreed operationIds', () => {
	for (const [method, template, operationId] of SLICE) {
		const operation = document.byId.get(operationId);
		expect({ operationId, method: operation?.method, template: operation?.pathTemplate }).toEqual({
			operationId,
			method,
			template,
		});
	}
});

test('every operation has a handler and every handler an operation', () => {
	expect(Object.keys(handlers).sort()).toEqual(
		document.operations.map((operation) => operation.operationId).sort(),
	);
});

test('every operation of the document is a row of endpoints.tsv', () => {
	// the repository's copy of the contract's operation list (docs/contract.md); reading it throws when it is missing
	const tsv = path.join(findRepoRoot(), 'test', 'contract', 'endpoints.tsv');
	const rows = new Set(
		fs
			.readFileSync(tsv, 'utf8')
			.trim()
			.split('\n')
			.slice(1)
			.map((line) => {
				const [apiVersion, method, rest] = line.split('\t');
				return `${method} /api/${apiVersion}/accounts/{}${rest.replace(/\{[^}]+\}/g, '{}')}`;
			}),
	);
	expect(rows.size).toBe(122);
	for (const operation of document.operations) {
		if (operation.operationId === 'profile.get') continue; // the credential test, outside the account base
		expect(rows).toContain(
			`${operation.method} ${operation.pathTemplate.replace(/\{[^}]+\}/g, '{}')}`,
		);
	}
});

test('scopes follow the method rule, creates are idempotent, and every response is described', () => {
	const doc = document.doc;
	for (const operation of document.operations) {
		if (operation.operationId !== 'profile.get') {
			expect(operation.scopeFamily).toMatch(/^[a-z_]+$/);
		}
		const raw = doc.paths[operation.pathTemplate][operation.method.toLowerCase() as 'get'];
		const responses = Object.keys(raw?.responses ?? {});
		expect(responses).toEqual(expect.arrayContaining(['401', '429']));
		if (operation.scopeFamily !== null) expect(responses).toContain('403');
		if (operation.hasBody) expect(responses).toEqual(expect.arrayContaining(['400', '422']));
		expect(responses.some((status) => status.startsWith('2'))).toBe(true);
		expect(raw?.summary).toBeTruthy();
		expect(raw?.tags?.length).toBe(1);
	}
	expect(
		document.operations
			.filter((operation) => operation.idempotent)
			.map((operation) => operation.operationId)
			.sort(),
	).toEqual([
		'broadcast.create',
		'contact.create',
		'conversation.create',
		'deal.create',
		'message.create',
		'ticket.create',
	]);
	expect(scopeActionFor('PATCH')).toBe('write');
});

test('a document whose scope contradicts the method is refused', () => {
	const doc = JSON.parse(JSON.stringify(document.doc)) as OpenApiDocument;
	const get = doc.paths['/api/v1/accounts/{account_id}/contacts'].get;
	if (get) get.security = [{ apiAccessToken: ['contacts:write'] }];
	expect(() => new ApiDocument(doc)).toThrow(/needs contacts:read/);
});

test('routing: literals win over parameters, and path parameters are matched per segment', () => {
	expect(document.match('GET', '/api/v1/accounts/1/contacts/search')?.operation.operationId).toBe(
		'contact.search',
	);
	expect(document.match('GET', '/api/v1/accounts/1/contacts/12')?.operation.operationId).toBe(
		'contact.get',
	);
	expect(document.match('GET', '/api/v1/accounts/1/contacts/12/')?.params).toEqual({
		account_id: '1',
		contact_id: '12',
	});
	expect(document.match('PATCH', '/api/v1/accounts/1/contacts/12')).toBeNull();
	expect(document.match('GET', '/api/v1/accounts/1/contacts/12/extra')).toBeNull();
});

test('request validation coerces query strings, applies defaults and reports fields', () => {
	const list = document.byId.get('conversation.getMany');
	const ok = list?.validateQuery(new URLSearchParams('page=2&labels[]=a&labels[]=b&inbox_id=3'));
	expect(ok).toEqual({
		ok: true,
		value: {
			page: 2,
			labels: ['a', 'b'],
			inbox_id: 3,
			status: 'open',
			assignee_type: 'all',
			sort_by: 'last_activity_at_desc',
		},
	});
	const bad = list?.validateQuery(new URLSearchParams('page=0'));
	expect(bad?.ok).toBe(false);
	const create = document.byId.get('contact.create');
	expect(create?.validateBody({ email: 'x@y.z', phone_number: '+15551234567' }).ok).toBe(true);
	expect(create?.validateBody({ phone_number: '+0123' }).ok).toBe(false);
});

test('response validation is closed: undocumented fields and wrong types are reported', () => {
	const contact = {
		id: 1,
		name: 'A',
		email: null,
		phone_number: null,
		identifier: null,
		blocked: false,
		thumbnail: '',
		availability_status: 'offline',
		additional_attributes: {},
		custom_attributes: {},
		created_at: 1,
	};
	expect(document.validateResponse('contact.get', 200, { payload: contact })).toEqual([]);
	expect(
		document
			.validateResponse('contact.get', 200, { payload: { ...contact, surprise: true } })
			.join(),
	).toMatch(/additional/);
	expect(
		document
			.validateResponse('contact.get', 200, { payload: { ...contact, created_at: '2026-01-01' } })
			.join(),
	).toMatch(/integer/);
	expect(document.validateResponse('contact.delete', 204, undefined)).toEqual([]);
	expect(
		document.validateResponse('contact.get', 404, { error: 'x', code: 'not_found', status: 404 }),
	).toEqual([]);
});
