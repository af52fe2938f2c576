import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { mergeSharedProperties } from '../../shared/descriptions/merge';
import { aiAgentDescription } from './aiAgent';
import { broadcastDescription } from './broadcast';
import { contactListDescription } from './contactList';
import { dealDescription } from './deal';
import { pipelineDescription } from './pipeline';
import { templateDescription } from './template';
import { ticketDescription } from './ticket';
import { accountWebhookDescription } from './accountWebhook';
import { agentDescription } from './agent';
import { cannedResponseDescription } from './cannedResponse';
import { contactDescription } from './contact';
import { conversationDescription } from './conversation';
import { customAttributeDescription } from './customAttribute';
import { inboxDescription } from './inbox';
import { labelDescription } from './label';
import { messageDescription } from './message';
import { outboundWebhookDescription } from './outboundWebhook';
import { teamDescription } from './team';

/** Every resource of the node: its entry in the Resource dropdown and its operations and fields. One line each. */
const RESOURCES: Array<{ option: INodePropertyOptions; properties: INodeProperties[] }> = [
	{ option: { name: 'Broadcast', value: 'broadcast' }, properties: broadcastDescription },
	{ option: { name: 'Template', value: 'template' }, properties: templateDescription },
	{ option: { name: 'Contact List', value: 'contactList' }, properties: contactListDescription },
	{ option: { name: 'Ticket', value: 'ticket' }, properties: ticketDescription },
	{ option: { name: 'Pipeline', value: 'pipeline' }, properties: pipelineDescription },
	{ option: { name: 'Deal', value: 'deal' }, properties: dealDescription },
	{ option: { name: 'AI Agent', value: 'aiAgent' }, properties: aiAgentDescription },
	{ option: { name: 'Contact', value: 'contact' }, properties: contactDescription },
	{ option: { name: 'Conversation', value: 'conversation' }, properties: conversationDescription },
	{ option: { name: 'Message', value: 'message' }, properties: messageDescription },
	{ option: { name: 'Inbox', value: 'inbox' }, properties: inboxDescription },
	{ option: { name: 'Agent', value: 'agent' }, properties: agentDescription },
	{ option: { name: 'Team', value: 'team' }, properties: teamDescription },
	{ option: { name: 'Label', value: 'label' }, properties: labelDescription },
	{
		option: { name: 'Canned Response', value: 'cannedResponse' },
		properties: cannedResponseDescription,
	},
	{
		option: { name: 'Custom Attribute', value: 'customAttribute' },
		properties: customAttributeDescription,
	},
	{
		option: { name: 'Account Webhook', value: 'accountWebhook' },
		properties: accountWebhookDescription,
	},
	{
		option: { name: 'Outbound Webhook', value: 'outboundWebhook' },
		properties: outboundWebhookDescription,
	},
];

/** The Resource dropdown's options, alphabetical as n8n's guidelines want. */
export const resourceOptions = RESOURCES.map((resource) => resource.option).sort((a, b) =>
	a.name.localeCompare(b.name),
);

/** Every resource's properties, as the resources define them. */
export const definedProperties = RESOURCES.flatMap((resource) => resource.properties);

/** The node's: a property several operations define alike once (see mergeSharedProperties). */
export const resourceProperties = mergeSharedProperties(definedProperties);
