import { createHmac, timingSafeEqual } from 'crypto';

/** Why a delivery was refused; `undefined` means it verified. Reasons are safe to log: they hold no secret. */
export type Refusal =
	| 'missing-headers'
	| 'bad-timestamp'
	| 'stale'
	| 'future'
	| 'no-matching-signature';

/** Standard Webhooks and Chatwoot both reject a delivery whose timestamp is further than this from our clock. */
export const TOLERANCE_SECONDS = 300;

function checkTimestamp(raw: string | undefined, nowSeconds: number): Refusal | undefined {
	if (!raw || !/^\d{1,12}$/.test(raw.trim())) return 'bad-timestamp';
	const timestamp = Number(raw);
	if (nowSeconds - timestamp > TOLERANCE_SECONDS) return 'stale';
	if (timestamp - nowSeconds > TOLERANCE_SECONDS) return 'future';
	return undefined;
}

/** Constant-time equality of two byte strings of possibly different length. */
function sameBytes(a: Buffer, b: Buffer): boolean {
	return a.length === b.length && timingSafeEqual(a, b);
}

/** The HMAC key of a `whsec_<base64>` secret (a bare base64 key is accepted too). */
export function standardWebhookKey(secret: string): Buffer {
	return Buffer.from(secret.trim().replace(/^whsec_/, ''), 'base64');
}

export interface StandardDelivery {
	id?: string;
	timestamp?: string;
	signature?: string;
	rawBody: Buffer;
}

/**
 * Standard Webhooks (HueChat v2): HMAC-SHA256 over `{id}.{timestamp}.{raw body}`, base64, in a space-separated
 * `v1,<sig>` list (two entries while a secret rotates). Accepts when any listed signature matches any of our
 * secrets, compared in constant time, and the timestamp is within five minutes.
 */
export function verifyStandardWebhook(secrets: string[], delivery: StandardDelivery, nowSeconds: number): Refusal | undefined {
	if (!delivery.id || !delivery.timestamp || !delivery.signature) return 'missing-headers';
	const timing = checkTimestamp(delivery.timestamp, nowSeconds);
	if (timing) return timing;
	const offered = delivery.signature
		.split(' ')
		.map((entry) => entry.trim())
		.filter((entry) => entry.startsWith('v1,'))
		.map((entry) => Buffer.from(entry.slice(3), 'base64'));
	const signedContent = Buffer.concat([Buffer.from(`${delivery.id}.${delivery.timestamp.trim()}.`), delivery.rawBody]);
	for (const secret of secrets) {
		const expected = createHmac('sha256', standardWebhookKey(secret)).update(signedContent).digest();
		if (offered.some((signature) => sameBytes(signature, expected))) return undefined;
	}
	return 'no-matching-signature';
}

export interface ChatwootDelivery {
	timestamp?: string;
	signature?: string;
	rawBody: Buffer;
}

/** Chatwoot-compatible v1 account webhooks: `X-Chatwoot-Signature: sha256=<hex>` over `{timestamp}.{raw body}`. */
export function verifyChatwootWebhook(secrets: string[], delivery: ChatwootDelivery, nowSeconds: number): Refusal | undefined {
	if (!delivery.timestamp || !delivery.signature) return 'missing-headers';
	const timing = checkTimestamp(delivery.timestamp, nowSeconds);
	if (timing) return timing;
	const hex = delivery.signature.trim().replace(/^sha256=/, '');
	if (!/^[0-9a-f]{64}$/i.test(hex)) return 'no-matching-signature';
	const offered = Buffer.from(hex, 'hex');
	const signedContent = Buffer.concat([Buffer.from(`${delivery.timestamp.trim()}.`), delivery.rawBody]);
	for (const secret of secrets) {
		const expected = createHmac('sha256', secret).update(signedContent).digest();
		if (sameBytes(offered, expected)) return undefined;
	}
	return 'no-matching-signature';
}
