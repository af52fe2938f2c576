import type {
	IDataObject,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
	NodeApiError,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { accountPath, CREDENTIAL_TYPE } from '../transport/api';
import { apiRequest } from '../transport/request';
import { hasRefusal, refuse } from '../validation/refusals';
import { refuseInput } from '../validation/inputExpressions';

/**
 * The variables of a WhatsApp template, read from its components (docs/contract.md §3): `{{1}}` or `{{name}}` in a
 * text header or the body, the media of an image/video/document header, the `{{1}}` at the end of a URL button and
 * the code of a copy-code button. Each becomes one field of the Template Variables mapper and one entry of the
 * request: a message's `template_params.processed_params` (`header`, `body`, `buttons`, as Chatwoot takes them) or
 * a broadcast's `template_variables` (body variables only: that map has no room for the others).
 */

type Part = 'header' | 'body' | 'button';

export interface TemplateVariable {
	/** The mapper field's id: `body_1`, `body_first_name`, `header_1`, `header_media_url`, `button_2`. */
	id: string;
	displayName: string;
	part: Part;
	/** Its key in the request: the variable's name (`1`, `first_name`) or `media_url`. */
	key: string;
	/** Buttons: the button's position (0-based) and type. */
	buttonIndex?: number;
	buttonType?: string;
}

interface Component {
	type?: string;
	format?: string;
	text?: string;
	buttons?: Array<{ type?: string; text?: string; url?: string }>;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

function namesIn(text: string | undefined): string[] {
	return [...new Set([...(text ?? '').matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

const label = (part: string, name: string) => `${part} {{${name}}}`;

type Button = NonNullable<Component['buttons']>[number];

/** The buttons that take a value when sent, and what it is called: a URL's variable, a copy-code button's code. */
const BUTTON_VARIABLE: Record<string, (button: Button) => string | undefined> = {
	url: (button) => namesIn(button.url).map((name) => `{{${name}}}`)[0],
	copy_code: () => 'Code',
};

/** Every variable of the template, in the order WhatsApp shows them: header, body, buttons. */
export function variablesOf(template: IDataObject): TemplateVariable[] {
	const components = (Array.isArray(template.components) ? template.components : []) as Component[];
	const variables: TemplateVariable[] = [];
	const header = components.find((component) => component.type === 'header');
	const format = header?.format ?? 'text';
	if (header && format === 'text') {
		for (const name of namesIn(header.text))
			variables.push({
				id: `header_${name}`,
				displayName: label('Header', name),
				part: 'header',
				key: name,
			});
	} else if (header && format !== 'location') {
		variables.push({
			id: 'header_media_url',
			displayName: `Header ${format[0].toUpperCase()}${format.slice(1)} URL`,
			part: 'header',
			key: 'media_url',
		});
	}
	for (const name of namesIn(components.find((component) => component.type === 'body')?.text))
		variables.push({
			id: `body_${name}`,
			displayName: label('Body', name),
			part: 'body',
			key: name,
		});
	const buttons = components.find((component) => component.type === 'buttons')?.buttons ?? [];
	buttons.forEach((button, index) => {
		const what = BUTTON_VARIABLE[String(button.type)]?.(button);
		if (what)
			variables.push({
				id: `button_${index + 1}`,
				displayName: `Button “${String(button.text ?? index + 1)}” ${what}`,
				part: 'button',
				key: 'parameter',
				buttonIndex: index,
				buttonType: button.type,
			});
	});
	return variables;
}

/** Which parts an operation can send: a broadcast only the body. */
export type VariableScope = 'all' | 'body';

const inScope = (scope: VariableScope) => (variable: TemplateVariable) =>
	scope === 'all' || variable.part === 'body';

async function fetchTemplate(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	id: string,
): Promise<IDataObject> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return (await apiRequest(
		context,
		'GET',
		accountPath('v2', credentials.accountId, `/templates/${encodeURIComponent(id)}`),
	)) as IDataObject;
}

/** resourceMapping method: the picked template's variables as fields, one each, all required. */
function variableFields(scope: VariableScope) {
	return async function (this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		const id = String(
			this.getCurrentNodeParameter('templateId', { extractValue: true }) ?? '',
		).trim();
		if (id === '')
			return { fields: [], emptyFieldsNotice: 'Pick a template above: its variables appear here' };
		const template = await fetchTemplate(this, id);
		const fields: ResourceMapperField[] = variablesOf(template)
			.filter(inScope(scope))
			.map((variable) => ({
				id: variable.id,
				displayName: variable.displayName,
				required: true,
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
				type: 'string',
			}));
		return {
			fields,
			emptyFieldsNotice: `Template ${String(template.name)} (${String(template.language)}) has no variables to fill`,
		};
	};
}

export const resourceMapping = {
	getTemplateVariables: variableFields('all'),
	getTemplateBodyVariables: variableFields('body'),
};

export interface PickedTemplate {
	template: IDataObject;
	/** The variables in scope with their values, every one of them set. */
	values: Array<{ variable: TemplateVariable; value: string }>;
}

/**
 * Run time, in a preSend: the picked template (read from HueChat, so an expression may pick it per item) and the
 * mapper's values for each of its variables. A variable without a value is refused, naming it, before any request;
 * `extra` (a broadcast's older Template Variables rows) counts as set. A message's template must be approved. undefined
 * when no template is picked, false after a refusal.
 */
export async function readPickedTemplate(
	context: IExecuteSingleFunctions,
	scope: VariableScope,
	extra: IDataObject = {},
): Promise<PickedTemplate | undefined | false> {
	const id = String(
		context.getNodeParameter('templateId', '', { extractValue: true }) ?? '',
	).trim();
	if (id === '') return undefined;
	// an item already refused makes no request
	if (hasRefusal(context)) return false;
	let template: IDataObject;
	try {
		template = await fetchTemplate(context, id);
	} catch (error) {
		refuse(context, error as NodeApiError);
		return false;
	}
	const name = `${String(template.name)} (${String(template.language)})`;
	if (template.status !== 'approved') {
		// a broadcast's create answers this itself (422 naming template_id); a message would go without it
		if (scope === 'body') return { template, values: [] };
		refuseInput(
			context,
			`'Template' ${name} is ${String(template.status)}: only approved templates can be sent`,
		);
		return false;
	}
	const mapped = ((context.getNodeParameter('templateVariables', {}) as IDataObject).value ??
		{}) as IDataObject;
	const values: PickedTemplate['values'] = [];
	const missing: string[] = [];
	for (const variable of variablesOf(template).filter(inScope(scope))) {
		const value = [mapped[variable.id], variable.part === 'body' ? extra[variable.key] : undefined]
			.map((raw) => (raw === undefined || raw === null ? '' : String(raw)))
			.find((text) => text.trim() !== '');
		if (value === undefined) missing.push(variable.displayName);
		else values.push({ variable, value });
	}
	if (missing.length > 0) {
		refuseInput(
			context,
			`'Template Variables' needs a value for ${missing.join(', ')} of template ${name}`,
			'Each variable of the template must have a value; map one from the input or type it.',
		);
		return false;
	}
	return { template, values };
}

/** A message's `template_params`, as Chatwoot takes them (chatwoot-v1.md §4.2). */
export function messageTemplateParams({ template, values }: PickedTemplate): IDataObject {
	const processed: IDataObject = {};
	const buttons: IDataObject[] = [];
	for (const { variable, value } of values) {
		if (variable.part === 'button') {
			buttons[variable.buttonIndex!] = { type: variable.buttonType, parameter: value };
			continue;
		}
		const part = (processed[variable.part] ??= {}) as IDataObject;
		part[variable.key] = value;
		if (variable.key === 'media_url') part.media_type = headerFormat(template);
	}
	// Chatwoot reads a button's parameter by its position: the buttons before it hold their place.
	const components = (template.components ?? []) as Component[];
	const allButtons = components.find((component) => component.type === 'buttons')?.buttons ?? [];
	for (let index = 0; index < buttons.length; index++)
		buttons[index] ??= { type: allButtons[index]?.type };
	if (buttons.length > 0) processed.buttons = buttons;
	const params: IDataObject = {
		name: template.name,
		category: String(template.category ?? '').toUpperCase(),
		language: template.language,
	};
	if (Object.keys(processed).length > 0) params.processed_params = processed;
	return params;
}

function headerFormat(template: IDataObject): string | undefined {
	return ((template.components ?? []) as Component[]).find(
		(component) => component.type === 'header',
	)?.format;
}

/** A broadcast's `template_variables`: the body variables by name. */
export function broadcastTemplateVariables({ values }: PickedTemplate): IDataObject {
	return Object.fromEntries(values.map(({ variable, value }) => [variable.key, value]));
}
