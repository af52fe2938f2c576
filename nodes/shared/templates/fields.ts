import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../descriptions/builders';
import type { FieldCheck } from '../validation/checks';
import type { VariableScope } from './variables';

/** The approved-template picker (From List shows name and language) and its variables, one field each. */
export function templateFields(
	displayOptions: { show: Record<string, string[]> },
	{
		required,
		scope,
		description,
	}: { required: boolean; scope: VariableScope; description: string },
): INodeProperties[] {
	return [
		idLocator(
			{
				name: 'templateId',
				displayName: 'Template',
				searchMethod: 'searchApprovedTemplates',
				idKind: 'uuid',
				required,
				description,
			},
			displayOptions,
		),
		{
			displayName: 'Template Variables',
			name: 'templateVariables',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			description:
				scope === 'body'
					? "A value for each variable of the template's body"
					: 'A value for each variable of the template: header, body and buttons',
			typeOptions: {
				loadOptionsDependsOn: ['templateId.value'],
				resourceMapper: {
					resourceMapperMethod:
						scope === 'body' ? 'getTemplateBodyVariables' : 'getTemplateVariables',
					mode: 'add',
					valuesLabel: 'Template Variables',
					fieldWords: { singular: 'variable', plural: 'variables' },
					addAllFields: true,
					multiKeyMatch: false,
					supportAutoMap: false,
				},
			},
			// shown once a template is picked (a locator's value is compared by its `value`)
			displayOptions: { ...displayOptions, hide: { templateId: [''] } },
		},
	];
}

/** A message's Template is optional: checked when set. */
export const optionalTemplateIdCheck: FieldCheck = {
	parameter: 'templateId',
	label: 'Template',
	check: 'uuid',
	optional: true,
};
