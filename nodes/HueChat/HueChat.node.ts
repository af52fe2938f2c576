import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../shared/transport/baseUrl';
import { CREDENTIAL_TYPE } from '../shared/transport/api';
import { fillAccountId } from '../shared/transport/fillAccountId';
import { requestSettingsProperty } from '../shared/descriptions/builders';
import { checkChoices } from '../shared/validation/checks';
import { listSearch } from '../shared/methods/listSearch';
import { loadOptions } from '../shared/methods/loadOptions';
import { resourceMapping } from '../shared/templates/variables';
import { inspectResponse, singleRequest } from '../shared/transport/request';
import { isoDatesOfV2Records } from '../shared/output/dates';
import { resourceOptions, resourceProperties } from './resources';
import {
	sendAndWait,
	sendAndWaitForReply,
	sendAndWaitWebhooks,
	webhookForResume,
} from './resources/message';

const properties = [...resourceProperties, requestSettingsProperty];

export class HueChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HueChat',
		name: 'hueChat',
		icon: { light: 'file:huechat.svg', dark: 'file:huechat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage HueChat conversations, messages, contacts, deals, broadcasts and more',
		defaults: { name: 'HueChat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		// Message → Send and Wait for Approval's links and Send and Wait for Reply's deliveries resume the execution here
		// (restart webhooks only).
		webhooks: sendAndWaitWebhooks,
		requestDefaults: {
			baseURL: BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json' },
			json: true,
			// Rails (v1) reads `labels[]=a&labels[]=b` as an array; axios' default `labels[0]=a` is a hash there.
			arrayFormat: 'brackets',
			// HTTP errors reach inspectResponse, which hands them to the shared retry and error mapping.
			ignoreHttpStatusErrors: true,
		},
		// Every request goes through the shared request path (pacing, retries, errors); lists override it.
		requestOperations: { pagination: singleRequest },
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'contact',
				// First property, so these apply to every operation: route through requestOperations, complete the URL
				// (n8n 1.x), check every dropdown's value, inspect each response before anything else does, then give
				// v2 dates as ISO 8601 before an operation picks its records out of the answer.
				routing: {
					send: { paginate: true, preSend: [fillAccountId, checkChoices(properties)] },
					output: { postReceive: [inspectResponse, isoDatesOfV2Records] },
				},
			},
			...properties,
		],
	};

	methods = { listSearch, loadOptions, resourceMapping };

	// Send and Wait's answer links and reply deliveries; only n8n's webhook service sees it (see webhookForResume).
	get webhook(): INodeType['webhook'] {
		return webhookForResume();
	}

	// Programmatic operations of the declarative node: they send, then put the execution to wait.
	customOperations = {
		message: { [SEND_AND_WAIT_OPERATION]: sendAndWait, sendAndWaitForReply },
	};
}
