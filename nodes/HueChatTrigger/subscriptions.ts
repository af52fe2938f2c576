import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { accountPath, CREDENTIAL_TYPE } from '../shared/transport/api';
import { apiRequest } from '../shared/transport/request';
import { ALL_EVENTS } from '../shared/descriptions/webhookEvents';

/**
 * The HueChat side of the trigger's lifecycle. n8n calls checkExists then (when it answers false) create on
 * activation, and delete on deactivation, for the production URL and, while the editor listens for a test event,
 * for the test URL. What we created is remembered in the node's static data:
 *
 *   subscriptions: { production?: Registration, test?: Registration }
 *
 * A registration is looked up by the URL n8n asks about, never trusted blindly: static data travels with a
 * duplicated workflow, whose URL differs, so a registration for another URL belongs to another workflow and is
 * never deleted or changed from here. Conversely every subscription in HueChat whose URL is exactly this node's
 * URL is this node's (the URL contains the node's own webhook ID), so leftovers from an activation whose static
 * data was lost are removed before creating, and by delete: activations and deactivations always end with exactly
 * one subscription (or none).
 */

export type Api = 'v2' | 'v1';

export interface Registration {
	api: Api;
	id: string | number;
	url: string;
	events: string[];
	/** v2: `whsec_…`; v1: the Chatwoot webhook secret. Verifies deliveries; never output or logged. */
	secret: string;
	/** v2: secrets replaced by the trigger's own rotations, still verifying deliveries signed before (24 h). */
	retiredSecrets?: Array<{ secret: string; until: number }>;
	/** v2: when the trigger last rotated the secret itself (unix seconds). */
	rotatedAt?: number;
}

/** A subscription as HueChat shows it, in the terms both APIs share. */
interface Remote {
	id: string | number;
	url: string;
	events: string[];
	active: boolean;
}

interface Flavour {
	list(context: IHookFunctions): Promise<Remote[]>;
	create(
		context: IHookFunctions,
		url: string,
		events: string[],
	): Promise<{ remote: Remote; secret: string }>;
	/** Sets the events and (re)activates. */
	update(context: IHookFunctions, id: string | number, events: string[]): Promise<void>;
	/** Deletes; a subscription already gone is fine. */
	remove(context: IHookFunctions, id: string | number): Promise<void>;
	/** Stops deliveries without deleting, where the API can: the fallback when a delete keeps failing. */
	pause?(context: IHookFunctions, id: string | number): Promise<void>;
}

type ApiContext = IHookFunctions | IWebhookFunctions;

async function path(context: ApiContext, api: Api, suffix: string): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return accountPath(api, credentials.accountId, suffix);
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/** DELETE; a 404 means it is gone already, which is what we wanted. Other failures surface (HueChat's words). */
async function deleteUnlessGone(context: ApiContext, url: string): Promise<void> {
	let failure: unknown;
	try {
		await apiRequest(context, 'DELETE', url);
	} catch (error) {
		failure = error;
	}
	if (failure !== undefined && !isNotFound(failure)) throw failure;
}

function description(context: IHookFunctions): string {
	const workflow = context.getWorkflow();
	return `n8n: ${workflow.name ?? `workflow ${String(workflow.id)}`} (${context.getNode().name})`.slice(
		0,
		255,
	);
}

const v2: Flavour = {
	async list(context) {
		const all: Remote[] = [];
		for (let page = 1; page <= 1_000; page++) {
			const body = (await apiRequest(
				context,
				'GET',
				await path(context, 'v2', '/outbound_webhooks'),
				{ qs: { page, per_page: 100 } },
			)) as IDataObject;
			const data = (Array.isArray(body?.data) ? body.data : []) as IDataObject[];
			for (const item of data) {
				all.push({
					id: String(item.id),
					url: String(item.url),
					events: (item.events ?? []) as string[],
					active: item.active !== false,
				});
			}
			const totalPages = Number((body?.meta as IDataObject | undefined)?.total_pages);
			if (
				data.length === 0 ||
				(Number.isFinite(totalPages) ? page >= totalPages : data.length < 100)
			)
				break;
		}
		return all;
	},
	async create(context, url, events) {
		const body = (await apiRequest(
			context,
			'POST',
			await path(context, 'v2', '/outbound_webhooks'),
			{
				body: { url, events, description: description(context) },
			},
		)) as IDataObject;
		return {
			remote: {
				id: String(body.id),
				url: String(body.url),
				events: (body.events ?? events) as string[],
				active: body.active !== false,
			},
			secret: String(body.secret ?? ''),
		};
	},
	async update(context, id, events) {
		await apiRequest(
			context,
			'PATCH',
			await path(context, 'v2', `/outbound_webhooks/${String(id)}`),
			{ body: { events, active: true } },
		);
	},
	async remove(context, id) {
		await deleteUnlessGone(context, await path(context, 'v2', `/outbound_webhooks/${String(id)}`));
	},
	async pause(context, id) {
		await apiRequest(
			context,
			'PATCH',
			await path(context, 'v2', `/outbound_webhooks/${String(id)}`),
			{ body: { active: false } },
		);
	},
};

