// CLI: node simulator/main.ts [--port 4010] [--host 127.0.0.1] [--contacts 300] [--window-seconds 60]
//      [--convention huechat|chatwoot] [--verbose]
// The port may also come from HUECHAT_SIM_PORT, the convention from HUECHAT_SIM_CONVENTION. Prints one line once
// listening; stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { parseConvention, type Convention } from './chatwoot.ts';
import { closeOnSignals, startSimulator } from './server.ts';

function numberOption(name: string, raw: string | undefined, fallback: number): number {
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0) {
		process.stderr.write(
			`HueChat simulator: --${name} must be a non-negative number, got ${raw}\n`,
		);
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
		convention: { type: 'string' },
		verbose: { type: 'boolean', default: false },
	},
	strict: true,
});

function conventionOption(raw: string | undefined): Convention {
	if (raw === undefined || raw === '') return 'huechat';
	try {
		return parseConvention(raw);
	} catch (error) {
		process.stderr.write(`HueChat simulator: --${(error as Error).message}, got ${raw}\n`);
		process.exit(2);
	}
}

async function main(): Promise<void> {
	const convention = conventionOption(values.convention ?? process.env.HUECHAT_SIM_CONVENTION);
	const simulator = await startSimulator({
		port: numberOption('port', values.port ?? process.env.HUECHAT_SIM_PORT, 4010),
		host: values.host ?? '127.0.0.1',
		contacts: Math.floor(numberOption('contacts', values.contacts, 300)),
		windowSeconds: numberOption('window-seconds', values['window-seconds'], 60),
		quiet: !values.verbose,
		convention,
	});

	const note = convention === 'huechat' ? '' : `, ${convention} convention`;
	process.stdout.write(
		`HueChat simulator listening on ${simulator.url} (account ${simulator.accountId}, token ${simulator.demoToken}${note})\n`,
	);

	closeOnSignals(simulator);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`HueChat simulator: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	process.exit(1);
});
