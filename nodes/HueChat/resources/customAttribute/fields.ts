import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { textField } from '../../../shared/descriptions/builders';
import { refuse } from '../../../shared/validation/refusals';

export const ATTRIBUTE_MODELS: INodePropertyOptions[] = [
	{ name: 'Contact', value: 'contact_attribute' },
	{ name: 'Conversation', value: 'conversation_attribute' },
];

export const DISPLAY_TYPES: INodePropertyOptions[] = [
	{ name: 'Checkbox', value: 'checkbox' },
	{ name: 'Currency', value: 'currency' },
	{ name: 'Date', value: 'date' },
	{ name: 'Link', value: 'link' },
	{ name: 'List', value: 'list', description: 'One of the values given in List Values' },
	{ name: 'Number', value: 'number' },
	{ name: 'Percent', value: 'percent' },
	{ name: 'Text', value: 'text' },
];

/** Comma-separated text → the array HueChat expects. */
const VALUE_LIST =
	'={{ String($value).split(",").map(value => value.trim()).filter(value => value !== "") }}';

export const listValuesField: Omit<INodeProperties, 'displayOptions'> = {
	displayName: 'List Values',
	name: 'attributeValues',
	type: 'string',
	default: '',
	placeholder: 'e.g. free, pro, enterprise',
	description: 'The choices of a List attribute, comma-separated',
	routing: { send: { type: 'body', property: 'attribute_values', value: VALUE_LIST } },
};

/** The optional fields Create and Update share, alphabetical. */
export const definitionFields: INodeProperties[] = [
	textField('Description', 'description', 'attribute_description'),
	textField('Regex Cue', 'regexCue', 'regex_cue', 'body', {
		description: 'The hint shown when a value does not match Regex Pattern',
	}),
	textField('Regex Pattern', 'regexPattern', 'regex_pattern', 'body', {
		placeholder: 'e.g. ^[0-9]{4,}$',
		description: 'Values must match this regular expression',
	}),
];

/** preSend: a List attribute needs its values; a regex pattern must compile. */
export function checkDefinition(valuesPath: string, patternPath: string, needsValues: boolean) {
	return async function checkAttribute(
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const fail = (message: string) =>
			refuse(
				this,
				new NodeOperationError(this.getNode(), message, { itemIndex: this.getItemIndex() }),
			);
		const values = String(this.getNodeParameter(valuesPath, '') ?? '')
			.split(',')
			.filter((value) => value.trim() !== '');
		if (needsValues && this.getNodeParameter('displayType', '') === 'list' && values.length === 0) {
			fail(
				`'List Values' needs at least one value for a List attribute, e.g. free, pro, enterprise`,
			);
		}
		const pattern = String(this.getNodeParameter(patternPath, '') ?? '');
		if (pattern !== '') {
			try {
				new RegExp(pattern);
			} catch {
				fail(`'Regex Pattern' must be a valid regular expression; got "${pattern}"`);
			}
		}
		return options;
	};
}
