import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/transport/api';
import { idLocator } from '../shared/descriptions/builders';
import { listSearch } from '../shared/methods/listSearch';
import { v1EventOptions, v2EventOptions } from '../shared/descriptions/webhookEvents';
import { receiveDelivery } from './deliveries';
import { mayStart } from './startNotices';
import { createSubscription, deleteSubscription, subscriptionExists } from './subscriptions';

export class HueChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HueChat Trigger',
		name: 'hueChatTrigger',
		icon: { light: 'file:huechat.svg', dark: 'file:huechat.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1; n8n evaluates a legacy per-request expression for start nodes of version 1 only.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ ($parameter["api"] === "v1" ? $parameter["accountEvents"] : $parameter["events"]).join(", ") }}',
		description:
			'Starts the workflow when something happens in HueChat: messages, conversations, contacts, deals and more',
		defaults: { name: 'HueChat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		// The trigger panel's help, where a user testing a published workflow meets what the published version does
		triggerPanel: {
			executionsHelp: {
				inactive:
					'While you listen for a test event, the trigger subscribes the test URL in HueChat; the first selected event that arrives is shown here and the subscription is removed again. <b>Publish</b> the workflow to run it on every event.',
				active:
					'This workflow is published: every selected event already runs it (see Executions). Listening here adds a test subscription next to it: the <b>first</b> event that arrives is shown and runs the workflow once more in the editor, its nodes acting for real (an auto-answer sends a second answer). Events the published workflow causes itself, such as its answer to the message you send, reach the test URL too but are not taken as the test event; <b>Only Incoming Messages</b> skips them altogether.',
			},
		},
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// refusals, duplicates and skips are answered by webhook() itself; an accepted delivery by n8n once the
				// execution is recorded (deliveries.ts). HueChat wants an answer within 10 s.
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Webhook Type',
				name: 'api',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Outbound Webhook (Recommended)',
						value: 'v2',
						description:
							'Every HueChat event (messages, conversations, contacts, tickets, deals, broadcasts, …), signed as Standard Webhooks',
					},
					{
						name: 'Account Webhook (Chatwoot-Compatible)',
						value: 'v1',
						description:
							"Chatwoot's event names and payloads, signed with X-Chatwoot-Signature, for flows built for Chatwoot",
					},
				],
				default: 'v2',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: v2EventOptions(true),
				default: [],
				required: true,
				displayOptions: { show: { api: ['v2'] } },
				description: 'The events that start the workflow',
			},
			{
				displayName: 'Events',
				name: 'accountEvents',
				type: 'multiOptions',
				options: v1EventOptions(),
				default: [],
				required: true,
				displayOptions: { show: { api: ['v1'] } },
				description: 'The Chatwoot events that start the workflow',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						...idLocator(
							{
								name: 'inbox',
								displayName: 'Inbox',
								searchMethod: 'searchInboxes',
								required: false,
							},
							undefined,
						),
						description:
							'Start only for events of this inbox. Events that belong to no inbox (contacts, deals, …) still start it.',
					},
					{
						displayName: 'Only Incoming Messages',
						name: 'onlyIncoming',
						type: 'boolean',
						default: false,
						description:
							'Whether message events start the workflow only for messages from contacts; outgoing messages, private notes and templates are skipped. Other events are not affected.',
					},
				],
			},
		],
	};

	methods = { listSearch: { searchInboxes: listSearch.searchInboxes } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscriptionExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createSubscription(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this);
	}

	/**
	 * n8n runs this when an execution reaches the trigger, with the item webhook() handed it. It tells the delivery
	 * the execution has started (its answer waits for that; on a worker by a start notice), and passes on nothing for
	 * an attempt whose answer gave up waiting or an event that already started: HueChat's retry runs it once
	 * (recording.ts, startNotices.ts).
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const kept: INodeExecutionData[] = [];
		for (const item of this.getInputData()) {
			const passed = await mayStart(this, item);
			if (passed) kept.push(passed);
		}
		return [kept];
	}
}
