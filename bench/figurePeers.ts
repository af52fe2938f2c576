/**
 * Figure 7: peers in the same run. The devlikeapro Chatwoot node (`@devlikeapro/n8n-nodes-chatwoot`, the version
 * test/compat/peer.ts pins and installs into the bench's n8n user folder only: never a dependency of this package) beside the HueChat node and
 * n8n's HTTP Request node, in the same n8n against the same simulator: BENCH_CREATES contact creates, under the roomy
 * key and under the tight one (BENCH_RPM), then a full contact list. Each writer continues on error, so failures are
 * the output items carrying an error; duplicates are emails the simulator holds more than once. Every writer
 * creates its contacts in the same inbox (peerInbox).
 * Target: the HueChat node ≤ 0.8x the peer's time with 0 failures (creates under each key).
 * The peer's list reads one page (its Contact List operation has no pagination): its item count is reported.
 */
import { installPeer as installCompatPeer, PEER_NODE_TYPE } from '../test/compat/peer';
import type { N8nInstance } from '../test/e2e/harness';
import type { BenchContext } from './context';
import { callWebhook } from './n8nBench';
import { count, ratio, seconds } from './report';
import {
	HEADER_CREDENTIAL,
	HUECHAT_CREDENTIAL,
	HUECHAT_TYPE,
	chain,
	node,
	pageByPage,
	webhook,
} from './workflows';

export const PEER_CREDENTIAL = { id: 'benchPeerCred', name: 'bench: peer (roomy key)' };
export const TIGHT_PEER_CREDENTIAL = { id: 'benchPeerTight', name: 'bench: peer (tight key)' };
const TIGHT_HUECHAT = { id: 'benchHueChatTightP', name: 'bench: HueChat (peers, tight key)' };
const TIGHT_HEADER = { id: 'benchHeaderTightP', name: 'bench: header (peers, tight key)' };

type Writer = 'huechat' | 'peer' | 'http';
const WRITERS: Writer[] = ['huechat', 'peer', 'http'];
const LABEL: Record<Writer, string> = {
	huechat: 'HueChat node',
	peer: 'devlikeapro Chatwoot node',
	http: 'HTTP Request node',
};

