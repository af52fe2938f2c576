import { v1 } from '../../../shared/transport/api';

/** Where a conversation's messages and one message are, and the check of a message ID. */
export const messagesPath = v1('/conversations/{{$parameter.conversationId}}/messages');
export const messagePath = v1('/conversations/{{$parameter.conversationId}}/messages/{{$parameter.messageId}}');
export const messageIdCheck = { parameter: 'messageId', label: 'Message ID', check: 'positiveInteger' as const };
