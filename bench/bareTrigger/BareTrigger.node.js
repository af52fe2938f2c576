// Bench only (bench/figureTrigger.ts installs this folder into the bench's n8n; it is not part of the published
// package): a community webhook trigger that returns the body as its one item. Same webhook settings and type
// version as the HueChat Trigger (POST, onReceived, noData, path `webhook`, 1.1), so n8n treats both alike.
'use strict';

class BareTrigger {
	constructor() {
		this.description = {
			displayName: 'Bare Trigger',
			name: 'bareTrigger',
			group: ['trigger'],
			version: [1, 1.1],
			defaultVersion: 1.1,
			description: 'Returns the body of each POST (bench only)',
			defaults: { name: 'Bare Trigger' },
			inputs: [],
			outputs: ['main'],
			webhooks: [
				{
					name: 'default',
					httpMethod: 'POST',
					responseMode: 'onReceived',
					responseData: 'noData',
					path: 'webhook',
				},
			],
			properties: [],
		};
	}

	async webhook() {
		return { workflowData: [[{ json: this.getBodyData() }]] };
	}
}

module.exports = { BareTrigger };
