/**
 * What n8n's editor shows for the trigger outside its panel. The nodes panel lists a trigger's events as actions:
 * an event option's `action`, or else "On " and the option's name lower-cased whole (n8n 2.41.1's editor), which
 * turned "AI Agent Handoff" into "On ai agent handoff".
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { HueChatTrigger } from '../../nodes/HueChatTrigger/HueChatTrigger.node';

const eventProperties = new HueChatTrigger().description.properties.filter((property) =>
	['events', 'accountEvents'].includes(property.name),
);

describe('HueChat Trigger in the nodes panel', () => {
	it('has the v2 and the v1 event lists', () => {
		expect(eventProperties).toHaveLength(2);
	});

	it('lists every event as "On <event>", in sentence case with AI kept upper case', () => {
		const actions = eventProperties.flatMap((property) =>
			(property.options as INodePropertyOptions[]).map((option) => option.action),
		);
		expect(actions).toContain('On AI agent handoff');
		expect(actions).toContain('On message created');
		expect(actions).toContain('On all events');
		for (const text of actions) expect(text).toMatch(/^On [a-zA-Z]/);
		expect(actions.filter((text) => /\bai\b/.test(text ?? ''))).toEqual([]);
	});
});
