import type { INodeProperties } from 'n8n-workflow';

import { v1 } from '../../../shared/transport/api';
import { deleteRouting, listRouting, recordRouting } from '../../../shared/descriptions/builders';
import { checkFields, dropEmptyBodyFields, requireSomeField } from '../../../shared/validation/checks';
import { labelCreateDescription } from './create';
import { labelDeleteDescription } from './delete';
import { labelFieldChecks } from './fields';
import { labelGetDescription } from './get';
import { labelGetAllDescription } from './getAll';
import { labelIdCheck } from './locator';
import { labelUpdateDescription, labelUpdateFieldNames } from './update';

const byId = v1('/labels/{{$parameter.labelId}}');

export const labelDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['label'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a label',
				description: 'Create a label for conversations and contacts (its title must be unique)',
				routing: recordRouting('POST', v1('/labels'), undefined, [
					checkFields({ parameter: 'title', label: 'Title', check: 'labelTitle' }, ...labelFieldChecks('additionalFields')),
					dropEmptyBodyFields,
				]),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a label',
				description: 'Delete a label',
				routing: deleteRouting(byId, [checkFields(labelIdCheck)]),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a label',
				description: 'Get a label by ID',
				routing: recordRouting('GET', byId, undefined, [checkFields(labelIdCheck)]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many labels',
				description: 'List the labels of the account',
				routing: listRouting('GET', v1('/labels'), { style: 'whole', root: 'payload' }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a label',
				description: 'Change the fields you set; a new title renames the label everywhere',
				routing: recordRouting('PATCH', byId, undefined, [
					checkFields(
						labelIdCheck,
						{ parameter: 'updateFields.title', label: 'Title', check: 'labelTitle' },
						...labelFieldChecks('updateFields'),
					),
					requireSomeField('updateFields', labelUpdateFieldNames),
					dropEmptyBodyFields,
				]),
			},
		],
		default: 'getAll',
	},
	...labelCreateDescription,
	...labelGetDescription,
	...labelGetAllDescription,
	...labelUpdateDescription,
	...labelDeleteDescription,
];
