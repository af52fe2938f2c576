import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

const MESSAGE_TYPES = ['incoming', 'outgoing', 'activity', 'template'];

type Picker = string | ((record: IDataObject) => unknown);

function pick(record: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as IDataObject)[key] : undefined), record);
}

/** The ≤ 10 fields a workflow usually needs from each big object, flattened. Data, not code. */
export const SIMPLIFIED_FIELDS: Record<string, Record<string, Picker>> = {
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
		message_type: (record) => (typeof record.message_type === 'number' ? MESSAGE_TYPES[record.message_type] : record.message_type),
		private: 'private',
		status: 'status',
		sender_id: 'sender.id',
		sender_type: 'sender.type',
		attachments: (record) => (Array.isArray(record.attachments) ? record.attachments.map((a) => (a as IDataObject).data_url) : []),
		created_at: 'created_at',
	},
};

export function simplifyRecord(resource: string, record: IDataObject): IDataObject {
	const simplified: IDataObject = {};
	for (const [field, picker] of Object.entries(SIMPLIFIED_FIELDS[resource])) {
		const value = typeof picker === 'function' ? picker(record) : pick(record, picker);
		simplified[field] = (value ?? null) as IDataObject[string];
	}
	return simplified;
}

/** postReceive on the 'Simplify' toggle: keeps the fields above when it is on (the default). */
export function simplifyWhenOn(resource: string) {
	return async function simplify(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		if (this.getNodeParameter('simplify', true) !== true) return items;
		return items.map((item) => ({ ...item, json: simplifyRecord(resource, item.json) }));
	};
}