const v1: Flavour = {
	async list(context) {
		const body = (await apiRequest(
			context,
			'GET',
			await path(context, 'v1', '/webhooks'),
		)) as IDataObject;
		const webhooks = ((body?.payload as IDataObject | undefined)?.webhooks ?? []) as IDataObject[];
		return webhooks.map((item) => ({
			id: Number(item.id),
			url: String(item.url),
			events: (item.subscriptions ?? []) as string[],
			active: true,
		}));
	},
	async create(context, url, events) {
		const body = (await apiRequest(context, 'POST', await path(context, 'v1', '/webhooks'), {
			body: { url, subscriptions: events, name: description(context) },
		})) as IDataObject;
		const webhook = ((body?.payload as IDataObject | undefined)?.webhook ?? body) as IDataObject;
		return {
			remote: {
				id: Number(webhook.id),
				url: String(webhook.url),
				events: (webhook.subscriptions ?? events) as string[],
				active: true,
			},
			secret: String(webhook.secret ?? ''),
		};
	},
	async update(context, id, events) {
		await apiRequest(context, 'PATCH', await path(context, 'v1', `/webhooks/${String(id)}`), {
			body: { subscriptions: events },
		});
	},
	async remove(context, id) {
		await deleteUnlessGone(context, await path(context, 'v1', `/webhooks/${String(id)}`));
	},
};

const FLAVOURS: Record<Api, Flavour> = { v2, v1 };

type Slot = 'production' | 'test';

/** What the node's parameters ask for. */
export function desiredSubscription(context: IHookFunctions): { api: Api; events: string[] } {
	const api = context.getNodeParameter('api', 'v2') as Api;
	const raw =
		(context.getNodeParameter(api === 'v2' ? 'events' : 'accountEvents', []) as string[]) ?? [];
	const events = raw.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(raw)].sort();
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Select at least one event under Events', {
			description: 'HueChat only delivers the events a subscription lists.',
		});
	}
	return { api, events };
}

function sameEvents(a: string[], b: string[]): boolean {
	const left = [...new Set(a)].sort();
	const right = [...new Set(b)].sort();
	return left.length === right.length && left.every((event, index) => event === right[index]);
}

function registrations(context: IHookFunctions): Partial<Record<Slot, Registration>> {
	const staticData = context.getWorkflowStaticData('node');
	staticData.subscriptions ??= {};
	return staticData.subscriptions as Partial<Record<Slot, Registration>>;
}

function ourUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(context.getNode(), 'n8n gave no webhook URL for this trigger');
	return url;
}

/** The slot (and registration) recorded for this URL, if any. */
function registrationFor(
	context: IHookFunctions,
	url: string,
): { slot: Slot; registration: Registration } | undefined {
	const stored = registrations(context);
	for (const slot of ['production', 'test'] as const) {
		const registration = stored[slot];
		if (registration?.url === url) return { slot, registration };
	}
	return undefined;
}

function forget(context: IHookFunctions, slot: Slot): void {
	delete registrations(context)[slot];
}

/** Deletes every subscription of this flavour that delivers to `url` (they are all this node's), except `keep`. */
async function removeAllFor(
	context: IHookFunctions,
	api: Api,
	url: string,
	keep?: string | number,
): Promise<Remote[]> {
	const flavour = FLAVOURS[api];
	const mine = (await flavour.list(context)).filter((remote) => remote.url === url);
	for (const remote of mine) {
		if (keep === undefined || String(remote.id) !== String(keep))
			await flavour.remove(context, remote.id);
	}
	return mine;
}

