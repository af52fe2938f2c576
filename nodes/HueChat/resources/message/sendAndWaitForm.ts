import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * Send and Wait for Approval's Custom Form: the fields the answer page asks for, the page itself, and the answer read
 * back from its POST. The output is keyed by each field's label, as n8n's own send-and-wait forms are.
 */

export interface FormField {
	fieldLabel: string;
	fieldType: 'text' | 'textarea' | 'number' | 'email' | 'date' | 'dropdown';
	fieldOptions?: string;
	requiredField?: boolean;
}

const FIELD_TYPES: Array<{ name: string; value: FormField['fieldType'] }> = [
	{ name: 'Date', value: 'date' },
	{ name: 'Dropdown List', value: 'dropdown' },
	{ name: 'Email', value: 'email' },
	{ name: 'Number', value: 'number' },
	{ name: 'Text', value: 'text' },
	{ name: 'Textarea', value: 'textarea' },
];

export function formFieldsProperty(
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: 'Form Fields',
		name: 'formFields',
		type: 'fixedCollection',
		placeholder: 'Add Form Field',
		default: {},
		typeOptions: { multipleValues: true, sortable: true },
		description: 'The fields of the page the link opens; the answer is keyed by each field’s label',
		displayOptions,
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{
						displayName: 'Field Label',
						name: 'fieldLabel',
						type: 'string',
						default: '',
						placeholder: 'e.g. Reason',
						required: true,
					},
					{
						displayName: 'Field Type',
						name: 'fieldType',
						type: 'options',
						default: 'text',
						options: FIELD_TYPES,
					},
					{
						displayName: 'Choices',
						name: 'fieldOptions',
						type: 'string',
						default: '',
						placeholder: 'e.g. Refund, Voucher, Nothing',
						description: 'Comma-separated choices of the dropdown list',
						displayOptions: { show: { fieldType: ['dropdown'] } },
					},
					{
						displayName: 'Required Field',
						name: 'requiredField',
						type: 'boolean',
						default: false,
						description: 'Whether the form cannot be sent without this field',
					},
				],
			},
		],
	};
}

export function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(char) =>
			({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
	);
}

const choicesOf = (field: FormField) =>
	String(field.fieldOptions ?? '')
		.split(',')
		.map((choice) => choice.trim())
		.filter(Boolean);

/** One field's HTML; inputs are named by position (`field_0`…), labels may hold any character. */
function fieldHtml(field: FormField, index: number): string {
	const name = `field_${index}`;
	const required = field.requiredField ? ' required' : '';
	const label = `<label for="${name}">${escapeHtml(field.fieldLabel)}${field.requiredField ? ' *' : ''}</label>`;
	if (field.fieldType === 'textarea')
		return `${label}<textarea id="${name}" name="${name}"${required}></textarea>`;
	if (field.fieldType === 'dropdown')
		return `${label}<select id="${name}" name="${name}"${required}><option value=""></option>${choicesOf(
			field,
		)
			.map((choice) => `<option>${escapeHtml(choice)}</option>`)
			.join('')}</select>`;
	return `${label}<input id="${name}" name="${name}" type="${field.fieldType}"${required}>`;
}

export function formHtml(fields: FormField[], problem?: string): string {
	return (
		(problem ? `<p role="alert"><strong>${escapeHtml(problem)}</strong></p>` : '') +
		// n8n takes a send-and-wait custom form's answer only as multipart/form-data
		'<form method="post" enctype="multipart/form-data">' +
		fields.map((field, index) => `<p>${fieldHtml(field, index)}</p>`).join('') +
		'<button type="submit">Send</button></form>'
	);
}

/**
 * The answer keyed by label, or the first problem with it (named by the field's label); the page shows it again.
 * n8n hands a multipart body over as `{ data: fields, files }`.
 */
export function readFormAnswer(
	fields: FormField[],
	posted: IDataObject,
): { answer: IDataObject } | { problem: string } {
	const body =
		typeof posted.data === 'object' && posted.data !== null ? (posted.data as IDataObject) : posted;
	const answer: IDataObject = {};
	for (const [index, field] of fields.entries()) {
		const raw = String(body[`field_${index}`] ?? '').trim();
		if (!raw) {
			if (field.requiredField) return { problem: `'${field.fieldLabel}' is required` };
			answer[field.fieldLabel] = field.fieldType === 'number' ? null : '';
			continue;
		}
		if (field.fieldType === 'number') {
			const value = Number(raw);
			if (!Number.isFinite(value)) return { problem: `'${field.fieldLabel}' must be a number` };
			answer[field.fieldLabel] = value;
		} else if (field.fieldType === 'email' && !/^[^\s@]+@[^\s@]+$/.test(raw)) {
			return { problem: `'${field.fieldLabel}' must be an email address` };
		} else if (field.fieldType === 'dropdown' && !choicesOf(field).includes(raw)) {
			return { problem: `'${field.fieldLabel}' must be one of: ${choicesOf(field).join(', ')}` };
		} else answer[field.fieldLabel] = raw;
	}
	return { answer };
}
