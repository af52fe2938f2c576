// CLI: node simulator/main.ts [--port 4010] [--host 127.0.0.1] [--contacts 300] [--window-seconds 60] [--verbose]
// The port may also come from HUECHAT_SIM_PORT. Prints one line once listening; stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { closeOnSignals, startSimulator } from './server.ts';

function numberOption(name: string, raw: string | undefined, fallback: number): number {
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0) {
		process.stderr.write(`HueChat simulator: --${name} must be a non-negative number, got ${raw}\n`);
		process.exit(2);
	}
	return value;
}

const { values } = parseArgs({
	options: {
		port: { type: 'string' },
		host: { type: 'string' },
		contacts: { type: 'string' },
		'window-seconds': { type: 'string' },
		verbose: { type: 'boolean', default: false },
	},
	strict: true,
});

async function main(): Promise<void> {
	const simulator = await startSimulator({
		port: numberOption('port', values.port ?? process.env.HUECHAT_SIM_PORT, 4010),
		host: values.host ?? '127.0.0.1',
		contacts: Math.floor(numberOption('contacts', values.contacts, 300)),
		windowSeconds: numberOption('window-seconds', values['window-seconds'], 60),
		quiet: !values.verbose,
	});

	process.stdout.write(`HueChat simulator listening on ${simulator.url} (account ${simulator.accountId}, token ${simulator.demoToken})\n`);

	closeOnSignals(simulator);
}

main().catch((error: unknown) => {
	process.stderr.write(`HueChat simulator: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
