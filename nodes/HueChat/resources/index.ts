import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { contactDescription } from './contact';
import { conversationDescription } from './conversation';
import { messageDescription } from './message';

/** Every resource of the node: its entry in the Resource dropdown and its operations and fields. One line each. */
const RESOURCES: Array<{ option: INodePropertyOptions; properties: INodeProperties[] }> = [
	{ option: { name: 'Contact', value: 'contact' }, properties: contactDescription },
	{ option: { name: 'Conversation', value: 'conversation' }, properties: conversationDescription },
	{ option: { name: 'Message', value: 'message' }, properties: messageDescription },
];

/** The Resource dropdown's options, alphabetical as n8n's guidelines want. */
export const resourceOptions = RESOURCES.map((resource) => resource.option).sort((a, b) => a.name.localeCompare(b.name));

export const resourceProperties = RESOURCES.flatMap((resource) => resource.properties);
