import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './api';

const MISSING_ACCOUNT = /^(\/api\/v[12]\/accounts\/)\//;

/**
 * preSend, first for every operation: n8n 1.x (n8n-core before 2.0) does not give an operation option's routing the
 * `$credentials` expression key, so the v1()/v2() URLs come out as `/api/v1/accounts//…` there. Fill in the
 * credential's account ID; on n8n 2.x the URL already has it and this does nothing.
 */
export async function fillAccountId(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (typeof options.url === 'string' && MISSING_ACCOUNT.test(options.url)) {
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		options.url = options.url.replace(
			MISSING_ACCOUNT,
			`$1${encodeURIComponent(String(credentials.accountId))}/`,
		);
	}
	return options;
}
