/**
 * Message → Send and Wait for Reply in a real n8n 2.41.1 (the packed package) against the simulator: a published
 * workflow (Webhook → HueChat) sends its message, subscribes for the reply and waits; the simulator's signed
 * `message.created` deliveries reach the waiting execution, and only the contact's reply in that conversation,
 * verified, resumes it. After each way of ending, the simulator's subscriptions are counted.
 */
import { randomUUID } from 'node:crypto';

import { startSimulator, type Simulator } from '../../simulator/server.ts';
import { N8nInstance, sleep, waitFor, type ItemJson } from './harness';
import { hueChatItem, webhookThenHueChat } from './waiting';

const CREDENTIAL = { id: 'huechatSim0003', name: 'HueChat (simulator)' };

interface StoredMessage {
	id: number;
	content: string | null;
	private: boolean;
	message_type: number | string;
	conversation_id: number;
}

interface StoredConversation {
	display_id: number;
	inbox_id: number;
	contact_id: number;
}

interface StoredSubscription {
	id: string;
	url: string;
	active: boolean;
	secret: string;
	description: string | null;
}

type Execution = Awaited<ReturnType<N8nInstance['listExecutions']>>[number];

const replyWorkflow = (id: string, path: string, parameters: Record<string, unknown>) =>
	webhookThenHueChat({ id, name: `HueChat send and wait for reply e2e ${id}`, path }, CREDENTIAL, {
		resource: 'message',
		operation: 'sendAndWaitForReply',
		...parameters,
	});

const limitAfter = (seconds: number) => ({
	limitWaitTime: {
		values: { limitType: 'afterTimeInterval', resumeAmount: seconds, resumeUnit: 'seconds' },
	},
});