/** Before n8n starts: the peer into the bench's n8n (test/compat/peer.ts); answers why not when npm cannot install it. */
export function installPeer(n8n: N8nInstance): string | undefined {
	try {
		installCompatPeer(n8n);
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}

/** The credentials the peers' workflows use (imported with the others, before n8n starts). */
export function peerCredentials(ctx: BenchContext, tightToken: string) {
	const { sim } = ctx;
	return [
		{ ...PEER_CREDENTIAL, type: 'chatwootApi', data: { url: sim.url, accessToken: ctx.token } },
		{
			...TIGHT_PEER_CREDENTIAL,
			type: 'chatwootApi',
			data: { url: sim.url, accessToken: tightToken },
		},
		{
			...TIGHT_HUECHAT,
			type: 'hueChatApi',
			data: { apiToken: tightToken, accountId: sim.accountId, baseUrl: sim.url },
		},
		{
			...TIGHT_HEADER,
			type: 'httpHeaderAuth',
			data: { name: 'api_access_token', value: tightToken },
		},
	];
}

function writerNode(
	writer: Writer,
	op: 'create' | 'list',
	tight: boolean,
	ctx: BenchContext,
	inboxId: number,
) {
	const prefix = 700 + WRITERS.indexOf(writer) * 10 + (tight ? 5 : 0) + (op === 'list' ? 1 : 0);
	const base = { id: node('x', 1, 'x', prefix, {}).id as string, name: 'Node', position: [440, 0] };
	const onError = op === 'create' ? { onError: 'continueRegularOutput' } : {};
	const { sim } = ctx;
	if (writer === 'huechat')
		return {
			...base,
			...onError,
			type: HUECHAT_TYPE,
			typeVersion: 1,
			credentials: { hueChatApi: tight ? TIGHT_HUECHAT : HUECHAT_CREDENTIAL },
			parameters:
				op === 'create'
					? {
							resource: 'contact',
							operation: 'create',
							contactName: '={{ $json.name }}',
							contactFields: { email: '={{ $json.email }}', inboxId },
						}
					: { resource: 'contact', operation: 'getAll', returnAll: true, simplify: false },
		};
	if (writer === 'peer')
		return {
			...base,
			...onError,
			type: PEER_NODE_TYPE,
			typeVersion: 1,
			credentials: { chatwootApi: tight ? TIGHT_PEER_CREDENTIAL : PEER_CREDENTIAL },
			parameters:
				op === 'create'
					? {
							resource: 'Contacts',
							operation: 'Contact Create',
							account_id: sim.accountId,
							inbox_id: inboxId,
							name: '={{ $json.name }}',
							email: '={{ $json.email }}',
						}
					: { resource: 'Contacts', operation: 'Contact List', account_id: sim.accountId },
		};
	const url = `${sim.url}/api/v1/accounts/${sim.accountId}/contacts`;
	return {
		...base,
		...onError,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		credentials: { httpHeaderAuth: tight ? TIGHT_HEADER : HEADER_CREDENTIAL },
		parameters: {
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			...(op === 'create'
				? {
						method: 'POST',
						url,
						sendBody: true,
						bodyParameters: {
							parameters: [
								{ name: 'name', value: '={{ $json.name }}' },
								{ name: 'email', value: '={{ $json.email }}' },
								{ name: 'inbox_id', value: String(inboxId) },
							],
						},
						options: {},
					}
				: {
						url,
						options: pageByPage('={{ $response.body.payload.length < 15 }}'),
					}),
		},
	};
}

function workflow(
	writer: Writer,
	op: 'create' | 'list',
	tight: boolean,
	ctx: BenchContext,
	inboxId: number,
) {
	const key = `peers-${op}-${writer}${tight ? '-tight' : ''}`;
	const prefix = 720 + WRITERS.indexOf(writer) * 10 + (tight ? 5 : 0) + (op === 'list' ? 1 : 0);
	const split = node('n8n-nodes-base.splitOut', 1, 'Split Out', prefix, {
		fieldToSplitOut: 'body.items',
		options: {},
	});
	const writerN = writerNode(writer, op, tight, ctx, inboxId) as unknown as Parameters<
		typeof chain
	>[2][number];
	const id = `benchPeer${op === 'create' ? 'C' : 'L'}${{ huechat: 'U', peer: 'P', http: 'R' }[writer]}${tight ? 'T' : 'R'}`;
	return {
		key,
		workflow: chain(id, `bench: ${key}`, [
			webhook(key, prefix, 'lastNode', 'allEntries'),
			...(op === 'create' ? [split] : []),
			writerN,
		]),
	};
}

/**
 * The inbox every writer creates its contacts in: the peer's Contact Create always sends inbox_id (0 when left
 * empty, which HueChat refuses), so all three send the same one: an inbox that needs no phone number.
 */
export async function peerInbox(ctx: BenchContext): Promise<number> {
	const inboxes = await ctx.sim.collection<{
		id: number;
		account_id: number;
		channel_kind: string;
	}>('inboxes');
	const inbox = inboxes.find(
		(i) =>
			i.account_id === ctx.sim.accountId && !['whatsapp', 'sms', 'email'].includes(i.channel_kind),
	);
	if (!inbox) throw new Error('the simulator has no inbox the peers can create contacts in');
	return inbox.id;
}

/** The peers' workflows, imported and published with the others when n8n starts; the peer's only when installed. */
export function peerWorkflows(ctx: BenchContext, inboxId = 0) {
	return WRITERS.filter((w) => w !== 'peer' || !ctx.peerMissing).flatMap((w) =>
		[
			workflow(w, 'create', false, ctx, inboxId),
			workflow(w, 'create', true, ctx, inboxId),
			workflow(w, 'list', false, ctx, inboxId),
		].map((f) => ({ ...f, path: f.key })),
	);
}

export async function figurePeers(ctx: BenchContext): Promise<void> {
	const { report, sizes, sim, n8n } = ctx;
	for (const w of peerWorkflows(ctx))
		if (!ctx.paths[w.key]) throw new Error(`the workflow ${w.key} was not published`);
	const n = sizes.creates;
	const targetName = (tight: boolean) =>
		`peers: ${count(n)} contact creates${tight ? ` under a ${sizes.rpm} RPM key` : ''}, HueChat node / devlikeapro Chatwoot node, time per contact created`;
	if (ctx.peerMissing) {
		for (const tight of [false, true])
			report.pending(targetName(tight), ctx.peerMissing, '≤ 0.80x, 0 failed');
		return;
	}
	let round = 0;
	for (const tight of [false, true]) {
		const results = {} as Record<
			Writer,
			{ ms: number; failed: number; duplicates: number; stored: number }
		>;
		for (const writer of WRITERS) {
			round += 1;
			const prefix = `peer${round}-${writer}`;
			const items = Array.from({ length: n }, (_, i) => ({
				name: `Peer ${prefix} ${i}`,
				email: `${prefix}-${i}@example.com`,
			}));
			ctx.log(`peers: ${n} contact creates, ${LABEL[writer]}${tight ? ', tight key' : ''}`);
			const answer = await callWebhook<Array<Record<string, unknown>>>(
				n8n.baseUrl,
				`peers-create-${writer}${tight ? '-tight' : ''}`,
				{ items },
			);
			const output = Array.isArray(answer.json) ? answer.json : [answer.json];
			const firstError = output.find((item) => item && 'error' in item);
			if (firstError) {
				// an HTTP error item may carry the request's headers: no key's token goes to the log
				let text = JSON.stringify(firstError);
				for (const secret of [ctx.token, ...Object.values(ctx.tightTokens)]) {
					text = text.split(secret).join('[token]');
				}
				ctx.log(`${LABEL[writer]}: first failure ${text.slice(0, 400)}`);
			}
			const failed =
				output.filter((item) => item && 'error' in item).length + Math.max(0, n - output.length);
			const emails = (await sim.collection<{ email?: string | null }>('contacts'))
				.map((c) => c.email ?? '')
				.filter((e) => e.startsWith(`${prefix}-`));
			const stored = new Set(emails).size;
			results[writer] = { ms: answer.ms, failed, duplicates: emails.length - stored, stored };
			ctx.partial = `${LABEL[writer]}: ${seconds(answer.ms)}, ${failed} failed`;
			ctx.log(
				`${LABEL[writer]}: ${seconds(answer.ms)}, ${failed} failed, ${emails.length - stored} duplicates, ${stored} stored`,
			);
			if (tight) await new Promise((resolve) => setTimeout(resolve, sizes.windowSeconds * 1000)); // next window fresh
		}
		const h = results.huechat;
		const p = results.peer;
		// per contact created: under the tight key the peer stops at the first 429 of each item, so its run is short
		// because most of its items fail; what a user waits for is a contact in HueChat
		const perStored = (r: { ms: number; stored: number }) => r.ms / Math.max(1, r.stored);
		report.target(
			targetName(tight),
			perStored(h) / perStored(p),
			(x) =>
				`${ratio(x)} (${seconds(h.ms)} for ${count(h.stored)} / ${seconds(p.ms)} for ${count(p.stored)}), HueChat ${h.failed} failed`,
			'≤ 0.80x, 0 failed',
			(x) => x <= 0.8 && h.failed === 0,
		);
		report.info(
			`peers: ${count(n)} contact creates${tight ? ` under a ${sizes.rpm} RPM key` : ''}: time, failed, duplicates, HueChat | devlikeapro | HTTP Request`,
			WRITERS.map(
				(w) =>
					`${seconds(results[w].ms)}, ${results[w].failed} failed, ${results[w].duplicates} dup`,
			).join(' | '),
		);
	}
	const total = (await sim.collection('contacts')).length;
	const lists = {} as Record<Writer, { ms: number; items: number }>;
	for (const writer of WRITERS) {
		ctx.log(`peers: full contact list, ${LABEL[writer]}`);
		const answer = await callWebhook<unknown[]>(n8n.baseUrl, `peers-list-${writer}`, {});
		// the peer answers a page as one item ({meta, payload: [...]}); the others one item per contact
		const items = (Array.isArray(answer.json) ? answer.json : [answer.json]).reduce<number>(
			(sum, item) =>
				sum +
				(Array.isArray((item as { payload?: unknown })?.payload)
					? (item as { payload: unknown[] }).payload.length
					: 1),
			0,
		);
		lists[writer] = { ms: answer.ms, items };
	}
	const listName = `peers: full contact list (${count(total)} contacts), HueChat node / devlikeapro Chatwoot node, time`;
	if (lists.peer.items < total)
		// the peer's time for one page is not the time of a full list: no ratio to make up
		report.pending(
			listName,
			`the devlikeapro node reads one page (${count(lists.peer.items)} of ${count(total)} contacts) in ${seconds(lists.peer.ms)}; HueChat node / HTTP Request node ${ratio(lists.huechat.ms / lists.http.ms)}`,
			'≤ 0.80x',
		);
	else
		report.target(
			listName,
			lists.huechat.ms / lists.peer.ms,
			(x) => `${ratio(x)} (${seconds(lists.huechat.ms)} / ${seconds(lists.peer.ms)})`,
			'≤ 0.80x',
			(x) => x <= 0.8,
		);
	report.info(
		'peers: full contact list, time and items, HueChat | devlikeapro | HTTP Request',
		WRITERS.map((w) => `${seconds(lists[w].ms)}, ${count(lists[w].items)} items`).join(' | ') +
			` (the simulator holds ${count(total)})`,
	);
}
