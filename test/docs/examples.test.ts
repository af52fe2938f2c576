/**
 * The example workflows as a user opens them in n8n's editor: every example explains itself on a sticky note, no
 * node covers a sticky note's text, and an MCP Server Trigger never publishes HueChat's tools without authentication
 * (its tools act with the HueChat token: an open endpoint lets anyone message the customers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface WorkflowNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
	id?: string;
	webhookId?: string;
}

const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');
const STICKY_NOTE = 'n8n-nodes-base.stickyNote';
/** A node's box on the canvas: n8n draws a node from its position, 100 × 100 (wider for a trigger with a tools input, which the margin covers). */
const NODE_SIZE = 100;
/** n8n's default size of a sticky note whose width or height is not set. */
const STICKY_DEFAULT = { width: 240, height: 160 };

const examples = readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({
		file,
		nodes: (JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as { nodes: WorkflowNode[] })
			.nodes,
	}));

function overlaps(node: WorkflowNode, sticky: WorkflowNode): boolean {
	const [x, y] = node.position;
	const [left, top] = sticky.position;
	const right = left + Number(sticky.parameters.width ?? STICKY_DEFAULT.width);
	const bottom = top + Number(sticky.parameters.height ?? STICKY_DEFAULT.height);
	return x + NODE_SIZE > left && x < right && y + NODE_SIZE > top && y < bottom;
}

/** Nodes lying on a sticky note, as `file: node on sticky`. */
function nodesOnStickyNotes(file: string, nodes: WorkflowNode[]): string[] {
	const stickies = nodes.filter((node) => node.type === STICKY_NOTE);
	return nodes
		.filter((node) => node.type !== STICKY_NOTE)
		.flatMap((node) =>
			stickies
				.filter((sticky) => overlaps(node, sticky))
				.map((sticky) => `${file}: ${node.name} on ${sticky.name}`),
		);
}

describe('examples/*.json in the editor', () => {
	it('there are examples', () => {
		expect(examples.length).toBeGreaterThanOrEqual(7);
	});

	it('every example has a sticky note that explains it', () => {
		const without = examples.filter(
			({ nodes }) =>
				!nodes.some(
					(node) => node.type === STICKY_NOTE && String(node.parameters.content).startsWith('## '),
				),
		);
		expect(without.map(({ file }) => file)).toEqual([]);
	});

	it('no node lies on a sticky note', () => {
		expect(examples.flatMap(({ file, nodes }) => nodesOnStickyNotes(file, nodes))).toEqual([]);
	});

	it('sees a node lying on a sticky note', () => {
		const sticky: WorkflowNode = {
			name: 'Sticky Note',
			type: STICKY_NOTE,
			position: [-60, -300],
			parameters: { width: 1160, height: 240 },
		};
		const node = (position: [number, number]): WorkflowNode => ({
			name: 'AI agents',
			type: 'n8n-nodes-huechat.hueChat',
			position,
			parameters: {},
		});
		expect(nodesOnStickyNotes('x.json', [sticky, node([460, -100])])).toEqual([
			'x.json: AI agents on Sticky Note',
		]);
		expect(nodesOnStickyNotes('x.json', [sticky, node([460, -40])])).toEqual([]);
	});

	it('every node id and webhook id is a UUID (n8n on PostgreSQL keeps 36 characters, SQLite any length)', () => {
		const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
		const wrong = examples.flatMap(({ file, nodes }) =>
			nodes.flatMap((node) =>
				(['id', 'webhookId'] as const)
					.filter((key) => node[key] !== undefined && !uuid.test(String(node[key])))
					.map((key) => `${file}: ${node.name} ${key}`),
			),
		);
		expect(wrong).toEqual([]);
	});

	it('every MCP Server Trigger requires a credential', () => {
		const triggers = examples.flatMap(({ file, nodes }) =>
			nodes
				.filter((node) => node.type === '@n8n/n8n-nodes-langchain.mcpTrigger')
				.map((node) => ({ file, node })),
		);
		expect(triggers.length).toBeGreaterThan(0);
		for (const { file, node } of triggers) {
			const authentication = String(node.parameters.authentication ?? 'none');
			expect({ file, authentication }).toEqual({
				file,
				authentication: expect.stringMatching(/^(bearerAuth|headerAuth)$/),
			});
			expect(Object.keys(node.credentials ?? {})).toEqual([
				authentication === 'bearerAuth' ? 'httpBearerAuth' : 'httpHeaderAuth',
			]);
		}
	});
});
