import { createHmac } from 'crypto';

import {
	checkTimestamp,
	sameBytes,
	type Refusal,
} from '../shared/webhookSecurity/standardWebhooks';

export interface ChatwootDelivery {
	timestamp?: string;
	signature?: string;
	rawBody: Buffer;
}

/** Chatwoot-compatible v1 account webhooks: `X-Chatwoot-Signature: sha256=<hex>` over `{timestamp}.{raw body}`. */
export function verifyChatwootWebhook(
	secrets: string[],
	delivery: ChatwootDelivery,
	nowSeconds: number,
): Refusal | undefined {
	if (!delivery.timestamp || !delivery.signature) return 'missing-headers';
	const timing = checkTimestamp(delivery.timestamp, nowSeconds);
	if (timing) return timing;
	const hex = delivery.signature.trim().replace(/^sha256=/, '');
	if (!/^[0-9a-f]{64}$/i.test(hex)) return 'no-matching-signature';
	const offered = Buffer.from(hex, 'hex');
	const signedContent = Buffer.concat([
		Buffer.from(`${delivery.timestamp.trim()}.`),
		delivery.rawBody,
	]);
	for (const secret of secrets) {
		const expected = createHmac('sha256', secret).update(signedContent).digest();
		if (sameBytes(offered, expected)) return undefined;
	}
	return 'no-matching-signature';
}
