import type { IWebhookFunctions } from 'n8n-workflow';

/** The raw body: n8n keeps it for the content types it parses; for others (or none) the request is still unread. */
export async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer> {
	const request = context.getRequestObject() as unknown as NodeJS.ReadableStream & {
		rawBody?: unknown;
		readableEnded?: boolean;
	};
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	if (request.readableEnded) return Buffer.alloc(0);
	const chunks: Buffer[] = [];
	for await (const chunk of request)
		chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	return Buffer.concat(chunks);
}
