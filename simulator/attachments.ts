// Message attachments: files uploaded with a multipart message create are kept in the store's blob map and
// served, like Chatwoot's ActiveStorage redirect URLs, without the API token at their `data_url` (the random
// blob key is the capability). Deleting a message purges them.
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { UploadedFile } from './multipart.ts';
import type { AttachmentFileType, AttachmentRecord, MessageRecord, Store } from './store.ts';

export const BLOB_PREFIX = '/rails/active_storage/blobs/redirect/';
export const MAX_ATTACHMENTS = 15;

function fileType(contentType: string): AttachmentFileType {
	const major = contentType.split('/')[0];
	return major === 'image' || major === 'audio' || major === 'video' ? major : 'file';
}

function origin(headers: IncomingHttpHeaders): string {
	const host = headers.host ?? '127.0.0.1';
	return `http://${host}`;
}

/** Stores the files and records them on the message (in the order they were sent). */
export function attachFiles(
	store: Store,
	message: MessageRecord,
	files: UploadedFile[],
	headers: IncomingHttpHeaders,
	now: number,
): void {
	if (files.length === 0) return;
	const records: AttachmentRecord[] = files.map((file) => {
		const blobKey = randomBytes(18).toString('base64url');
		const fileName = file.filename.replace(/[/\\]/g, '_') || 'file';
		store.blobs.set(blobKey, { data: file.data, contentType: file.contentType, fileName });
		const dot = fileName.lastIndexOf('.');
		return {
			id: store.nextId('attachments'),
			message_id: message.id,
			account_id: message.account_id,
			file_type: fileType(file.contentType),
			file_name: fileName,
			content_type: file.contentType,
			extension: dot > 0 ? fileName.slice(dot + 1).toLowerCase() : null,
			file_size: file.data.length,
			blob_key: blobKey,
			data_url: `${origin(headers)}${BLOB_PREFIX}${blobKey}/${encodeURIComponent(fileName)}`,
			created_at: now,
		};
	});
	message.attachments = [...(message.attachments ?? []), ...records];
	store.changed('messages');
}

/** Removes the message's attachments and their bytes. */
export function purgeAttachments(store: Store, message: MessageRecord): void {
	for (const attachment of message.attachments ?? []) store.blobs.delete(attachment.blob_key);
	message.attachments = [];
	store.changed('messages');
}

export interface BlobResponse {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
}

/** `GET <BLOB_PREFIX><key>/<file name>`: the file, or 404. */
export function serveBlob(store: Store, path: string): BlobResponse {
	const key = path.slice(BLOB_PREFIX.length).split('/')[0];
	const blob = store.blobs.get(key);
	if (!blob) {
		const body = Buffer.from(
			JSON.stringify({ error: 'File not found', code: 'not_found', status: 404 }),
		);
		return { status: 404, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body };
	}
	return {
		status: 200,
		headers: {
			'Content-Type': blob.contentType,
			'Content-Length': String(blob.data.length),
			'Content-Disposition': `inline; filename="${blob.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(blob.fileName)}`,
		},
		body: blob.data,
	};
}
