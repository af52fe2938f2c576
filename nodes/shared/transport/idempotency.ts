import { createHash, randomUUID } from 'crypto';
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

/** Used only when n8n gives no execution id (never in a saved execution): unique to this process. */
const PROCESS_NONCE = randomUUID();

/**
 * preSend for the creates HueChat de-duplicates: an Idempotency-Key that is the same for every retry of this
 * item in this execution (our own retries and n8n's Retry On Fail) and different for any other item or run.
 * A key the user set under Options wins, for workflows that must stay idempotent across executions.
 */
export async function addIdempotencyKey(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const custom = String(this.getNodeParameter('options.idempotencyKey', '') ?? '').trim();
	const itemIndex = this.getItemIndex();
	const runIndex = this.getWorkflowDataProxy(itemIndex).$runIndex as number;
	const key =
		custom ||
		`n8n-${createHash('sha256')
			.update(
				[
					this.getWorkflow().id ?? '',
					this.getExecutionId() ?? PROCESS_NONCE,
					this.getNode().id,
					runIndex,
					itemIndex,
					options.method,
					options.url,
				].join('|'),
			)
			.digest('hex')
			.slice(0, 48)}`;
	options.headers = { ...(options.headers ?? {}), 'Idempotency-Key': key.slice(0, 255) };
	return options;
}