/**
 * checkExists: true when our subscription still exists in HueChat with this URL; it is brought to the selected events
 * (and re-activated) when they differ, and duplicates for this URL are removed. False (so n8n calls create) when we have
 * none, it was deleted in HueChat, or it now points elsewhere (then it is left alone: it is no longer delivering to us).
 */
export async function subscriptionExists(context: IHookFunctions): Promise<boolean> {
	const url = ourUrl(context);
	const desired = desiredSubscription(context);
	const found = registrationFor(context, url);
	if (!found) return false;
	const { slot, registration } = found;
	if (registration.api !== desired.api) {
		// switched between v2 and v1: the old kind of subscription is ours and no longer wanted
		await removeAllFor(context, registration.api, url);
		forget(context, slot);
		return false;
	}
	const mine = await removeAllFor(context, registration.api, url, registration.id);
	const current = mine.find((remote) => String(remote.id) === String(registration.id));
	if (!current || !registration.secret) {
		forget(context, slot);
		return false;
	}
	if (!sameEvents(current.events, desired.events) || !current.active) {
		await FLAVOURS[registration.api].update(context, registration.id, desired.events);
		registration.events = desired.events;
	}
	return true;
}

/** create: one new subscription for this URL and the selected events; its id and secret go to static data. */
export async function createSubscription(context: IHookFunctions): Promise<boolean> {
	const url = ourUrl(context);
	const desired = desiredSubscription(context);
	await removeAllFor(context, desired.api, url);
	const { remote, secret } = await FLAVOURS[desired.api].create(context, url, desired.events);
	if (!secret) {
		await FLAVOURS[desired.api].remove(context, remote.id);
		throw new NodeOperationError(
			context.getNode(),
			'HueChat created the webhook without a signing secret',
			{
				description:
					desired.api === 'v1'
						? 'Account webhooks are signed from Chatwoot 4.11.2 on. Use the Outbound Webhook (v2) type, or update the server.'
						: 'Deliveries could not be verified, so the subscription was removed again.',
			},
		);
	}
	const slot: Slot = context.getMode() === 'manual' ? 'test' : 'production';
	registrations(context)[slot] = {
		api: desired.api,
		id: remote.id,
		url,
		events: desired.events,
		secret,
	};
	return true;
}

/**
 * delete: removes this URL's subscriptions (of the recorded and the selected kind) and nothing else. Each request is
 * already retried (request.ts); when HueChat still refuses, the recorded subscription is paused instead (v2), so it
 * stops delivering, and the error is raised. n8n unpublishes the workflow all the same and never calls delete again;
 * whatever is left for this URL is removed the next time the workflow is published (removeAllFor).
 */
export async function deleteSubscription(context: IHookFunctions): Promise<boolean> {
	const url = ourUrl(context);
	const found = registrationFor(context, url);
	const apis = new Set<Api>([context.getNodeParameter('api', 'v2') as Api]);
	if (found) apis.add(found.registration.api);
	try {
		for (const api of apis) await removeAllFor(context, api, url);
	} catch (error) {
		const pause = found && FLAVOURS[found.registration.api].pause;
		if (pause) await pause(context, found.registration.id).catch(() => undefined);
		throw new NodeOperationError(context.getNode(), error as Error, {
			description:
				'HueChat did not delete the subscription; it was paused where possible, and is removed when the workflow is published again.',
		});
	}
	if (found) forget(context, found.slot);
	return true;
}

/** HueChat keeps signing with a replaced secret this long after a rotation (the contract: 24 hours). */
export const ROTATION_OVERLAP_SECONDS = 24 * 60 * 60;

/** The secrets that verify deliveries now: the current one and those the trigger replaced less than a day ago. */
export function verifyingSecrets(registration: Registration, nowSeconds: number): string[] {
	return [
		registration.secret,
		...(registration.retiredSecrets ?? [])
			.filter((old) => old.until > nowSeconds)
			.map((old) => old.secret),
	];
}

type RotatedSecrets = Pick<Registration, 'secret' | 'retiredSecrets' | 'rotatedAt'>;

/**
 * The newest secret state this process obtained by rotating, per trigger and subscription (the production and the
 * test URL have one each), and the rotation under way. An entry is needed only until n8n has saved the rotated
 * static data (seconds), so entries older than `keepSeconds` go, and the oldest go beyond `most`: a process that
 * runs many triggers for months does not keep one per subscription it ever rotated.
 */
