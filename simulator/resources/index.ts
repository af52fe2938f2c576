// Every operation's handler, by the operationId the OpenAPI document gives it. Adding an operation:
// a path in openapi/huechat.openapi.json and a handler in the resource's module.
import type { HandlerMap } from '../handler.ts';
import { aiAgentHandlers } from './aiAgent.ts';
import { broadcastHandlers } from './broadcast.ts';
import { contactListHandlers } from './contactList.ts';
import { dealHandlers } from './deal.ts';
import { pipelineHandlers } from './pipeline.ts';
import { templateHandlers } from './template.ts';
import { ticketHandlers } from './ticket.ts';
import { accountWebhookHandlers } from './accountWebhook.ts';
import { agentHandlers } from './agent.ts';
import { cannedResponseHandlers } from './cannedResponse.ts';
import { contactHandlers } from './contact.ts';
import { contactActionHandlers } from './contactActions.ts';
import { conversationHandlers } from './conversation.ts';
import { conversationActionHandlers } from './conversationActions.ts';
import { customAttributeHandlers } from './customAttribute.ts';
import { inboxHandlers } from './inbox.ts';
import { labelHandlers } from './label.ts';
import { messageHandlers } from './message.ts';
import { messageActionHandlers } from './messageActions.ts';
import { outboundWebhookHandlers } from './outboundWebhook.ts';
import { profileHandlers } from './profile.ts';
import { teamHandlers } from './team.ts';

export const handlers: HandlerMap = {
	...broadcastHandlers,
	...templateHandlers,
	...contactListHandlers,
	...ticketHandlers,
	...pipelineHandlers,
	...dealHandlers,
	...aiAgentHandlers,
	...profileHandlers,
	...contactHandlers,
	...conversationHandlers,
	...messageHandlers,
	...contactActionHandlers,
	...conversationActionHandlers,
	...messageActionHandlers,
	...inboxHandlers,
	...agentHandlers,
	...teamHandlers,
	...labelHandlers,
	...cannedResponseHandlers,
	...customAttributeHandlers,
	...accountWebhookHandlers,
	...outboundWebhookHandlers,
};
