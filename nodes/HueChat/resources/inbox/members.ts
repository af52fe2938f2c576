import type { INodePropertyOptions, PreSendAction } from 'n8n-workflow';

import { checkAgentIds } from '../../../shared/descriptions/agentIds';
import { v1 } from '../../../shared/transport/api';
import { itemsAt } from '../../../shared/transport/request';
import { checkFields } from '../../../shared/validation/checks';
import { inboxIdCheck } from './locator';

/** Add / Set / Remove Agents: `inbox_id` and `user_ids` in the body; the answer's `payload` is the members after the change. */
export function membersRouting(
	method: 'POST' | 'PATCH' | 'DELETE',
): INodePropertyOptions['routing'] {
	const preSend: PreSendAction[] = [checkFields(inboxIdCheck), checkAgentIds];
	return {
		request: {
			method,
			url: v1('/inbox_members'),
			body: { inbox_id: '={{ Number($parameter.inboxId) }}' },
		},
		send: { preSend },
		output: { postReceive: [itemsAt('payload')] },
	};
}
