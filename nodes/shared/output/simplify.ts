import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { valueAt } from './valueAt';

const MESSAGE_TYPES = ['incoming', 'outgoing', 'activity', 'template'];

type Picker = string | ((record: IDataObject) => unknown);

/** The ≤ 10 fields a workflow usually needs from each big object, flattened. Data, not code. */
export const SIMPLIFIED_FIELDS: Record<string, Record<string, Picker>> = {
	broadcast: {
		id: 'id',
		name: 'name',
		status: 'status',
		inbox_id: 'inbox_id',
		template_id: 'template_id',
		scheduled_at: 'scheduled_at',
		started_at: 'started_at',
		completed_at: 'completed_at',
		failure_reason: 'failure_reason',
		created_at: 'created_at',
	},
	template: {
		id: 'id',
		name: 'name',
		language: 'language',
		category: 'category',
		status: 'status',
		inbox_id: 'inbox_id',
		body: (record) =>
			Array.isArray(record.components)
				? (record.components as IDataObject[]).find((component) => component.type === 'body')?.text
				: undefined,
		rejected_reason: 'rejected_reason',
		created_at: 'created_at',
		updated_at: 'updated_at',
	},
	ticket: {
		id: 'id',
		number: 'number',
		subject: 'subject',
		status: 'status',
		priority: 'priority',
		contact_id: 'contact_id',
		conversation_id: 'conversation_id',
		assignee_id: 'assignee_id',
		due_at: 'due_at',
		updated_at: 'updated_at',
	},
	deal: {
		id: 'id',
		title: 'title',
		value: 'value',
		currency: 'currency',
		status: 'status',
		pipeline_id: 'pipeline_id',
		stage_id: 'stage_id',
		contact_id: 'contact_id',
		external_id: 'external_id',
		expected_close_at: 'expected_close_at',
	},
	inbox: {
		id: 'id',
		name: 'name',
		channel_type: 'channel_type',
		greeting_enabled: 'greeting_enabled',
		enable_auto_assignment: 'enable_auto_assignment',
		timezone: 'timezone',
		phone_number: 'phone_number',
		email: 'email',
		website_url: 'website_url',
		webhook_url: 'webhook_url',
	},
	contact: {
		id: 'id',
		name: 'name',
		email: 'email',
		phone_number: 'phone_number',
		identifier: 'identifier',
		company: 'additional_attributes.company_name',
		blocked: 'blocked',
		custom_attributes: 'custom_attributes',
		created_at: 'created_at',
		last_activity_at: 'last_activity_at',
	},
	conversation: {
		id: 'id',
		inbox_id: 'inbox_id',
		status: 'status',
		priority: 'priority',
		contact_id: 'meta.sender.id',
		contact_name: 'meta.sender.name',
		assignee_id: 'meta.assignee.id',
		team_id: 'meta.team.id',
		labels: 'labels',
		last_activity_at: 'last_activity_at',
	},
	message: {
		id: 'id',
		conversation_id: 'conversation_id',
		content: 'content',
		message_type: (record) =>
			typeof record.message_type === 'number'
				? MESSAGE_TYPES[record.message_type]
				: record.message_type,
		private: 'private',
		status: 'status',
		sender_id: 'sender.id',
		sender_type: 'sender.type',
		attachments: (record) =>
			Array.isArray(record.attachments)
				? record.attachments.map((a) => (a as IDataObject).data_url)
				: [],
		created_at: 'created_at',
	},
};

export function simplifyRecord(resource: string, record: IDataObject): IDataObject {
	const simplified: IDataObject = {};
	for (const [field, picker] of Object.entries(SIMPLIFIED_FIELDS[resource])) {
		const value = typeof picker === 'function' ? picker(record) : valueAt(record, picker);
		simplified[field] = (value ?? null) as IDataObject[string];
	}
	return simplified;
}

/** postReceive on the 'Simplify' toggle: keeps the fields above when it is on (the default). */
export function simplifyWhenOn(resource: string) {
	let step = simplifySteps.get(resource);
	if (!step) simplifySteps.set(resource, (step = simplifyStep(resource)));
	return step;
}

/** One step per resource, so the Simplify switches of a resource's operations are the same property (merge.ts). */
const simplifySteps = new Map<string, ReturnType<typeof simplifyStep>>();

function simplifyStep(resource: string) {
	return async function simplify(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		if (this.getNodeParameter('simplify', true) !== true) return items;
		return items.map((item) => ({ ...item, json: simplifyRecord(resource, item.json) }));
	};
}
