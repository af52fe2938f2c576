import type { IExecuteFunctions } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION, WAIT_INDEFINITELY } from 'n8n-workflow';

import { HueChat } from '../../nodes/HueChat/HueChat.node';
import {
	composeMessage,
	execute,
} from '../../nodes/HueChat/resources/message/sendAndWait.operation';
import {
	formHtml,
	readFormAnswer,
	type FormField,
} from '../../nodes/HueChat/resources/message/sendAndWaitForm';
import { waitLimit } from '../../nodes/HueChat/resources/message/waiting';
import { sendAndWaitWebhook } from '../../nodes/HueChat/resources/message/sendAndWaitWebhook';

/** A stand-in for n8n's execute context: parameters from a plain object, signed URLs made up. */
function context(parameters: Record<string, unknown>, continueOnFail = false): IExecuteFunctions {
	const read = (name: string, fallback: unknown) => {
		let value: unknown = { resource: 'message', operation: 'sendAndWait', ...parameters };
		for (const key of name.split('.')) value = (value as Record<string, unknown>)?.[key];
		return value ?? fallback;
	};
	return {
		getNode: () => ({ name: 'HueChat' }),
		getNodeParameter: (name: string, _item: number, fallback: unknown) => read(name, fallback),
		continueOnFail: () => continueOnFail,
		getSignedResumeUrl: (query: Record<string, string>) =>
			`http://n8n/webhook-waiting/1/node?approved=${query.approved}&signature=s`,
	} as unknown as IExecuteFunctions;
}

