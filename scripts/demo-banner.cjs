// `npm start`'s banner: waits until n8n answers its readiness check, then prints the editor's URL, the login and the
// two curls that show the published auto-answer workflow at work (a customer writes in; n8n's answer appears).
// Usage: node scripts/demo-banner.cjs N8N_URL EMAIL PASSWORD STARTED_MS SIMULATOR_URL TOKEN
'use strict';
const [n8nUrl, email, password, startedMs, simulatorUrl, token] = process.argv.slice(2);
const READY_WITHIN_MS = 180_000;

const messages = `${simulatorUrl}/api/v1/accounts/1/conversations/1/messages`;
const auth = `-H 'api_access_token: ${token}'`;
const writeIn = `curl -s ${messages} ${auth} -H 'content-type: application/json' -d '{"content":"Hi, where is my order?","message_type":"incoming"}'`;
// the conversation's newest messages, oldest first: the last two are the customer's and n8n's answer
const readAnswer = `curl -s ${messages} ${auth} | grep -o '"content":"[^"]*"' | tail -n 2`;

function banner(seconds) {
	const rule = '================================================================';
	return [
		'',
		rule,
		` n8n is ready (${seconds} s after it was started): ${n8nUrl}`,
		` login     ${email}`,
		` password  ${password}`,
		' open the workflow "HueChat: contacts and conversations" and click "Execute workflow"',
		' "HueChat: auto-answer new incoming messages" is published: write in as a customer with',
		`   ${writeIn}`,
		" then, a second later, read the conversation's last two messages: yours and n8n's answer",
		`   ${readAnswer}`,
		" (the workflow's Executions tab in n8n shows the run)",
		` simulator: ${simulatorUrl}, the requests it received: ${simulatorUrl}/__sim/requests`,
		' Ctrl-C stops n8n and the simulator',
		rule,
		'',
	]
		.map((line) => (line ? `[huechat] ${line}` : line))
		.join('\n');
}

const deadline = Date.now() + READY_WITHIN_MS;
(async function poll() {
	try {
		if ((await fetch(`${n8nUrl}healthz/readiness`)).ok) {
			console.log(banner(((Date.now() - Number(startedMs)) / 1000).toFixed(1)));
			return;
		}
	} catch {
		// not listening yet
	}
	if (Date.now() > deadline) {
		console.error(`[huechat] n8n did not become ready within ${READY_WITHIN_MS / 1000} s`);
		return;
	}
	setTimeout(poll, 250);
})();
