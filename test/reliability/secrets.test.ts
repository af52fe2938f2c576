/**
 * Secret scan: runs successful, refused, failing and faulted operations with a distinctive token and looks for it
 * in every output item, error (message, description, stack, serialized form) and everything written to the
 * console, stdout, stderr or n8n's logger meanwhile. The simulator's request log is the only place it may appear
 * (in the api_access_token header, which this test also checks).
 */
import { LoggerProxy } from 'n8n-workflow';

import { runHueChat } from '../helpers/routing';
import { startFixture, type SimulatorFixture } from '../helpers/simulator';
import { recordFigures } from './figures';

let fx: SimulatorFixture;
const TOKEN = `hc_test_SECRETSCAN_${Date.now().toString(36)}_7f3a9c`;
const captured: string[] = [];
const restore: Array<() => void> = [];

beforeAll(async () => {
	fx = await startFixture();
	await fx.sim.control.createKey({
		token: TOKEN,
		scopes: ['contacts:read', 'conversations:read', 'messages:write'],
		rpm: 100_000,
	});
	const capture = (...args: unknown[]) =>
		captured.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
	for (const stream of [process.stdout, process.stderr]) {
		const original = stream.write.bind(stream);
		stream.write = ((chunk: unknown, ...rest: unknown[]) => {
			capture(String(chunk));
			return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
		}) as typeof stream.write;
		restore.push(() => (stream.write = original as typeof stream.write));
	}
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		const original = console[level];
		console[level] = (...args: unknown[]) => capture(...args);
		restore.push(() => (console[level] = original));
	}
	LoggerProxy.init({
		error: capture,
		warn: capture,
		info: capture,
		debug: capture,
		verbose: capture,
		scoped: () => LoggerProxy,
	} as never);
});
afterAll(async () => {
	restore.forEach((undo) => undo());
	await fx.sim.close();
});

function serialize(value: unknown): string {
	const error = value as {
		message?: string;
		description?: string;
		stack?: string;
		cause?: unknown;
	};
	return [
		JSON.stringify(value),
		error?.message,
		error?.description,
		error?.stack,
		JSON.stringify(error?.cause ?? null),
	].join('\n');
}

it('the token appears in no output, error or log line', async () => {
	const credentials = { apiToken: TOKEN, accountId: 1, baseUrl: fx.sim.url };
	const shown: string[] = [];
	const attempt = async (
		parameters: Record<string, unknown>,
		overrides: Partial<typeof credentials> = {},
		items?: Array<Record<string, unknown>>,
	) => {
		for (const continueOnFail of [true, false]) {
			try {
				const { items: out } = await runHueChat({
					credentials: { ...credentials, ...overrides },
					parameters: parameters as never,
					items: items as never,
					continueOnFail,
				});
				shown.push(...out.map((item) => serialize(item.json) + serialize(item.error ?? null)));
			} catch (error) {
				shown.push(serialize(error));
			}
		}
	};
	await attempt({
		resource: 'contact',
		operation: 'get',
		contactId: { __rl: true, mode: 'id', value: '1' },
		simplify: false,
	});
	await attempt({ resource: 'contact', operation: 'getAll', limit: 40, simplify: false });
	await attempt({ resource: 'contact', operation: 'create', contactName: 'Needs write scope' }); // 403
	await attempt({
		resource: 'contact',
		operation: 'get',
		contactId: { __rl: true, mode: 'id', value: '999999' },
	}); // 404
	await attempt({
		resource: 'contact',
		operation: 'get',
		contactId: { __rl: true, mode: 'id', value: 'abc' },
	}); // refused
	await attempt({
		resource: 'message',
		operation: 'create',
		conversationId: { __rl: true, mode: 'id', value: '1' },
		messageContent: 'hello',
	});
	await attempt(
		{ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '1' } },
		{ accountId: 99 },
	); // 401/404 account
	await attempt(
		{ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '1' } },
		{ baseUrl: 'http://insecure.example.com' },
	); // refused
	await attempt(
		{ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '1' } },
		{ baseUrl: 'http://127.0.0.1:9' },
	); // refused connection
	await fx.sim.control.addFault({ kind: 'status', status: 503, count: 20 });
	await attempt({
		resource: 'contact',
		operation: 'get',
		contactId: { __rl: true, mode: 'id', value: '1' },
	}); // retries run out
	await fx.sim.control.clearFaults();
	await fx.sim.control.addFault({ kind: 'drop', count: 20 });
	await attempt({
		resource: 'contact',
		operation: 'get',
		contactId: { __rl: true, mode: 'id', value: '2' },
	});
	await fx.sim.control.clearFaults();

	const everything = [...shown, ...captured].join('\n');
	const leaks = everything.split(TOKEN).length - 1;
	recordFigures({
		'token leaks': leaks,
		'secret scan outputs checked': shown.length,
		'secret scan log lines checked': captured.length,
	});
	expect(shown.length).toBeGreaterThan(20);
	expect(leaks).toBe(0);
	const sentWithToken = (await fx.requests()).filter((r) => r.headers.api_access_token === TOKEN);
	expect(sentWithToken.length).toBeGreaterThan(10);
	expect(
		(await fx.requests()).every(
			(r) =>
				!JSON.stringify({ ...r, headers: { ...r.headers, api_access_token: '' } }).includes(TOKEN),
		),
	).toBe(true);
}, 300_000);
