import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared/descriptions/builders';
import type { RecordKind } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';
import { checkFields } from '../../../shared/validation/checks';

export function templateLocator(operations: string[]): INodeProperties {
	return idLocator(
		{
			name: 'templateId',
			displayName: 'Template',
			searchMethod: 'searchTemplates',
			idKind: 'uuid',
			description: 'The message template to use',
		},
		showFor('template', operations),
	);
}

export const templateIdCheck = {
	parameter: 'templateId',
	label: 'Template',
	check: 'uuid' as const,
};

export const TEMPLATE_CATEGORIES = [
	{
		name: 'Authentication',
		value: 'authentication',
		description: 'One-time passwords and login codes',
	},
	{ name: 'Marketing', value: 'marketing', description: 'Promotions, offers, newsletters' },
	{
		name: 'Utility',
		value: 'utility',
		description: 'Updates about an order, an account or a request',
	},
];

export const TEMPLATE_STATUSES = [
	{ name: 'Approved', value: 'approved' },
	{ name: 'Disabled', value: 'disabled' },
	{ name: 'Paused', value: 'paused' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Rejected', value: 'rejected' },
];

export const templateUrl = v2('/templates/{{$parameter.templateId}}');

/** What template operations on one record share: the picker, the record's URL and the ID check. */
export const templateRecord: RecordKind = {
	resource: 'template',
	picker: templateLocator,
	url: templateUrl,
	check: checkFields(templateIdCheck),
};
