import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { accountPath, CREDENTIAL_TYPE } from '../transport/api';
import { normalizeBaseUrl } from '../transport/baseUrl';
import { apiRequest } from '../transport/request';
import { valueAt } from '../output/valueAt';

/** How one resource's "From List" is fetched and labelled: data, so every locator pages and searches alike. */
interface SearchSpec {
	/** v1 pages with `page` (fixed page sizes); v2 with `page`/`per_page` and `meta.total_pages`. */
	api?: 'v1' | 'v2';
	path: string;
	/** Path used when the user typed a filter (HueChat searches server-side); else the filter is applied here. */
	searchPath?: string;
	/** The query parameter of `searchPath` that takes the filter (default `q`). */
	searchParam?: string;
	query?: IDataObject;
	root: string | undefined;
	pageSize: number;
	dashboardSegment?: string;
	label: (record: IDataObject) => string;
}

/** Chatwoot's channel types (`Channel::WebWidget`) as people call them; others show their type without the prefix. */
const CHANNEL_NAMES: Record<string, string> = {
	Api: 'API',
	Email: 'Email',
	FacebookPage: 'Facebook',
	Instagram: 'Instagram',
	Line: 'LINE',
	Sms: 'SMS',
	Telegram: 'Telegram',
	TwilioSms: 'SMS',
	WebWidget: 'Website',
	Whatsapp: 'WhatsApp',
};

/** An inbox in the picker: its name and its channel, the channel only once when the name already says it. */
export function inboxLabel(inbox: IDataObject): string {
	const type = String(inbox.channel_type ?? '').replace(/^Channel::/, '');
	const channel = CHANNEL_NAMES[type] ?? type;
	const name = String(inbox.name);
	return !channel || name.toLowerCase() === channel.toLowerCase() ? name : `${name} (${channel})`;
}

const SEARCHES: Record<string, SearchSpec> = {
	// v2 records (UUID ids): 100 a page; tickets and deals are searched server-side with `q`.
	templates: {
		api: 'v2',
		path: '/templates',
		root: 'data',
		pageSize: 100,
		label: (t) => `${String(t.name)} (${String(t.language)}, ${String(t.status)})`,
	},
	approvedTemplates: {
		api: 'v2',
		path: '/templates',
		query: { status: 'approved' },
		root: 'data',
		pageSize: 100,
		label: (t) => `${String(t.name)} (${String(t.language)}, ${String(t.category)})`,
	},
	contactLists: {
		api: 'v2',
		path: '/contact_lists',
		root: 'data',
		pageSize: 100,
		label: (l) => `${String(l.name)} (${String(l.contact_count)} contacts)`,
	},
	broadcasts: {
		api: 'v2',
		path: '/broadcasts',
		root: 'data',
		pageSize: 100,
		label: (b) => `${String(b.name)} · ${String(b.status)}`,
	},
	tickets: {
		api: 'v2',
		path: '/tickets',
		searchPath: '/tickets',
		root: 'data',
		pageSize: 100,
		label: (t) => `#${String(t.number)} ${String(t.subject)} · ${String(t.status)}`,
	},
	pipelines: {
		api: 'v2',
		path: '/pipelines',
		root: 'data',
		pageSize: 100,
		label: (p) => String(p.name),
	},
	deals: {
		api: 'v2',
		path: '/deals',
		searchPath: '/deals',
		root: 'data',
		pageSize: 100,
		label: (d) =>
			[
				String(d.title),
				d.value === null || d.value === undefined
					? undefined
					: `${String(d.value)} ${String(d.currency)}`,
				String(d.status),
			]
				.filter(Boolean)
				.join(' · '),
	},
	aiAgents: {
		api: 'v2',
		path: '/ai_agents',
		root: 'data',
		pageSize: 100,
		label: (a) => `${String(a.name)} (${String(a.status)})`,
	},
	accountWebhooks: {
		path: '/webhooks',
		root: 'payload.webhooks',
		pageSize: Number.POSITIVE_INFINITY,
		label: (w) => (w.name ? `${String(w.name)} · ${String(w.url)}` : String(w.url)),
	},
	outboundWebhooks: {
		api: 'v2',
		path: '/outbound_webhooks',
		root: 'data',
		pageSize: 100,
		label: (w) => `${String(w.url)} (${(Array.isArray(w.events) ? w.events : []).join(', ')})`,
	},
	contacts: {
		path: '/contacts',
		searchPath: '/contacts/search',
		root: 'payload',
		pageSize: 15,
		dashboardSegment: 'contacts',
		label: (c) =>
			[c.name || 'Unnamed contact', c.email || c.phone_number].filter(Boolean).join(' · '),
	},
	conversations: {
		path: '/conversations',
		searchPath: '/conversations',
		query: { status: 'all' },
		root: 'data.payload',
		pageSize: 25,
		dashboardSegment: 'conversations',
		label: (c) => {
			const sender = (valueAt(c, 'meta.sender.name') as string) || 'Unknown contact';
			return `#${String(c.id)} · ${sender} · ${String(c.status)}`;
		},
	},
	inboxes: {
		path: '/inboxes',
		root: 'payload',
		pageSize: Number.POSITIVE_INFINITY,
		dashboardSegment: 'settings/inboxes',
		label: inboxLabel,
	},
	// Agents, teams, labels, canned responses and custom attributes come whole (no pages): filtered here.
	agents: {
		path: '/agents',
		root: undefined,
		pageSize: Number.POSITIVE_INFINITY,
		label: (a) => `${String(a.name)} · ${String(a.email)} (${String(a.role)})`,
	},
	teams: {
		path: '/teams',
		root: undefined,
		pageSize: Number.POSITIVE_INFINITY,
		dashboardSegment: 'settings/teams',
		label: (t) => String(t.name),
	},
	labels: {
		path: '/labels',
		root: 'payload',
		pageSize: Number.POSITIVE_INFINITY,
		label: (l) =>
			l.description ? `${String(l.title)} · ${String(l.description)}` : String(l.title),
	},
	cannedResponses: {
		path: '/canned_responses',
		searchPath: '/canned_responses',
		searchParam: 'search',
		root: undefined,
		pageSize: Number.POSITIVE_INFINITY,
		label: (c) => {
			const content = String(c.content ?? '');
			return `/${String(c.short_code)} · ${content.length > 60 ? `${content.slice(0, 57)}…` : content}`;
		},
	},
	customAttributes: {
		path: '/custom_attribute_definitions',
		root: undefined,
		pageSize: Number.POSITIVE_INFINITY,
		label: (d) =>
			`${String(d.attribute_display_name)} (${String(d.attribute_key)}, ${String(d.attribute_model).replace(/_attribute$/, '')})`,
	},
};