describe('Message → Send and Wait for Approval', () => {
	it('is offered with the exact operation value n8n generates human-review tools for, with restart webhooks', () => {
		const description = new HueChat().description;
		const operation = description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes('message'),
		);
		expect(operation?.options?.map((option) => (option as { value: string }).value)).toContain(
			SEND_AND_WAIT_OPERATION,
		);
		expect(description.webhooks?.map((webhook) => webhook.httpMethod)).toEqual(['GET', 'POST']);
		expect(description.webhooks?.every((webhook) => webhook.restartWebhook === true)).toBe(true);
		expect(new HueChat().customOperations.message[SEND_AND_WAIT_OPERATION]).toBe(execute);
	});

	it('offers its webhook to n8n’s webhook service only, so routed operations keep their input items', () => {
		const node = new HueChat();
		expect(node.webhook).toBeUndefined();
		function runWebhook() {
			return node.webhook;
		}
		expect(runWebhook()).toBe(sendAndWaitWebhook);
	});

	it('posts the question with one line per signed link', () => {
		expect(composeMessage(context({ message: 'Refund 40 EUR?' }))).toBe(
			'Refund 40 EUR?\n\n' +
				'Approve: http://n8n/webhook-waiting/1/node?approved=true&signature=s\n' +
				'Decline: http://n8n/webhook-waiting/1/node?approved=false&signature=s',
		);
		expect(
			composeMessage(
				context({
					message: 'Go?',
					approvalOptions: { approvalType: 'single', approveLabel: 'Yes' },
				}),
			),
		).toBe('Go?\n\nYes: http://n8n/webhook-waiting/1/node?approved=true&signature=s');
		expect(composeMessage(context({ message: 'Why?', responseType: 'freeText' }))).toBe(
			'Why?\n\nAnswer: http://n8n/webhook-waiting/1/node?approved=true&signature=s',
		);
		expect(
			composeMessage(
				context({
					message: 'Which?',
					responseType: 'customForm',
					messageSendAndWaitOptions: { answerLabel: 'Form' },
				}),
			),
		).toBe('Which?\n\nForm: http://n8n/webhook-waiting/1/node?approved=true&signature=s');
	});

	describe('Custom Form', () => {
		const fields: FormField[] = [
			{
				fieldLabel: 'Offer',
				fieldType: 'dropdown',
				fieldOptions: 'Refund, Voucher',
				requiredField: true,
			},
			{ fieldLabel: 'Amount (EUR)', fieldType: 'number' },
			{ fieldLabel: 'Reply to', fieldType: 'email' },
			{ fieldLabel: 'Note <for the team>', fieldType: 'textarea' },
		];

		it('answers keyed by the field labels, numbers as numbers, empty optional fields empty', () => {
			expect(
				readFormAnswer(fields, { field_0: 'Voucher', field_1: ' 25.5 ', field_2: 'a@b.example' }),
			).toEqual({
				answer: {
					Offer: 'Voucher',
					'Amount (EUR)': 25.5,
					'Reply to': 'a@b.example',
					'Note <for the team>': '',
				},
			});
		});

		it('refuses a wrong answer naming the field, so the form is shown again', () => {
			expect(readFormAnswer(fields, {})).toEqual({ problem: "'Offer' is required" });
			// n8n's multipart parsing: { data: fields, files }
			expect(readFormAnswer(fields, { data: { field_0: 'Refund' }, files: {} })).toMatchObject({
				answer: { Offer: 'Refund' },
			});
			expect(readFormAnswer(fields, { field_0: 'Cash' })).toEqual({
				problem: "'Offer' must be one of: Refund, Voucher",
			});
			expect(readFormAnswer(fields, { field_0: 'Refund', field_1: 'ten' })).toEqual({
				problem: "'Amount (EUR)' must be a number",
			});
			expect(readFormAnswer(fields, { field_0: 'Refund', field_2: 'nobody' })).toEqual({
				problem: "'Reply to' must be an email address",
			});
		});

		it('renders every field, its label escaped, the problem on top', () => {
			const html = formHtml(fields, "'Offer' is required");
			expect(html).toContain('<p role="alert"><strong>&#39;Offer&#39; is required</strong></p>');
			expect(html).toContain('<select id="field_0" name="field_0" required>');
			expect(html).toContain('<option>Voucher</option>');
			expect(html).toContain('<input id="field_1" name="field_1" type="number">');
			expect(html).toContain('Note &lt;for the team&gt;');
			expect(html).not.toContain('<for the team>');
		});
	});

	it('refuses bad input naming the field', async () => {
		expect(() => composeMessage(context({ message: '  ' }))).toThrow("'Message'");
		await expect(execute.call(context({ message: 'x', conversationId: 'abc' }))).rejects.toThrow(
			"'Conversation'",
		);
		// under Continue On Fail: one error item, paired with the item the message was for
		const [[failed, ...more]] = await execute.call(
			context({ message: '  ', conversationId: 7 }, true),
		);
		expect(more).toEqual([]);
		expect(failed.json.error).toMatch("'Message'");
		expect(failed.pairedItem).toEqual({ item: 0 });
		expect(() =>
			waitLimit(
				context({
					messageSendAndWaitOptions: {
						limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 0 } },
					},
				}),
			),
		).toThrow('Amount');
		expect(() =>
			waitLimit(
				context({
					messageSendAndWaitOptions: {
						limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: 'soon' } },
					},
				}),
			),
		).toThrow('Max Date and Time');
	});

	it('waits until the limit: an interval from now, a date, or forever without one', () => {
		const before = Date.now();
		const limit = waitLimit(
			context({
				messageSendAndWaitOptions: {
					limitWaitTime: {
						values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'minutes' },
					},
				},
			}),
		).getTime();
		expect(limit - before).toBeGreaterThanOrEqual(120_000);
		expect(limit - Date.now()).toBeLessThanOrEqual(120_000);
		expect(
			waitLimit(
				context({
					messageSendAndWaitOptions: {
						limitWaitTime: {
							values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2030-01-02T03:04:05Z' },
						},
					},
				}),
			).toISOString(),
		).toBe('2030-01-02T03:04:05.000Z');
		expect(waitLimit(context({}))).toBe(WAIT_INDEFINITELY);
	});
});
