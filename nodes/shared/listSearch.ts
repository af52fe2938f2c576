import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { accountPath, CREDENTIAL_TYPE } from './api';
import { normalizeBaseUrl } from './baseUrl';
import { apiRequest } from './request';

/** How one resource's "From List" is fetched and labelled: data, so every locator pages and searches alike. */
interface SearchSpec {
	/** v1 pages with `page` (fixed page sizes); v2 with `page`/`per_page` and `meta.total_pages`. */
	api?: 'v1' | 'v2';
	path: string;
	/** Path used when the user typed a filter (HueChat searches server-side); else the filter is applied here. */
	searchPath?: string;
	query?: IDataObject;
	root: string | undefined;
	pageSize: number;
	dashboardSegment?: string;
	label: (record: IDataObject) => string;
}

function dig(source: unknown, path: string | undefined): unknown {
	if (!path) return source;
	return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as IDataObject)[k] : undefined), source);
}

const SEARCHES: Record<string, SearchSpec> = {
	contacts: {
		path: '/contacts',
		searchPath: '/contacts/search',
		root: 'payload',
		pageSize: 15,
		dashboardSegment: 'contacts',
		label: (c) => [c.name || 'Unnamed contact', c.email || c.phone_number].filter(Boolean).join(' · '),
	},
	conversations: {
		path: '/conversations',
		searchPath: '/conversations',
		query: { status: 'all' },
		root: 'data.payload',
		pageSize: 25,
		dashboardSegment: 'conversations',
		label: (c) => {
			const sender = (dig(c, 'meta.sender.name') as string) || 'Unknown contact';
			return `#${String(c.id)} · ${sender} · ${String(c.status)}`;
		},
	},
	inboxes: {
		path: '/inboxes',
		root: 'payload',
		pageSize: Number.POSITIVE_INFINITY,
		label: (i) => `${String(i.name)} (${String(i.channel_type ?? '').replace(/^Channel::/, '')})`,
	},
};

async function search(context: ILoadOptionsFunctions, spec: SearchSpec, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const page = Number(paginationToken ?? 1);
	const serverSide = Boolean(filter && spec.searchPath);
	const path = serverSide ? spec.searchPath! : spec.path;
	const api = spec.api ?? 'v1';
	const qs: IDataObject = {
		...(spec.query ?? {}),
		page,
		...(api === 'v2' ? { per_page: spec.pageSize } : {}),
		...(filter && serverSide ? { q: filter } : {}),
	};
	const body = await apiRequest(context, 'GET', accountPath(api, credentials.accountId, path), { qs });
	const records = (Array.isArray(dig(body, spec.root)) ? dig(body, spec.root) : []) as IDataObject[];
	const dashboard = normalizeBaseUrl(credentials.baseUrl);
	const needle = !serverSide && filter ? filter.toLowerCase() : undefined;
	const results: INodeListSearchItems[] = records
		.map((record) => ({
			name: spec.label(record),
			value: String(record.id),
			url: spec.dashboardSegment ? `${dashboard}/app/accounts/${String(credentials.accountId)}/${spec.dashboardSegment}/${String(record.id)}` : undefined,
		}))
		.filter((item) => !needle || item.name.toLowerCase().includes(needle) || item.value === needle);
	const hasMore = dig(body, 'meta.has_more');
	const totalPages = Number(dig(body, 'meta.total_pages'));
	const more =
		typeof hasMore === 'boolean' ? hasMore : Number.isFinite(totalPages) ? page < totalPages : records.length >= spec.pageSize;
	return { results, paginationToken: more ? String(page + 1) : undefined };
}

function searcher(name: keyof typeof SEARCHES) {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		return await search(this, SEARCHES[name], filter, paginationToken);
	};
}

export const listSearch = {
	searchContacts: searcher('contacts'),
	searchConversations: searcher('conversations'),
	searchInboxes: searcher('inboxes'),
};
