// Messages (v1): delivery status updates (API inboxes only) and deletes. Reference: docs/chatwoot-v1.md §4.2.
import { ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { purgeAttachments } from '../attachments.ts';
import { ApiError, notFound } from '../rules.ts';
import type { MessageRecord } from '../store.ts';
import { messageView } from '../views.ts';
import { findConversation } from './message.ts';

export const DELETED_CONTENT = 'This message was deleted';

function findMessage(context: HandlerContext): MessageRecord {
	const conversation = findConversation(context);
	const id = Number(context.params.message_id);
	const message = context.store.messages.get(id);
	if (!message || message.conversation_id !== conversation.id)
		throw notFound(`Message ${id} not found in conversation ${conversation.display_id}`);
	return message;
}

/** `status` and `external_error` (kept only with `failed`); `read` never goes back to `delivered`. */
function updateStatus(context: HandlerContext) {
	const { store, now } = context;
	const message = findMessage(context);
	const inbox = store.inboxes.get(message.inbox_id);
	if (!inbox || inbox.channel_kind !== 'api')
		throw new ApiError(403, 'Message status update is only allowed for API inboxes');
	const { status, external_error: externalError } = context.body as {
		status: MessageRecord['status'];
		external_error?: string;
	};
	const ignored = message.status === 'read' && status === 'delivered';
	if (!ignored && (message.status !== status || status === 'failed')) {
		const contentAttributes = { ...message.content_attributes };
		if (status === 'failed' && externalError !== undefined)
			contentAttributes.external_error = externalError;
		else delete contentAttributes.external_error;
		Object.assign(message, { status, content_attributes: contentAttributes, updated_at: now });
		store.changed('messages');
		context.emit('message.updated', messageView(store, message));
	}
	return ok(messageView(store, message));
}

/** Soft delete: the content is replaced, `content_attributes` becomes `{deleted: true}`, attachments are purged. */
function remove(context: HandlerContext) {
	const { store, now } = context;
	const message = findMessage(context);
	purgeAttachments(store, message);
	Object.assign(message, {
		content: DELETED_CONTENT,
		content_type: 'text',
		content_attributes: { deleted: true },
		updated_at: now,
	});
	store.changed('messages');
	const shown = messageView(store, message);
	context.emit('message.updated', shown);
	return ok(shown);
}

export const messageActionHandlers: HandlerMap = {
	'message.updateStatus': updateStatus,
	'message.delete': remove,
};
