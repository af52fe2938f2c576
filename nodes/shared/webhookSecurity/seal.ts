import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'crypto';

/**
 * Sealed values: data a URL must carry that nobody who sees the URL may read or change (a subscription's signing
 * secret in the URL HueChat stores). AES-256-GCM under a key derived from the credential's API token, so only the
 * same credential opens it; base64url, so it fits in a query parameter. A token rotated in the credential makes the
 * values sealed before it unreadable.
 */

const KEY_PURPOSE = 'huechat send-and-wait';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyOf(apiToken: string): Buffer {
	return createHmac('sha256', apiToken).update(KEY_PURPOSE).digest();
}

/** `iv ‖ tag ‖ ciphertext` of the JSON of `value`, base64url. */
export function seal(apiToken: string, value: object): string {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', keyOf(apiToken), iv);
	const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** The sealed value, or undefined when it was not sealed with this token or was changed. */
export function unseal(apiToken: string, sealed: string): unknown {
	const bytes = Buffer.from(sealed, 'base64url');
	if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
	try {
		const decipher = createDecipheriv('aes-256-gcm', keyOf(apiToken), bytes.subarray(0, IV_BYTES));
		decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
		const plain = Buffer.concat([
			decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
			decipher.final(),
		]);
		return JSON.parse(plain.toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
}
