// The credential's Base URL is cleaned up in two forms: an n8n expression (the node's requestDefaults and the
// credential test) and a function (requests made by code). Both come from one definition; this checks they agree
// when n8n evaluates the expression.
import type { INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { HueChat } from '../../nodes/HueChat/HueChat.node';
import { BASE_URL_EXPRESSION, normalizeBaseUrl } from '../../nodes/shared/transport/baseUrl';
import { hueChatNode } from '../helpers/routing';

const hueChat = new HueChat();
const nodeTypes: INodeTypes = {
	getByName: () => hueChat,
	getByNameAndVersion: () => hueChat,
	getKnownTypes: () => ({}),
};
const node: INode = hueChatNode();
const workflow = new Workflow({
	id: 'w1',
	nodes: [node],
	connections: {},
	active: false,
	nodeTypes,
});

const evaluate = (baseUrl: string) =>
	workflow.expression.getParameterValue(BASE_URL_EXPRESSION, null, 0, 0, node.name, [], 'manual', {
		$credentials: { baseUrl },
	});

describe('Base URL clean-up', () => {
	it.each([
		['https://app.huechat.ai', 'https://app.huechat.ai'],
		['  https://chat.example.com/// ', 'https://chat.example.com'],
		['https://chat.example.com/api/v1/', 'https://chat.example.com'],
		['https://chat.example.com/API/V2', 'https://chat.example.com'],
		['https://chat.example.com/api', 'https://chat.example.com'],
		['', 'https://app.huechat.ai'],
	])('%j becomes %j, as an expression and as a function', (typed, cleaned) => {
		expect(normalizeBaseUrl(typed)).toBe(cleaned);
		expect(evaluate(typed)).toBe(cleaned);
	});

	it('the credential test and the node use the expression', async () => {
		const { HueChatApi } = await import('../../credentials/HueChatApi.credentials');
		expect(new HueChatApi().test.request.baseURL).toBe(BASE_URL_EXPRESSION);
		expect(hueChat.description.requestDefaults?.baseURL).toBe(BASE_URL_EXPRESSION);
	});
});
