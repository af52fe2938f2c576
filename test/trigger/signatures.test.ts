import { createHmac, randomBytes } from 'crypto';

import { verifyChatwootWebhook } from '../../nodes/HueChatTrigger/signatures';
import { verifyStandardWebhook } from '../../nodes/shared/webhookSecurity/standardWebhooks';

// The Standard Webhooks specification's published test vector.
const VECTOR = {
	secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
	id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
	timestamp: '1614265330',
	body: '{"test": 2432232314}',
	signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const NOW = Number(VECTOR.timestamp);

const delivery = (
	overrides: Partial<{ id: string; timestamp: string; signature: string; body: string }> = {},
) => ({
	id: overrides.id ?? VECTOR.id,
	timestamp: overrides.timestamp ?? VECTOR.timestamp,
	signature: overrides.signature ?? VECTOR.signature,
	rawBody: Buffer.from(overrides.body ?? VECTOR.body),
});

describe('Standard Webhooks verification', () => {
	it('accepts the specification test vector', () => {
		expect(verifyStandardWebhook([VECTOR.secret], delivery(), NOW)).toBeUndefined();
	});

	it('accepts the vector among several listed signatures (secret rotation) and with a second, unrelated secret', () => {
		const rotated = `v1,${randomBytes(32).toString('base64')} ${VECTOR.signature}`;
		expect(
			verifyStandardWebhook(
				['whsec_' + randomBytes(24).toString('base64'), VECTOR.secret],
				delivery({ signature: rotated }),
				NOW,
			),
		).toBeUndefined();
	});

	it.each([
		['a changed body', { body: '{"test": 2432232315}' }, 'no-matching-signature'],
		['a changed id', { id: 'msg_other' }, 'no-matching-signature'],
		['a changed timestamp', { timestamp: String(NOW + 1) }, 'no-matching-signature'],
		['a stale timestamp', { timestamp: String(NOW - 301) }, 'stale'],
		['a future timestamp', { timestamp: String(NOW + 301) }, 'future'],
		['a non-numeric timestamp', { timestamp: '16142x5330' }, 'bad-timestamp'],
		['a v2 scheme', { signature: VECTOR.signature.replace('v1,', 'v2,') }, 'no-matching-signature'],
		['no signature', { signature: '' }, 'missing-headers'],
	])('refuses %s', (_name, overrides, reason) => {
		expect(verifyStandardWebhook([VECTOR.secret], delivery(overrides), NOW)).toBe(reason);
	});

	it('refuses 1,000+ generated forged, tampered, stale, future-dated and wrong-key deliveries: 0 accepted', () => {
		const key = randomBytes(32);
		const secret = `whsec_${key.toString('base64')}`;
		const sign = (id: string, ts: string, body: string, withKey = key) =>
			`v1,${createHmac('sha256', withKey).update(`${id}.${ts}.${body}`).digest('base64')}`;
		let tried = 0;
		let accepted = 0;
		for (let n = 0; n < 250; n++) {
			const id = `msg_${randomBytes(8).toString('hex')}`;
			const ts = String(NOW + ((n % 7) - 3) * 40);
			const body = JSON.stringify({ id, n, data: randomBytes(6).toString('hex') });
			const genuine = sign(id, ts, body);
			expect(
				verifyStandardWebhook(
					[secret],
					{ id, timestamp: ts, signature: genuine, rawBody: Buffer.from(body) },
					NOW,
				),
			).toBeUndefined();
			const attacks = [
				{
					id,
					timestamp: ts,
					signature: sign(id, ts, body, randomBytes(32)),
					rawBody: Buffer.from(body),
				}, // forged key
				{
					id,
					timestamp: ts,
					signature: genuine,
					rawBody: Buffer.from(body.replace(`"n":${n}`, `"n":${n + 1}`)),
				}, // tampered
				{
					id,
					timestamp: String(NOW - 301 - n),
					signature: sign(id, String(NOW - 301 - n), body),
					rawBody: Buffer.from(body),
				}, // stale
				{
					id,
					timestamp: String(NOW + 301 + n),
					signature: sign(id, String(NOW + 301 + n), body),
					rawBody: Buffer.from(body),
				}, // future
			];
			for (const attack of attacks) {
				tried++;
				if (verifyStandardWebhook([secret], attack, NOW) === undefined) accepted++;
			}
		}
		expect(tried).toBeGreaterThanOrEqual(1_000);
		expect(accepted).toBe(0);
	});
});

describe('Chatwoot-compatible (v1) verification', () => {
	const secret = 'chatwoot-secret-value';
	const body = '{"event":"message_created","id":42}';
	const ts = String(NOW);
	const signature = `sha256=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;

	it('accepts a correctly signed delivery', () => {
		expect(
			verifyChatwootWebhook(
				[secret],
				{ timestamp: ts, signature, rawBody: Buffer.from(body) },
				NOW,
			),
		).toBeUndefined();
	});

	it('refuses a tampered body, a stale timestamp and a malformed signature', () => {
		expect(
			verifyChatwootWebhook(
				[secret],
				{ timestamp: ts, signature, rawBody: Buffer.from(body + ' ') },
				NOW,
			),
		).toBe('no-matching-signature');
		expect(
			verifyChatwootWebhook(
				[secret],
				{ timestamp: String(NOW - 400), signature, rawBody: Buffer.from(body) },
				NOW,
			),
		).toBe('stale');
		expect(
			verifyChatwootWebhook(
				[secret],
				{ timestamp: ts, signature: 'sha256=zz', rawBody: Buffer.from(body) },
				NOW,
			),
		).toBe('no-matching-signature');
	});
});
