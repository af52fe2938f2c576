import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../nodes/shared/transport/baseUrl';

export class HueChatApi implements ICredentialType {
	name = 'hueChatApi';

	displayName = 'HueChat API';

	icon: Icon = {
		light: 'file:../nodes/HueChat/huechat.svg',
		dark: 'file:../nodes/HueChat/huechat.dark.svg',
	};

	documentationUrl = 'https://github.com/huechat/n8n-nodes-huechat#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. hc_live_…',
			description:
				'Create it in HueChat under Settings → API Keys. Give it the scopes of the resources you will use (for example contacts:read, contacts:write).',
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'number',
			required: true,
			default: 1,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description: 'The number after /accounts/ in your HueChat dashboard URL',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://app.huechat.ai',
			description:
				'Change only for a self-hosted HueChat. Must be https:// (plain http:// is accepted only for localhost and 127.0.0.1).',
		},
	];

	/**
	 * The key in the `api_access_token` header, set in code: the generic form evaluates an expression in n8n's
	 * expression runtime on every request, a quarter of n8n's CPU in a long Return All (README, Performance).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, api_access_token: String(credentials.apiToken ?? '') },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/api/v1/profile',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'HueChat rejected the API token: it is wrong, revoked or expired. Create a new one under Settings → API Keys.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The API token is valid but lacks a scope this check needs (profile access). Edit the key under Settings → API Keys.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 426,
					message: 'HueChat only accepts https:// — change the Base URL to start with https://',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No HueChat API at this Base URL. Use the address of your HueChat, e.g. https://app.huechat.ai (without /api/v1).',
				},
			},
		],
	};
}