async function search(
	context: ILoadOptionsFunctions,
	spec: SearchSpec,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const page = Number(paginationToken ?? 1);
	const serverSide = Boolean(filter && spec.searchPath);
	const path = serverSide ? spec.searchPath! : spec.path;
	const api = spec.api ?? 'v1';
	const qs: IDataObject = {
		...(spec.query ?? {}),
		page,
		...(api === 'v2' ? { per_page: spec.pageSize } : {}),
		...(filter && serverSide ? { [spec.searchParam ?? 'q']: filter } : {}),
	};
	const body = await apiRequest(context, 'GET', accountPath(api, credentials.accountId, path), {
		qs,
	});
	const records = (
		Array.isArray(valueAt(body, spec.root)) ? valueAt(body, spec.root) : []
	) as IDataObject[];
	const dashboard = normalizeBaseUrl(credentials.baseUrl);
	const needle = !serverSide && filter ? filter.toLowerCase() : undefined;
	const results: INodeListSearchItems[] = records
		.map((record) => ({
			name: spec.label(record),
			value: String(record.id),
			url: spec.dashboardSegment
				? `${dashboard}/app/accounts/${String(credentials.accountId)}/${spec.dashboardSegment}/${String(record.id)}`
				: undefined,
		}))
		.filter((item) => !needle || item.name.toLowerCase().includes(needle) || item.value === needle);
	const hasMore = valueAt(body, 'meta.has_more');
	const totalPages = Number(valueAt(body, 'meta.total_pages'));
	const more =
		typeof hasMore === 'boolean'
			? hasMore
			: Number.isFinite(totalPages)
				? page < totalPages
				: records.length >= spec.pageSize;
	return { results, paginationToken: more ? String(page + 1) : undefined };
}

function searcher(name: keyof typeof SEARCHES) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await search(this, SEARCHES[name], filter, paginationToken);
	};
}

export const listSearch = {
	searchTemplates: searcher('templates'),
	searchApprovedTemplates: searcher('approvedTemplates'),
	searchContactLists: searcher('contactLists'),
	searchBroadcasts: searcher('broadcasts'),
	searchTickets: searcher('tickets'),
	searchPipelines: searcher('pipelines'),
	searchDeals: searcher('deals'),
	searchAiAgents: searcher('aiAgents'),
	searchContacts: searcher('contacts'),
	searchConversations: searcher('conversations'),
	searchInboxes: searcher('inboxes'),
	searchAgents: searcher('agents'),
	searchTeams: searcher('teams'),
	searchLabels: searcher('labels'),
	searchCannedResponses: searcher('cannedResponses'),
	searchCustomAttributes: searcher('customAttributes'),
	searchAccountWebhooks: searcher('accountWebhooks'),
	searchOutboundWebhooks: searcher('outboundWebhooks'),
};
