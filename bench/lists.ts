/** The two lists figure 1 reads in full, described once for the raw loop, the HueChat node and the HTTP Request node. */
export type ListKind = 'contacts' | 'deals';

export interface ListSpec {
	label: string;
	/** URL path of the list under the base URL. */
	path: (accountId: number) => string;
	/** The array of records in a page. */
	root: string;
	/** v1: HueChat's fixed page size (a short page is the last). */
	pageSize: number;
	/** v2: the per_page the client asks for (meta.total_pages ends the list). */
	perPage?: number;
	/** The HueChat node's parameters for Get Many with Return All (full records, as the other two get them). */
	hueChatParameters: Record<string, unknown>;
	/** The HueChat resource this list needs in the node (the figure is pending while the node lacks it). */
	resource: string;
	/** The HTTP Request node's pagination "complete when" expression (its own settings, wired by hand). */
	completeExpression: string;
}

export const LISTS: Record<ListKind, ListSpec> = {
	contacts: {
		label: 'contacts (v1, 15 a page)',
		path: (accountId) => `/api/v1/accounts/${accountId}/contacts`,
		root: 'payload',
		pageSize: 15,
		resource: 'contact',
		hueChatParameters: {
			resource: 'contact',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		},
		completeExpression: '={{ $response.body.payload.length < 15 }}',
	},
	deals: {
		label: 'deals (v2, 100 a page)',
		path: (accountId) => `/api/v2/accounts/${accountId}/deals`,
		root: 'data',
		pageSize: 100,
		perPage: 100,
		resource: 'deal',
		hueChatParameters: { resource: 'deal', operation: 'getAll', returnAll: true, simplify: false },
		completeExpression: '={{ $response.body.meta.page >= $response.body.meta.total_pages }}',
	},
};
