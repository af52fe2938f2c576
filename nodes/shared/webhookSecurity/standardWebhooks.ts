import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Standard Webhooks verification (HueChat v2 deliveries): the HueChat Trigger's deliveries and the waits of
 * Message → Send and Wait for Reply both verify with it.
 */

/** Why a delivery was refused; `undefined` means it verified. Reasons are safe to log: they hold no secret. */
export type Refusal =
	'missing-headers' | 'bad-timestamp' | 'stale' | 'future' | 'no-matching-signature';

/** Standard Webhooks and Chatwoot both reject a delivery whose timestamp is further than this from our clock. */
export const TOLERANCE_SECONDS = 300;

export function checkTimestamp(raw: string | undefined, nowSeconds: number): Refusal | undefined {
	if (!raw || !/^\d{1,12}$/.test(raw.trim())) return 'bad-timestamp';
	const timestamp = Number(raw);
	if (nowSeconds - timestamp > TOLERANCE_SECONDS) return 'stale';
	if (timestamp - nowSeconds > TOLERANCE_SECONDS) return 'future';
	return undefined;
}

/** Constant-time equality of two byte strings of possibly different length. */
export function sameBytes(a: Buffer, b: Buffer): boolean {
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

/** The `v1,` entries of a Standard Webhooks signature header, each still in its base64 text. */
function offeredSignatures(header: string): string[] {
	return header
		.split(' ')
		.map((entry) => entry.trim())
		.filter((entry) => entry.startsWith('v1,'))
		.map((entry) => entry.slice(3));
}

/** Each secret's signature of the delivery, in canonical base64 (with padding, standard alphabet). */
function expectedSignatures(secrets: string[], delivery: StandardDelivery): string[] {
	const signedContent = Buffer.concat([
		Buffer.from(`${delivery.id}.${(delivery.timestamp ?? '').trim()}.`),
		delivery.rawBody,
	]);
	return secrets.map((secret) =>
		createHmac('sha256', standardWebhookKey(secret)).update(signedContent).digest('base64'),
	);
}

/**
 * Standard Webhooks (HueChat v2): HMAC-SHA256 over `{id}.{timestamp}.{raw body}`, base64, in a space-separated
 * `v1,<sig>` list (two entries while a secret rotates). Accepts when any listed signature is exactly one of our
 * secrets' signatures (byte for byte, as the reference library compares: no other spelling of the same bytes),
 * compared in constant time, and the timestamp is within five minutes.
 */
export function verifyStandardWebhook(
	secrets: string[],
	delivery: StandardDelivery,
	nowSeconds: number,
): Refusal | undefined {
	if (!delivery.id || !delivery.timestamp || !delivery.signature) return 'missing-headers';
	const timing = checkTimestamp(delivery.timestamp, nowSeconds);
	if (timing) return timing;
	const offered = offeredSignatures(delivery.signature).map((text) => Buffer.from(text));
	for (const expected of expectedSignatures(secrets, delivery)) {
		const wanted = Buffer.from(expected);
		if (offered.some((signature) => sameBytes(signature, wanted))) return undefined;
	}
	return 'no-matching-signature';
}

/** True when the header lists a signature made with none of `secrets`: HueChat signs with a secret we do not hold. */
export function listsForeignSignature(secrets: string[], delivery: StandardDelivery): boolean {
	const ours = new Set(expectedSignatures(secrets, delivery));
	return offeredSignatures(delivery.signature ?? '').some((signature) => !ours.has(signature));
}
