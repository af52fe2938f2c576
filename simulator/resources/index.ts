// Every operation's handler, by the operationId the OpenAPI document gives it. Adding an operation:
// a path in openapi/huechat.openapi.json and a handler in the resource's module.
import type { HandlerMap } from '../handler.ts';
import { contactHandlers } from './contact.ts';
import { conversationHandlers } from './conversation.ts';
import { messageHandlers } from './message.ts';
import { profileHandlers } from './profile.ts';

export const handlers: HandlerMap = {
	...profileHandlers,
	...contactHandlers,
	...conversationHandlers,
	...messageHandlers,
};
