/**
 * What the compatibility suite asks of the devlikeapro Chatwoot node, operation by operation: the parameters a user
 * would fill in (the rest stay at the node's own defaults, as they do in the editor) and the outcome Chatwoot's
 * swagger and source predict. An operation whose path HueChat's OpenAPI document lacks is outside HueChat's v1 and
 * must be answered 404; every other one succeeds, or fails as the peer's own bug named here with the evidence.
 * The Chatwoot paths cited are of chatwoot/chatwoot (develop): swagger/ and app/.
 */

/** Records the operations act on: seeded by the simulator, or created through its API before the run. */
export interface Fixtures {
	accountId: number;
	/** An API inbox (needs no phone number or email), with members 1 and 2. */
	inboxId: number;
	/** A contact_inbox of contact 1 in that inbox: the source_id a conversation is opened with. */
	sourceId: string;
	/** Two account webhooks created for the run: one to update, one to delete. */
	webhookToUpdate: number;
	webhookToDelete: number;
	/** A message of conversation `messageConversation` to delete. */
	messageConversation: number;
	messageToDelete: number;
	/** A unique suffix for what the run creates (emails, names, URLs). */
	runId: string;
}

/** A failure that is the peer's own: what it sends wrong, why Chatwoot refuses it too, and HueChat's answer. */
export interface PeerBug {
	bug: string;
	/** Chatwoot's swagger or source that makes the request wrong. */
	evidence: string;
	/** The status the simulator answers. */
	status: number;
	/** What the peer sent that is wrong (matched against the recorded request's query and body). */
	sent: { query?: Record<string, unknown>; body?: Record<string, unknown> };
	/**
	 * When Chatwoot would accept the request and HueChat refuses it on purpose: the `topic` of the entry in the
	 * document's `x-chatwoot-deviations` that says why.
	 */
	deviation?: string;
}

export interface PeerOperation {
	parameters: (f: Fixtures) => Record<string, unknown>;
	/** Absent: the call succeeds. */
	peerBug?: PeerBug;
	/** A fault of the peer the call survives (it succeeds, but does not do what the user asked). */
	note?: string;
}

/** The peer sends every body field it generated, set or not: "" for a string, 0 for a number, its sample JSON. */
const BLANKS =
	'the peer sends every field the user left empty, as "" (its generator sends each body field unconditionally)';

/** `Resource › Operation`, as the peer's node description names them. */
export type OperationKey = string;

export const operationKey = (resource: string, operation: string): OperationKey =>
	`${resource} › ${operation}`;

const account = (f: Fixtures) => ({ account_id: f.accountId });
const json = (value: unknown) => JSON.stringify(value);

/**
 * Every operation whose path is in HueChat's v1; `coverage` in the suite fails when the peer's description and
 * this table disagree.
 */