export class RotationMemory {
	private readonly entries = new Map<
		string,
		{ latest?: RotatedSecrets; running?: Promise<void>; since: number }
	>();

	constructor(
		private readonly keepSeconds = 60 * 60,
		private readonly most = 1_000,
	) {}

	get size(): number {
		return this.entries.size;
	}

	latest(key: string): RotatedSecrets | undefined {
		return this.entries.get(key)?.latest;
	}

	running(key: string): Promise<void> | undefined {
		return this.entries.get(key)?.running;
	}

	/** Marks a rotation under way, newest last in the map's order. */
	start(key: string, rotation: Promise<void>, nowSeconds: number): void {
		const entry = this.entries.get(key) ?? { since: nowSeconds };
		this.entries.delete(key);
		this.entries.set(key, { ...entry, running: rotation, since: nowSeconds });
		this.forgetOld(nowSeconds);
	}

	finish(key: string, latest: RotatedSecrets | undefined): void {
		const entry = this.entries.get(key);
		if (!entry) return;
		entry.running = undefined;
		if (latest) entry.latest = latest;
	}

	/** Oldest first (insertion order is rotation order); a rotation under way is never dropped. */
	private forgetOld(nowSeconds: number): void {
		for (const [key, entry] of this.entries) {
			if (entry.running) continue;
			if (this.entries.size <= this.most && entry.since > nowSeconds - this.keepSeconds) break;
			this.entries.delete(key);
		}
	}
}

const rotations = new RotationMemory();

const rotationKey = (trigger: string, registration: Registration) =>
	`${trigger}|${String(registration.id)}`;

/**
 * Brings `registration` (this webhook call's copy of static data) up to the newest rotation this process made: calls
 * that loaded static data before it was saved must neither verify with the old secret alone nor save it back.
 */
export function withLatestRotation(trigger: string, registration: Registration): Registration {
	const latest = rotations.latest(rotationKey(trigger, registration));
	if (latest && (registration.rotatedAt ?? 0) < (latest.rotatedAt ?? 0))
		Object.assign(registration, latest);
	return registration;
}

/**
 * Someone rotated the subscription's secret in HueChat, so deliveries carry a signature made with a secret the
 * trigger never saw (and, once the old one expires, only that). HueChat shows a secret only to the call that makes
 * it, so the trigger rotates once more itself: HueChat then signs with a secret it holds. Its own secret keeps
 * verifying deliveries signed before, for as long as HueChat still uses it. Calls arriving during a rotation wait
 * for it instead of rotating again.
 */
export async function adoptRotatedSecret(
	context: IWebhookFunctions,
	trigger: string,
	registration: Registration,
	nowSeconds: number,
): Promise<void> {
	const key = rotationKey(trigger, registration);
	const running = rotations.running(key);
	if (running) {
		await running.catch(() => undefined);
		withLatestRotation(trigger, registration);
		return;
	}
	let latest: RotatedSecrets | undefined;
	const rotation = (async () => {
		const body = (await apiRequest(
			context,
			'POST',
			await path(context, 'v2', `/outbound_webhooks/${String(registration.id)}/rotate_secret`),
		)) as IDataObject;
		const secret = typeof body?.secret === 'string' ? body.secret : '';
		if (!secret)
			throw new NodeOperationError(
				context.getNode(),
				'HueChat rotated the webhook secret without returning it',
			);
		latest = {
			secret,
			rotatedAt: nowSeconds,
			retiredSecrets: [
				{ secret: registration.secret, until: nowSeconds + ROTATION_OVERLAP_SECONDS },
				...(registration.retiredSecrets ?? []).filter((old) => old.until > nowSeconds),
			],
		};
	})();
	rotations.start(key, rotation, nowSeconds);
	try {
		await rotation;
	} finally {
		rotations.finish(key, latest);
	}
	withLatestRotation(trigger, registration);
}

/** The registration whose secret verifies deliveries arriving at `url` (production or test). */
export function registrationForDelivery(
	staticData: IDataObject,
	url: string | undefined,
	mode: string,
): Registration | undefined {
	const stored = (staticData.subscriptions ?? {}) as Partial<Record<Slot, Registration>>;
	const byUrl = Object.values(stored).find((registration) => registration?.url === url);
	return byUrl ?? stored[mode === 'manual' ? 'test' : 'production'];
}