describe('Message → Send and Wait for Reply in real n8n', () => {
	let sim: Simulator;
	let n8n: N8nInstance;
	let token: string;
	/** Conversations of the API inbox, where the v1 API can write as the contact. */
	let conversations: number[];
	const flows = {
		first: { id: 'hcE2eReplyFirst', path: `reply-first-${randomUUID()}` },
		second: { id: 'hcE2eReplySecond', path: `reply-second-${randomUUID()}` },
		timeout: { id: 'hcE2eReplyTimeout', path: `reply-timeout-${randomUUID()}` },
		contact: { id: 'hcE2eReplyContact', path: `reply-contact-${randomUUID()}` },
	};
	/** Send To: Contact, by this email: a contact that does not exist yet. */
	const contactEmail = `wait.${randomUUID().slice(0, 8)}@example.com`;
	let apiInbox: number;
	const storedConversations = () => sim.control.collection('conversations') as StoredConversation[];

	beforeAll(async () => {
		sim = await startSimulator({ port: 0, contacts: 5 });
		token = sim.control.createKey({ scopes: ['*'] }).token;
		const apiInboxes = new Set(
			(sim.control.collection('inboxes') as Array<{ id: number; channel_kind: string }>)
				.filter((inbox) => inbox.channel_kind === 'api')
				.map((inbox) => inbox.id),
		);
		conversations = storedConversations()
			.filter((conversation) => apiInboxes.has(conversation.inbox_id))
			.map((conversation) => conversation.display_id)
			.slice(0, 3);
		expect(conversations).toHaveLength(3);
		apiInbox = [...apiInboxes][0];
		n8n = await N8nInstance.create({ name: 'sendandwaitforreply' });
		await n8n.guard(async () => {
			await n8n.importCredentials([
				{
					...CREDENTIAL,
					type: 'hueChatApi',
					data: { apiToken: token, accountId: sim.accountId, baseUrl: sim.url },
				},
			]);
			const locator = (id: number) => ({ __rl: true, mode: 'id', value: String(id) });
			await n8n.importWorkflows([
				replyWorkflow(flows.first.id, flows.first.path, {
					conversationId: locator(conversations[0]),
					text: 'ASK-FIRST: shall we book Monday?',
					messageSendAndWaitForReplyOptions: limitAfter(600),
				}),
				replyWorkflow(flows.second.id, flows.second.path, {
					conversationId: locator(conversations[1]),
					text: 'ASK-SECOND: which colour?',
					messageSendAndWaitForReplyOptions: { ...limitAfter(600), downloadAttachments: true },
				}),
				replyWorkflow(flows.timeout.id, flows.timeout.path, {
					conversationId: locator(conversations[2]),
					text: 'ASK-TIMEOUT: nobody answers this one',
					messageSendAndWaitForReplyOptions: limitAfter(3),
				}),
				replyWorkflow(flows.contact.id, flows.contact.path, {
					sendTo: 'contact',
					sendToInboxId: locator(apiInbox),
					sendToMatchBy: 'email',
					sendToEmail: contactEmail,
					messageSendAndWaitForReplyFields: { contactName: 'Wait Contact' },
					text: 'ASK-CONTACT: are you free on Friday?',
					messageSendAndWaitForReplyOptions: limitAfter(600),
				}),
			]);
			await n8n.start();
			for (const flow of Object.values(flows)) await n8n.publishWorkflow(flow.id);
		});
	}, 300_000);

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
	});

	const messages = () => sim.control.collection('messages') as StoredMessage[];
	const subscriptions = () => sim.control.collection('outbound_webhooks') as StoredSubscription[];
	const executionsOf = async (workflowId: string) =>
		await n8n.listExecutions({ workflowId, includeData: true, limit: 10 });

	/** Calls the workflow's Webhook until it is registered, then waits for the execution to wait. */
	async function start(flow: { id: string; path: string }, marker: string) {
		const before = (await executionsOf(flow.id)).length;
		await waitFor(`the webhook ${flow.path}`, async () => {
			const response = await fetch(`${n8n.baseUrl}/webhook/${flow.path}`);
			return response.status === 200 ? true : undefined;
		});
		const sent = await waitFor(`the message ${marker}`, () =>
			messages()
				.filter((message) => String(message.content ?? '').startsWith(marker))
				.at(-1),
		);
		const execution = await waitFor(`the waiting execution of ${flow.id}`, async () => {
			const list = await executionsOf(flow.id);
			return list.length > before && list[0].status === 'waiting' ? list[0] : undefined;
		});
		const subscription = await waitFor(`the subscription of execution ${execution.id}`, () =>
			subscriptions().find(
				(candidate) =>
					candidate.active && candidate.url.includes(`/webhook-waiting/${execution.id}/`),
			),
		);
		return { sent, execution, subscription };
	}

	async function statusOf(workflowId: string, executionId: string): Promise<string> {
		const execution = (await executionsOf(workflowId)).find((item) => item.id === executionId);
		return execution?.status ?? 'missing';
	}

	async function finished(workflowId: string, executionId: string): Promise<Execution> {
		return await waitFor(
			`the execution ${executionId} to finish`,
			async () => {
				const execution = (await executionsOf(workflowId)).find((item) => item.id === executionId);
				return execution && execution.status !== 'waiting' && execution.status !== 'running'
					? execution
					: undefined;
			},
			{ timeoutMs: 60_000 },
		);
	}

	const hueChatOutput = (execution: Execution): ItemJson => hueChatItem(execution).json;

	/** A message through the v1 API: the contact's (incoming), an agent's, or a private note. */
	async function write(
		conversation: number,
		body: Record<string, unknown>,
	): Promise<StoredMessage> {
		const response = await fetch(
			`${sim.url}/api/v1/accounts/${sim.accountId}/conversations/${conversation}/messages`,
			{
				method: 'POST',
				headers: { api_access_token: token, 'content-type': 'application/json' },
				body: JSON.stringify(body),
			},
		);
		expect(response.status).toBeLessThan(300);
		return (await response.json()) as StoredMessage;
	}

	/** The contact's message with a file, as multipart (the v1 API's attachments[]). */
	async function writeWithFile(conversation: number, content: string, file: string) {
		const form = new FormData();
		form.set('content', content);
		form.set('message_type', 'incoming');
		form.append('attachments[]', new Blob([file], { type: 'text/plain' }), 'swatch.txt');
		const response = await fetch(
			`${sim.url}/api/v1/accounts/${sim.accountId}/conversations/${conversation}/messages`,
			{ method: 'POST', headers: { api_access_token: token }, body: form },
		);
		expect(response.status).toBeLessThan(300);
		return (await response.json()) as StoredMessage;
	}

	/** The simulator's answered deliveries to a subscription, once `count` of them have an answer. */
	async function deliveriesTo(subscriptionId: string, count: number) {
		return await waitFor(`${count} answered deliveries to ${subscriptionId}`, () => {
			const answered = sim.delivery
				.log(0, subscriptionId)
				.filter((entry) => entry.status !== null || entry.error !== null);
			return answered.length >= count ? answered : undefined;
		});
	}

	it('the contact’s reply resumes each wait with that reply; agent replies, notes, forged and replayed deliveries do not', () =>
		n8n.guard(async () => {
			const first = await start(flows.first, 'ASK-FIRST');
			const second = await start(flows.second, 'ASK-SECOND');
			expect(first.sent).toMatchObject({ private: false, conversation_id: conversations[0] });
			expect(subscriptions()).toHaveLength(2);
			// the URL HueChat stores holds the signing secret only sealed
			for (const { subscription } of [first, second]) {
				expect(subscription.url).not.toContain(subscription.secret);
				expect(subscription.url).not.toContain(
					encodeURIComponent(subscription.secret.replace(/^whsec_/, '')),
				);
				expect(subscription.description).toMatch(/^n8n Send and Wait for Reply .* until \S+Z$/);
			}

			// an agent's reply and a private note in the first conversation: verified, answered 200, still waiting
			await write(conversations[0], { content: 'AGENT: let me check', message_type: 'outgoing' });
			await write(conversations[0], { content: 'NOTE: VIP', private: true });
			// the contact writes in another conversation than the first wait's: the second wait's reply
			const secondReply = await writeWithFile(conversations[1], 'Blue, please', 'BLUE-SWATCH');
			// the first wait also heard the second wait's message (outgoing) and the three above
			const toFirst = await deliveriesTo(first.subscription.id, 4);
			expect(toFirst.map((entry) => entry.status)).toEqual([200, 200, 200, 200]);
			expect(await statusOf(flows.first.id, first.execution.id)).toBe('waiting');

			const secondDone = await finished(flows.second.id, second.execution.id);
			expect(secondDone.status).toBe('success');
			expect(hueChatOutput(secondDone)).toMatchObject({
				reply: { id: secondReply.id, content: 'Blue, please', sender: { type: 'contact' } },
				conversation_id: conversations[1],
				sent_message_id: second.sent.id,
			});
			// Download Attachments: the reply's file as binary, as Message → Get Many gives it
			const { binary } = hueChatItem(secondDone);
			expect(binary?.attachment_0).toMatchObject({
				fileName: 'swatch.txt',
				mimeType: 'text/plain',
				bytes: 'BLUE-SWATCH'.length,
			});
			await waitFor('the second wait’s subscription deleted', () =>
				subscriptions().every((subscription) => subscription.id !== second.subscription.id),
			);
			expect(subscriptions()).toHaveLength(1);
			console.log(
				`[reply] subscriptions left after the second wait's reply: ${subscriptions().length}`,
			);

			// a contact's message in the first conversation, forged (another secret) or stale (a capture replayed
			// after five minutes): refused, still waiting
			const contactMessage = {
				id: 999_001,
				content: 'FORGED: yes',
				conversation_id: conversations[0],
				message_type: 0,
				private: false,
			};
			for (const mode of ['forged', 'stale', 'tampered', 'unsigned'] as const) {
				const attempt = await sim.delivery.deliver({
					subscription_id: first.subscription.id,
					mode,
					event: 'message.created',
					data: contactMessage,
				});
				expect([mode, attempt.status]).toEqual([mode, 401]);
			}
			// HueChat's own retry of the agent reply's delivery: verified, not the reply
			const resent = await sim.delivery.deliver({
				subscription_id: first.subscription.id,
				mode: 'resent',
			});
			expect(resent.status).toBe(200);
			// the genuine delivery that ended the second wait, replayed to the first wait's URL: not its secret
			const [secondDelivery] = sim.delivery
				.log(0, second.subscription.id)
				.filter((entry) => entry.status === 200);
			const replayed = await fetch(first.subscription.url, {
				method: 'POST',
				headers: secondDelivery.headers,
				body: secondDelivery.body,
			});
			expect(replayed.status).toBe(401);
			await sleep(1000);
			expect(await statusOf(flows.first.id, first.execution.id)).toBe('waiting');

			const firstReply = await write(conversations[0], {
				content: 'Monday works',
				message_type: 'incoming',
			});
			const firstDone = await finished(flows.first.id, first.execution.id);
			expect(firstDone.status).toBe('success');
			const output = hueChatOutput(firstDone);
			expect(output).toMatchObject({
				reply: { id: firstReply.id, content: 'Monday works' },
				conversation_id: conversations[0],
				sent_message_id: first.sent.id,
			});
			expect(JSON.stringify(firstDone)).not.toContain(token);
			expect(JSON.stringify(firstDone)).not.toContain(first.subscription.secret);
			await waitFor('every subscription deleted', () => subscriptions().length === 0);
			console.log(`[reply] subscriptions left after both replies: ${subscriptions().length}`);
		}));

	it('the wait limit ends the wait with an output that says it timed out; the next wait removes its subscription', () =>
		n8n.guard(async () => {
			const timedOut = await start(flows.timeout, 'ASK-TIMEOUT');
			const execution = await finished(flows.timeout.id, timedOut.execution.id);
			expect(execution.status).toBe('success');
			expect(hueChatOutput(execution)).toEqual({
				reply: null,
				conversation_id: timedOut.sent.conversation_id,
				sent_message_id: timedOut.sent.id,
				timed_out: true,
			});
			// n8n did not call the node: the subscription is still there
			expect(subscriptions().map((subscription) => subscription.id)).toEqual([
				timedOut.subscription.id,
			]);
			console.log(`[reply] subscriptions left after a time-out: ${subscriptions().length}`);

			const next = await start(flows.first, 'ASK-FIRST');
			expect(subscriptions().map((subscription) => subscription.id)).toEqual([
				next.subscription.id,
			]);
			console.log(
				`[reply] subscriptions after the next wait started (its own): ${subscriptions().length}`,
			);
			await write(conversations[0], { content: 'Tuesday then', message_type: 'incoming' });
			const done = await finished(flows.first.id, next.execution.id);
			expect(hueChatOutput(done)).toMatchObject({ reply: { content: 'Tuesday then' } });
			await waitFor('every subscription deleted', () => subscriptions().length === 0);
			console.log(`[reply] subscriptions left after its reply: ${subscriptions().length}`);
		}));

	// per way of ending; HUECHAT_WAIT_ENDINGS=50 for the 100 waits (each new wait asks n8n about the others)
	const ENDINGS = Number(process.env.HUECHAT_WAIT_ENDINGS ?? 3);

	it(
		`${ENDINGS * 2} waits stopped or deleted in n8n leave no subscription once the next starts; unpublishing does not end a wait`,
		() =>
			n8n.guard(async () => {
				/** Starts one wait and returns its execution's id once it waits with its subscription active. */
				const startWait = async (flow: { id: string; path: string }): Promise<string> => {
					const known = new Set(
						(await n8n.allExecutions({ workflowId: flow.id })).map((e) => e.id),
					);
					await waitFor(`the webhook ${flow.path}`, async () =>
						(await fetch(`${n8n.baseUrl}/webhook/${flow.path}`)).status === 200 ? true : undefined,
					);
					const id = await waitFor(`a new waiting execution of ${flow.id}`, async () => {
						const all = await n8n.allExecutions({ workflowId: flow.id, status: 'waiting' });
						return all.find((execution) => !known.has(execution.id))?.id;
					});
					await waitFor(`the subscription of ${id}`, () =>
						subscriptions().some(
							(subscription) =>
								subscription.active && subscription.url.includes(`/webhook-waiting/${id}/`),
						),
					);
					return id;
				};
				const subscriptionsOf = (ids: string[]) =>
					subscriptions().filter((subscription) =>
						ids.some((id) => subscription.url.includes(`/webhook-waiting/${id}/`)),
					);
				// (a wait that timed out is deleted by its passed limit: the test above)
				// all waiting before any ends: a wait that starts already deletes the subscriptions of those that ended
				const ended: string[] = [];
				for (let wait = 0; wait < ENDINGS * 2; wait++) ended.push(await startWait(flows.first));
				// a wait whose workflow is unpublished keeps waiting, so its subscription must stay
				const unpublished = await startWait(flows.first);
				for (const [index, id] of ended.entries())
					if (index % 2) await n8n.api('DELETE', `/executions/${id}`);
					else await n8n.rest('POST', `/rest/executions/${id}/stop`, {});
				// n8n called no node when these ended: their subscriptions are all still there
				expect(subscriptionsOf(ended)).toHaveLength(ended.length);

				await n8n.unpublishWorkflow(flows.first.id);
				// each new wait asks n8n about at most 10 others: as many new waits as that takes
				const started = Date.now();
				const next: string[] = [];
				while (subscriptionsOf(ended).length > 0 && next.length < Math.ceil(ended.length / 10) + 3)
					next.push(await startWait(flows.second));
				const left = subscriptionsOf(ended).length;
				console.log(
					`[reply] ${ended.length} waits stopped or deleted: ${left} subscriptions left after ${next.length} new wait(s) (${Date.now() - started} ms)`,
				);
				expect(left).toBe(0);
				if (ended.length < 10) expect(next).toHaveLength(1);
				expect(subscriptionsOf([unpublished, ...next])).toHaveLength(1 + next.length);

				await write(conversations[0], { content: 'still there?', message_type: 'incoming' });
				await write(conversations[1], { content: 'blue', message_type: 'incoming' });
				for (const [workflowId, id] of [
					[flows.first.id, unpublished],
					...next.map((id) => [flows.second.id, id]),
				])
					expect(hueChatOutput(await finished(workflowId, id))).toMatchObject({ reply: {} });
				await waitFor('every subscription deleted', () => subscriptions().length === 0);
				await n8n.publishWorkflow(flows.first.id);
			}),
		Math.max(300_000, ENDINGS * 20_000),
	);

	it('a wait sent to a contact by email resumes on that contact’s reply in the conversation it used', () =>
		n8n.guard(async () => {
			const waiting = await start(flows.contact, 'ASK-CONTACT');
			// the contact was created (with its name) and a conversation started for it in the inbox
			const contact = (
				sim.control.collection('contacts') as Array<{ id: number; email: string; name: string }>
			).find((candidate) => candidate.email === contactEmail);
			expect(contact).toMatchObject({ name: 'Wait Contact' });
			const used = storedConversations().filter(
				(conversation) => conversation.contact_id === contact!.id,
			);
			expect(used).toHaveLength(1);
			expect(used[0].inbox_id).toBe(apiInbox);

			// an agent's message there does not end the wait; the contact's reply there does
			await write(used[0].display_id, { content: 'AGENT: still there?', message_type: 'outgoing' });
			expect((await deliveriesTo(waiting.subscription.id, 1))[0].status).toBe(200);
			expect(await statusOf(flows.contact.id, waiting.execution.id)).toBe('waiting');
			const reply = await write(used[0].display_id, {
				content: 'Friday is fine',
				message_type: 'incoming',
			});
			const done = await finished(flows.contact.id, waiting.execution.id);
			expect(done.status).toBe('success');
			expect(hueChatOutput(done)).toMatchObject({
				reply: { id: reply.id, content: 'Friday is fine', sender: { type: 'contact' } },
				conversation_id: used[0].display_id,
				contact_id: contact!.id,
				sent_message_id: waiting.sent.id,
			});
			await waitFor('its subscription deleted', () =>
				subscriptions().every((subscription) => subscription.id !== waiting.subscription.id),
			);
		}));
});
