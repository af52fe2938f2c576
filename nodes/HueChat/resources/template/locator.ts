import { pickedRecord } from '../../../shared/descriptions/operations';
import { v2 } from '../../../shared/transport/api';

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

/** The template picker, the record's URL and the check of its ID. */
export const templateRecord = pickedRecord('template', templateUrl, {
	displayName: 'Template',
	searchMethod: 'searchTemplates',
	idKind: 'uuid',
	description: 'The message template to use',
});
export const { picker: templateLocator, idCheck: templateIdCheck } = templateRecord;
