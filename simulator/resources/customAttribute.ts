// Custom attribute definitions (v1). Reference: docs/chatwoot-v1.md §1.7, §3.6, §4.10. `attribute_model` and
// `attribute_display_type` are taken by name or by Chatwoot's integer; keys are unique per account and model
// and must not clash with the model's standard attributes (docs/chatwoot-v1.md §5). The list is a bare array.
import { created, noContent, ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { notFound, validationFailed, type ErrorDetails } from '../rules.ts';
import type {
	AttributeDisplayType,
	AttributeModel,
	CustomAttributeDefinitionRecord,
} from '../store.ts';
import { customAttributeDefinitionView } from '../views.ts';

const MODELS: readonly AttributeModel[] = ['conversation_attribute', 'contact_attribute'];
const DISPLAY_TYPES: readonly AttributeDisplayType[] = [
	'text',
	'number',
	'currency',
	'percent',
	'link',
	'date',
	'list',
	'checkbox',
];

/** The standard filter keys of each model: a custom attribute may not take one of these keys. */
const STANDARD_KEYS: Record<AttributeModel, readonly string[]> = {
	conversation_attribute: [
		'status',
		'priority',
		'assignee_id',
		'inbox_id',
		'team_id',
		'campaign_id',
		'display_id',
		'labels',
		'browser_language',
		'conversation_language',
		'referer',
		'mail_subject',
		'country_code',
		'created_at',
		'last_activity_at',
	],
	contact_attribute: [
		'name',
		'email',
		'phone_number',
		'identifier',
		'country_code',
		'city',
		'company',
		'labels',
		'created_at',
		'last_activity_at',
		'blocked',
		'referer',
	],
};

interface DefinitionInput {
	attribute_display_name?: string;
	attribute_key?: string;
	attribute_display_type?: AttributeDisplayType | number;
	attribute_model?: AttributeModel | number;
	attribute_description?: string | null;
	attribute_values?: string[];
	regex_pattern?: string | null;
	regex_cue?: string | null;
	default_value?: string | number | boolean | null;
}

function modelOf(value: AttributeModel | number | string): AttributeModel {
	return typeof value === 'number' || /^\d$/.test(value)
		? MODELS[Number(value)]
		: (value as AttributeModel);
}

function displayTypeOf(value: AttributeDisplayType | number): AttributeDisplayType {
	return typeof value === 'number' ? DISPLAY_TYPES[value] : value;
}

function findDefinition(context: HandlerContext): CustomAttributeDefinitionRecord {
	const id = Number(context.params.custom_attribute_definition_id);
	const definition = context.store.inAccount(
		context.store.custom_attribute_definitions,
		context.accountId,
		id,
	);
	if (!definition) throw notFound(`Custom attribute definition ${id} not found`);
	return definition;
}

/** Problems of the definition as it would be stored. */
function definitionProblems(
	context: HandlerContext,
	definition: Omit<CustomAttributeDefinitionRecord, 'id'>,
	selfId?: number,
): ErrorDetails {
	const details: ErrorDetails = {};
	const model = definition.attribute_model;
	if (STANDARD_KEYS[model].includes(definition.attribute_key)) {
		details.attribute_key = [
			`is a standard ${model === 'contact_attribute' ? 'contact' : 'conversation'} attribute`,
		];
	} else {
		const holder = context.store
			.ofAccount('custom_attribute_definitions', context.accountId)
			.find(
				(other) =>
					other.attribute_model === model &&
					other.attribute_key === definition.attribute_key &&
					other.id !== selfId,
			);
		if (holder) details.attribute_key = ['has already been taken'];
	}
	if (definition.regex_pattern) {
		try {
			new RegExp(definition.regex_pattern);
		} catch {
			details.regex_pattern = ['is not a valid regular expression'];
		}
	}
	return details;
}

function getMany(context: HandlerContext) {
	const filter = context.query.attribute_model as string | undefined;
	const model = filter === undefined ? undefined : modelOf(filter);
	const list = context.store
		.ofAccount('custom_attribute_definitions', context.accountId)
		.filter((item) => !model || item.attribute_model === model);
	return ok(list.map(customAttributeDefinitionView));
}

function get(context: HandlerContext) {
	return ok(customAttributeDefinitionView(findDefinition(context)));
}

function create(context: HandlerContext) {
	const input = context.body as Required<DefinitionInput>;
	const values: Omit<CustomAttributeDefinitionRecord, 'id'> = {
		account_id: context.accountId,
		attribute_display_name: input.attribute_display_name,
		attribute_key: input.attribute_key,
		attribute_display_type: displayTypeOf(input.attribute_display_type),
		// not sent: Chatwoot's column default, 0 (conversation_attribute)
		attribute_model: modelOf(
			(input as DefinitionInput).attribute_model ?? 'conversation_attribute',
		),
		attribute_description: input.attribute_description ?? null,
		attribute_values: input.attribute_values ?? [],
		regex_pattern: input.regex_pattern ?? null,
		regex_cue: input.regex_cue ?? null,
		default_value: input.default_value ?? null,
		created_at: context.now,
		updated_at: context.now,
	};
	const details = definitionProblems(context, values);
	if (Object.keys(details).length > 0) throw validationFailed(details);
	return created(
		customAttributeDefinitionView(
			context.store.insertPlain('custom_attribute_definitions', values),
		),
	);
}

function update(context: HandlerContext) {
	const definition = findDefinition(context);
	const input = context.body as DefinitionInput;
	const patch: Partial<CustomAttributeDefinitionRecord> = { updated_at: context.now };
	for (const field of [
		'attribute_display_name',
		'attribute_key',
		'attribute_description',
		'attribute_values',
		'regex_pattern',
		'regex_cue',
		'default_value',
	] as const) {
		if (input[field] !== undefined) (patch as Record<string, unknown>)[field] = input[field];
	}
	if (input.attribute_display_type !== undefined)
		patch.attribute_display_type = displayTypeOf(input.attribute_display_type);
	if (input.attribute_model !== undefined) patch.attribute_model = modelOf(input.attribute_model);
	const details = definitionProblems(context, { ...definition, ...patch }, definition.id);
	if (Object.keys(details).length > 0) throw validationFailed(details);
	context.store.updatePlain('custom_attribute_definitions', definition, patch);
	return ok(customAttributeDefinitionView(definition));
}

function remove(context: HandlerContext) {
	context.store.deletePlain('custom_attribute_definitions', findDefinition(context).id);
	return noContent();
}

export const customAttributeHandlers: HandlerMap = {
	'customAttribute.getMany': getMany,
	'customAttribute.get': get,
	'customAttribute.create': create,
	'customAttribute.update': update,
	'customAttribute.delete': remove,
};
