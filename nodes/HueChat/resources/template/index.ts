import type { INodeProperties } from 'n8n-workflow';

import { v2 } from '../../../shared/transport/api';
import { deleteRouting, listRouting, recordRouting, simplifyToggle } from '../../../shared/descriptions/builders';
import { V2_LIST } from '../../../shared/validation/inputExpressions';
import { checkFields } from '../../../shared/validation/checks';
import { buildTemplateComponents } from './components';
import { templateCreateDescription } from './create';
import { templateGetAllDescription } from './getAll';
import { templateIdCheck, templateLocator } from './locator';

const byId = v2('/templates/{{$parameter.templateId}}');

export const templateDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a template',
				description: 'Submit a WhatsApp message template for review (it starts pending, then is approved or rejected)',
				routing: recordRouting('POST', v2('/templates'), undefined, [
					checkFields({ parameter: 'name', label: 'Name', check: 'notBlank' }, { parameter: 'inboxId', label: 'Inbox', check: 'positiveInteger' }),
					buildTemplateComponents,
				]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a template',
				description: 'Delete a message template (broadcasts that still use it will fail)',
				routing: deleteRouting(byId, [checkFields(templateIdCheck)]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a template',
				description: 'Get a template by ID, with its review status',
				routing: recordRouting('GET', byId, undefined, [checkFields(templateIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many templates',
				description: 'List message templates, 100 a request, following the pages for you',
				routing: listRouting('GET', v2('/templates'), V2_LIST),
			},
		],
		default: 'getAll',
	},
	templateLocator(['delete', 'get']),
	...templateCreateDescription,
	...templateGetAllDescription,
	simplifyToggle('template', ['get']),
];
