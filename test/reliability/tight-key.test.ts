/**
 * Tight key: 300 message creates in one execution under a key allowing 60 requests a window. The pacer must keep the
 * batch inside the limit (0 failed items, 0 duplicates) and finish close to the fastest the limit allows. Windows are
 * fixed, so 300 requests need the rest of the first window plus three more full ones. HueChat's windows are 60 s (a
 * 60 RPM key); the simulator's are 15 s here: the same requests per window and the same number of windows for the
 * pacer to cross, in a quarter of the time.
 */
import { runHueChat } from '../helpers/routing';
import { startFixture, type SimulatorFixture } from '../helpers/simulator';
import { recordFigures } from './figures';

let fx: SimulatorFixture;
const WINDOW_S = 15;
/** The key's limit, per window of the simulator's (its windows are WINDOW_S long). */
const PER_WINDOW = 60;
const CREATES = 300;

beforeAll(async () => {
	fx = await startFixture({ windowSeconds: WINDOW_S });
});
afterAll(async () => fx.sim.close());

it(`${CREATES} message creates under a key allowing ${PER_WINDOW} a ${WINDOW_S}-second window: none fails, none duplicated, close to the minimum time`, async () => {
	const credentials = await fx.credentialsWith({ rpm: PER_WINDOW });
	const items = Array.from({ length: CREATES }, (_, i) => ({ text: `tight ${i}` }));
	const started = Date.now();
	const { items: output } = await runHueChat({
		credentials,
		continueOnFail: true,
		items,
		parameters: {
			resource: 'message',
			operation: 'create',
			conversationId: { __rl: true, mode: 'id', value: '2' },
			messageContent: '={{ $json.text }}',
		} as never,
	});
	const elapsedS = (Date.now() - started) / 1000;
	const firstWindowLeftS = WINDOW_S - ((started / 1000) % WINDOW_S);
	const minimumS = firstWindowLeftS + (Math.ceil(CREATES / PER_WINDOW) - 2) * WINDOW_S;
	const failed = output.filter((item) => item.error).length;
	const stored = (
		(await fx.sim.control.collection('messages')) as Array<{ content: string }>
	).filter((m) => m.content?.startsWith('tight '));
	const duplicates = stored.length - new Set(stored.map((m) => m.content)).size;
	const rejected = (await fx.requests()).filter((r) => r.status === 429).length;
	recordFigures({
		'tight key creates': CREATES,
		'tight key failed items': failed,
		'tight key duplicates': duplicates,
		'tight key 429 answers': rejected,
		'tight key elapsed s': Number(elapsedS.toFixed(1)),
		'tight key minimum s': Number(minimumS.toFixed(1)),
		'tight key ratio to minimum': Number((elapsedS / minimumS).toFixed(3)),
	});
	expect(output).toHaveLength(CREATES);
	expect(failed).toBe(0);
	expect(duplicates).toBe(0);
	expect(stored).toHaveLength(CREATES);
});
