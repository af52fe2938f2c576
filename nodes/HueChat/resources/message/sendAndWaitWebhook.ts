import type {
	IDataObject,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { escapeHtml, formHtml, readFormAnswer, type FormField } from './sendAndWaitForm';
import { OPTIONS } from './sendAndWait.operation';
import { replyWebhook } from './sendAndWaitForReply.operation';

/**
 * The waiting webhook of Send and Wait for Approval. n8n checks the link's signature before this runs, so only a
 * link the node posted reaches it; this turns the answer into the node's output (`data.approved`, `data.text`).
 */

/** One GET (following a link, or opening the answer page) and one POST (the answer page's form), per node. */
export const sendAndWaitWebhooks: IWebhookDescription[] = ['GET', 'POST'].map((httpMethod) => ({
	name: 'default',
	httpMethod: httpMethod as IWebhookDescription['httpMethod'],
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
}));

/**
 * Link previews (chat apps, mail scanners, unfurlers) fetch a link before anyone clicks it; an approval link must not
 * count such a fetch as an answer.
 */
const PREVIEW_AGENT =
	/bot|crawl|spider|preview|slurp|facebookexternalhit|whatsapp|slack|teams|skype|discord|telegram/i;

function page(title: string, body: string): string {
	return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>*{box-sizing:border-box}[role=alert]{color:#b91c1c}body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2937}textarea{width:100%;min-height:8rem;font:inherit}input,select{width:100%;font:inherit;padding:.25rem}label{display:block;margin-top:.75rem}button{margin-top:1rem;padding:.5rem 1.25rem;font:inherit}</style></head><body>${body}</body></html>`;
}

const RECORDED = page(
	'Answer recorded',
	'<h1>Thank you</h1><p>Your answer was recorded. You can close this page.</p>',
);

function answerPage(title: string, question: string): string {
	return page(
		title,
		`<h1>${escapeHtml(title)}</h1><p style="white-space:pre-wrap">${escapeHtml(question)}</p>` +
			'<form method="post"><label for="text">Your answer</label>' +
			'<textarea id="text" name="text" required></textarea><button type="submit">Send</button></form>',
	);
}

async function approvalWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const response = this.getResponseObject();
	const responseType = this.getNodeParameter('responseType', 'approval') as string;
	const respondedAt = new Date().toISOString();

	if (responseType === 'customForm') {
		const fields = (
			(this.getNodeParameter('formFields', {}) as { values?: FormField[] }).values ?? []
		).filter((field) => field.fieldLabel);
		const title = String(this.getNodeParameter(`${OPTIONS}.pageTitle`, '') || 'Your answer');
		const question = `<h1>${escapeHtml(title)}</h1><p style="white-space:pre-wrap">${escapeHtml(
			String(this.getNodeParameter('message', '') ?? ''),
		)}</p>`;
		if (request.method === 'GET') {
			response
				.status(200)
				.type('html')
				.send(page(title, question + formHtml(fields)));
			return { noWebhookResponse: true };
		}
		const read = readFormAnswer(fields, (this.getBodyData() ?? {}) as IDataObject);
		if ('problem' in read) {
			// a wrong answer does not end the wait: the form is shown again, saying what is wrong
			response
				.status(400)
				.type('html')
				.send(page(title, question + formHtml(fields, read.problem)));
			return { noWebhookResponse: true };
		}
		return {
			webhookResponse: RECORDED,
			workflowData: [[{ json: { data: { ...read.answer, respondedAt } } }]],
		};
	}

	if (responseType === 'freeText') {
		if (request.method === 'GET') {
			const question = String(this.getNodeParameter('message', '') ?? '');
			const title = String(this.getNodeParameter(`${OPTIONS}.pageTitle`, '') || 'Your answer');
			response.status(200).type('html').send(answerPage(title, question));
			return { noWebhookResponse: true };
		}
		const body = (this.getBodyData() ?? {}) as IDataObject;
		const text = String(body.text ?? (body.data as IDataObject | undefined)?.text ?? '').trim();
		if (!text) {
			// an empty answer does not end the wait: the page is shown again
			response.status(400).type('html').send(answerPage('Your answer', 'Please type an answer.'));
			return { noWebhookResponse: true };
		}
		return {
			webhookResponse: RECORDED,
			workflowData: [[{ json: { data: { text, respondedAt } } }]],
		};
	}

	const agent = String(request.headers['user-agent'] ?? '');
	if (request.method !== 'GET' || !agent || PREVIEW_AGENT.test(agent)) {
		response.status(200).send('');
		return { noWebhookResponse: true };
	}
	const approved = this.getQueryData() as IDataObject;
	return {
		webhookResponse: RECORDED,
		workflowData: [[{ json: { data: { approved: approved.approved === 'true', respondedAt } } }]],
	};
}

/** The node's one `webhook()`, for both waiting operations: each reads its own answers. */
export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const answers =
		this.getNodeParameter('operation', '') === 'sendAndWaitForReply'
			? replyWebhook
			: approvalWebhook;
	return await answers.call(this);
}

/**
 * The node's `webhook`, offered only to n8n's webhook service (which runs it when a waiting execution's link is
 * followed). n8n 2.41.1 reads `nodeType.webhook` elsewhere too, and a declarative node that has one loses the most:
 * WorkflowExecute.prepareConnectionInputData then hands its routed operations no input items, so every `$json`
 * expression fails ("Node 'HueChat' hasn't been executed"), and the loader skips its declarative request options.
 * The waiting webhook is the one caller that needs it: WebhookService.runWebhook.
 */
export function webhookForResume(): typeof sendAndWaitWebhook | undefined {
	const stack = new Error().stack ?? '';
	return /\brunWebhook\b/.test(stack) ? sendAndWaitWebhook : undefined;
}