export const IN_SCOPE: Record<OperationKey, PeerOperation> = {
	// ---- profile, agents -------------------------------------------------------------------------
	'Profile › Fetch Profile': { parameters: () => ({}) },
	'Agents › Get Account Agents': { parameters: account },
	'Agents › Add New Agent To Account': {
		parameters: (f) => ({
			...account(f),
			name: `Compat Agent ${f.runId}`,
			email: `compat-agent-${f.runId}@example.com`,
		}),
	},
	'Agents › Update Agent In Account': {
		parameters: (f) => ({ ...account(f), id: 3, role: 'agent', availability: 'busy' }),
	},
	'Agents › Delete Agent From Account': { parameters: (f) => ({ ...account(f), id: 4 }) },

	// ---- canned responses, custom attributes -----------------------------------------------------
	'Canned Responses › Get Account Canned Response': { parameters: account },
	'Canned Responses › Add New Canned Response To Account': {
		parameters: (f) => ({
			...account(f),
			short_code: `compat-${f.runId}`,
			content: 'Thanks, we are on it.',
		}),
	},
	'Canned Response › Update Canned Response In Account': {
		parameters: (f) => ({ ...account(f), id: 1, short_code: 'greeting', content: 'Hello again!' }),
	},
	'Canned Responses › Delete Canned Response From Account': {
		parameters: (f) => ({ ...account(f), id: 2 }),
	},
	'Custom Attributes › Get Account Custom Attribute': { parameters: account },
	'Custom Attributes › Add New Custom Attribute To Account': {
		peerBug: {
			bug: 'sends attribute_values [null], its placeholder for an array the swagger leaves untyped, when the user set none',
			evidence:
				'swagger/definitions/request/custom_attribute/create_update_payload.yml: attribute_values is `type: array` without items; Chatwoot would store [null]',
			status: 422,
			sent: { body: { attribute_values: [null] } },
			deviation: 'null among attribute_values',
		},

		parameters: (f) => ({
			...account(f),
			attribute_display_name: 'Compat Score',
			attribute_key: `compat_score_${f.runId}`,
			attribute_description: 'Set by the compatibility suite',
		}),
	},
	'Custom Attributes › Get Details Of A Single Custom Attribute': {
		parameters: (f) => ({ ...account(f), id: 1 }),
	},
	'Custom Attributes › Update Custom Attribute In Account': {
		peerBug: {
			bug: `${BLANKS}: attribute_key ""`,
			evidence:
				'app/models/custom_attribute_definition.rb: `validates :attribute_key, presence: true` (Chatwoot answers 422 too)',
			status: 422,
			sent: { body: { attribute_key: '' } },
		},

		parameters: (f) => ({
			...account(f),
			id: 2,
			attribute_display_name: 'Renamed by compat',
		}),
	},
	'Custom Attributes › Delete Custom Attribute From Account': {
		parameters: (f) => ({ ...account(f), id: 3 }),
	},

	// ---- contacts --------------------------------------------------------------------------------
	'Contacts › Contact List': { parameters: account },
	'Contacts › Contact Create': {
		parameters: (f) => ({
			...account(f),
			inbox_id: f.inboxId,
			name: `Compat Contact ${f.runId}`,
			email: `compat-${f.runId}@example.com`,
		}),
	},
	'Contacts › Contact Details': { parameters: (f) => ({ ...account(f), id: 1 }) },
	'Contacts › Contact Update': {
		parameters: (f) => ({ ...account(f), id: 2, name: 'Renamed by compat' }),
		note: 'succeeds, but blanks the email, phone number and identifier the user left empty: the peer sends every field, "" when unset',
	},
	'Contacts › Contact Delete': { parameters: (f) => ({ ...account(f), id: 3 }) },
	'Contacts › Contact Conversations': { parameters: (f) => ({ ...account(f), id: 1 }) },
	'Contacts › Contact Search': { parameters: (f) => ({ ...account(f), q: 'example.com' }) },
	'Contacts › Contact Filter': {
		parameters: (f) => ({
			...account(f),
			payload: json([
				{ attribute_key: 'name', filter_operator: 'contains', values: ['a'], query_operator: null },
			]),
		}),
	},
	'Contact › Contact Inbox Creation': {
		peerBug: {
			bug: `${BLANKS}: source_id ""`,
			evidence:
				'app/controllers/api/v1/accounts/contacts/contact_inboxes_controller.rb generates a source_id only when the parameter is absent (`params[:source_id] || SecureRandom.uuid`); app/models/contact_inbox.rb `validates :source_id, presence: true` (Chatwoot answers 422 too)',
			status: 422,
			sent: { body: { source_id: '' } },
		},

		parameters: (f) => ({ ...account(f), id: 4, inbox_id: f.inboxId }),
	},
	'Contact › Contactable Inboxes Get': { parameters: (f) => ({ ...account(f), id: 1 }) },

	// ---- conversations ---------------------------------------------------------------------------
	'Conversations › Conversation List Meta': {
		parameters: account,
		peerBug: {
			bug: 'sends team_id=0 (and inbox_id=0) when the user filters by no team',
			evidence:
				'swagger/paths/application/conversation/meta.yml: team_id is an optional integer; app/finders/conversation_finder.rb `current_account.teams.find(params[:team_id]) if params[:team_id]`: team 0 does not exist, 404',
			status: 404,
			sent: { query: { team_id: '0', inbox_id: '0' } },
		},
	},
	'Conversations › Conversation List': {
		parameters: account,
		peerBug: {
			bug: 'sends team_id=0 (and inbox_id=0) when the user filters by no team',
			evidence:
				'swagger/paths/application/conversation/index.yml: team_id is an optional integer; app/finders/conversation_finder.rb `current_account.teams.find(params[:team_id]) if params[:team_id]`: team 0 does not exist, 404',
			status: 404,
			sent: { query: { team_id: '0', inbox_id: '0' } },
		},
	},
	'Conversations › New Conversation': {
		parameters: (f) => ({
			...account(f),
			source_id: f.sourceId,
			inbox_id: String(f.inboxId),
			contact_id: '1',
		}),
		note: "succeeds, but stores the node's sample custom_attributes ({attribute_key: attribute_value, …}) and sample template message unless the user clears them",
	},
	'Conversations › Conversation Filter': {
		// the node's sample payload (`eq`, `not_eq`) uses operators Chatwoot's filter does not know; a user writes theirs
		parameters: (f) => ({
			...account(f),
			payload: json([
				{
					attribute_key: 'status',
					filter_operator: 'equal_to',
					values: ['open'],
					query_operator: null,
				},
			]),
		}),
	},
	'Conversations › Get Details Of A Conversation': {
		parameters: (f) => ({ ...account(f), conversation_id: 1 }),
	},
	'Conversations › Toggle Status Of A Conversation': {
		parameters: (f) => ({ ...account(f), conversation_id: 2, status: 'resolved' }),
	},
	'Conversations › Toggle Priority Of A Conversation': {
		parameters: (f) => ({ ...account(f), conversation_id: 2, priority: 'high' }),
	},
	'Conversation Assignment › Assign A Conversation': {
		parameters: (f) => ({ ...account(f), conversation_id: 3, assignee_id: 2 }),
	},
	'Conversation Labels › List All Labels Of A Conversation': {
		parameters: (f) => ({ ...account(f), conversation_id: 1 }),
	},
	'Conversation Labels › Conversation Add Labels': {
		parameters: (f) => ({ ...account(f), conversation_id: 4, labels: json(['billing', 'vip']) }),
	},

	// ---- messages --------------------------------------------------------------------------------
	'Messages › List All Messages': { parameters: (f) => ({ ...account(f), conversation_id: 1 }) },
	'Messages › Create A New Message In A Conversation': {
		parameters: (f) => ({ ...account(f), conversation_id: 5, content: 'Hello from compat' }),
		note: "succeeds, but as a private note of content_type cards: the node defaults private to true and offers no `text` content type (Chatwoot's create_message_payload.yml lists text first and gives private: false as its example)",
	},
	'Messages › Delete A Message': {
		parameters: (f) => ({
			...account(f),
			conversation_id: f.messageConversation,
			message_id: f.messageToDelete,
		}),
	},

	// ---- inboxes ---------------------------------------------------------------------------------
	'Inboxes › List All Inboxes': { parameters: account },
	'Inboxes › Get Inbox': { parameters: (f) => ({ ...account(f), id: f.inboxId }) },
	'Inboxes › Inbox Creation': {
		parameters: (f) => ({
			...account(f),
			name: `Compat Inbox ${f.runId}`,
			channel: json({ type: 'api', webhook_url: '' }),
		}),
	},
	'Inboxes › Update Inbox': {
		parameters: (f) => ({ ...account(f), id: f.inboxId, name: 'API (renamed by compat)' }),
	},
	'Inboxes › Get Inbox Members': { parameters: (f) => ({ ...account(f), inbox_id: f.inboxId }) },
	'Inboxes › Add New Agent To Inbox': {
		parameters: (f) => ({ ...account(f), inbox_id: String(f.inboxId), user_ids: json([3]) }),
	},
	'Inboxes › Update Agents In Inbox': {
		parameters: (f) => ({ ...account(f), inbox_id: String(f.inboxId), user_ids: json([1, 2, 3]) }),
	},
	'Inboxes › Delete Agent In Inbox': {
		parameters: (f) => ({ ...account(f), inbox_id: String(f.inboxId), user_ids: json([3]) }),
	},

	// ---- teams -----------------------------------------------------------------------------------
	'Teams › List All Teams': { parameters: account },
	'Teams › Create A Team': {
		parameters: (f) => ({ ...account(f), name: `compat-${f.runId}`, description: 'From compat' }),
	},
	'Teams › Get Details Of A Single Team': { parameters: (f) => ({ ...account(f), team_id: 1 }) },
	'Teams › Update A Team': {
		peerBug: {
			bug: `${BLANKS}: name ""`,
			evidence:
				'app/models/team.rb: `validates :name, presence: true` (Chatwoot answers 422 too); swagger/definitions/request/team/create_update_payload.yml makes every field optional',
			status: 422,
			sent: { body: { name: '' } },
		},

		parameters: (f) => ({ ...account(f), team_id: 1, description: 'Renamed by compat' }),
	},
	'Teams › Get Team Members': { parameters: (f) => ({ ...account(f), team_id: 1 }) },
	'Teams › Add New Agent To Team': {
		parameters: (f) => ({ ...account(f), team_id: 1, user_ids: json([3]) }),
	},
	'Teams › Update Agents In Team': {
		parameters: (f) => ({ ...account(f), team_id: 1, user_ids: json([1, 2, 3]) }),
	},
	'Teams › Delete Agent In Team': {
		parameters: (f) => ({ ...account(f), team_id: 1, user_ids: json([3]) }),
	},
	'Teams › Delete A Team': { parameters: (f) => ({ ...account(f), team_id: 2 }) },

	// ---- webhooks --------------------------------------------------------------------------------
	'Webhooks › List All Webhooks': { parameters: account },
	'Webhooks › Create A Webhook': {
		parameters: (f) => ({
			...account(f),
			url: `https://example.com/compat-${f.runId}`,
			subscriptions: json(['message_created']),
		}),
	},
	'Webhooks › Update A Webhook': {
		parameters: (f) => ({
			...account(f),
			webhook_id: f.webhookToUpdate,
			url: `https://example.com/compat-${f.runId}-updated`,
			subscriptions: json(['conversation_created']),
		}),
	},
	'Webhooks › Delete A Webhook': {
		parameters: (f) => ({ ...account(f), webhook_id: f.webhookToDelete }),
	},
};
