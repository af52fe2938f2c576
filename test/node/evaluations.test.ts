/**
 * What an item costs in expression evaluations. n8n-core's RoutingNode evaluates, for every item, the value of every
 * top-level property of the description before it checks whether the property is shown, and does it again while
 * resolving the base URL: a parameter whose name N properties share has its expressions evaluated 2N times per item
 * before the node reads it. Contact Create had its Additional Fields evaluated 46 times per item, its Name 16 times.
 */
import { Expression } from 'n8n-workflow';

import { HueChat } from '../../nodes/HueChat/HueChat.node';
import { nodeSuite } from '../helpers/simulator';

const suite = nodeSuite('contact');

let evaluations = 0;
const resolve = Expression.prototype.resolveSimpleParameterValue;
beforeAll(() => {
	Expression.prototype.resolveSimpleParameterValue = function (...args) {
		evaluations++;
		return resolve.apply(this, args);
	};
});
afterAll(() => {
	Expression.prototype.resolveSimpleParameterValue = resolve;
});

let created = 0;
/** Expressions n8n evaluated per item for a routed Contact Create of three items (each creates a contact). */
async function perItem(fields: { name?: string; email?: string; company?: string }) {
	const items = [1, 2, 3].map(() => {
		const n = ++created;
		return { name: `Eve ${n}`, email: `eve-${n}@example.com`, company: `Company ${n}` };
	});
	evaluations = 0;
	const { items: output } = await suite.run(
		{
			operation: 'create',
			contactName: fields.name ?? 'Eve',
			contactFields: {
				email: fields.email ?? '',
				...(fields.company ? { company: fields.company } : {}),
			},
		},
		{ items },
	);
	expect(output.map((item) => [item.error?.message, typeof item.json.id])).toEqual(
		items.map(() => [undefined, 'number']),
	);
	return evaluations / items.length;
}

describe('Expressions evaluated per item', () => {
	it('Contact Create: an expression costs what n8n-core reads of its property, and the node its field', async () => {
		const base = await perItem({});
		// n8n-core: the walk and the routing's read, once for the request and once more for the base URL
		expect((await perItem({ name: '={{ $json.name }}' })) - base).toBe(4);
		// the same four, and the node's reads of the collection: the dropdown check and the Email check
		expect((await perItem({ email: '={{ $json.email }}' })) - base).toBeLessThanOrEqual(6);
		expect((await perItem({ company: '={{ $json.company }}' })) - base).toBeLessThanOrEqual(6);
	});

	/**
	 * The names several properties still share, and how many: each copy costs two more evaluations per item of an
	 * expression in it. Names a resource's operations define alike are one property (mergeSharedProperties); these
	 * differ, or are alike in resources whose operations cannot share one displayOptions. A new shared name, or
	 * one more copy, fails here.
	 */
	const STILL_SHARED: Record<string, number> = {
		simplify: 11,
		inboxId: 6,
		agentIds: 6,
		contactId: 4,
		conversationId: 4,
		templateId: 3,
		returnAll: 3,
		limit: 3,
		contactUpsertFields: 3,
		templateVariables: 2,
		pipelineId: 2,
		title: 2,
		matchBy: 2,
		query: 2,
		conditions: 2,
		agentId: 2,
		teamId: 2,
		status: 2,
		email: 2,
		phoneNumber: 2,
		url: 2,
		options: 2,
	};

	it('every other top-level parameter name is one property', () => {
		const { properties } = new HueChat().description;
		const copies = new Map<string, number>();
		for (const property of properties) {
			// one Operation dropdown per resource; its value is never an expression
			if (property.name === 'operation' && property.noDataExpression) continue;
			copies.set(property.name, (copies.get(property.name) ?? 0) + 1);
		}
		const tooMany = [...copies]
			.filter(([name, count]) => count > (STILL_SHARED[name] ?? 1))
			.map(([name, count]) => `${name} × ${count}`);
		expect(tooMany).toEqual([]);
	});
});
