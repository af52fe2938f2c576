/** Names and paths every HueChat operation shares. */
export const CREDENTIAL_TYPE = 'hueChatApi';

/** A v1 (Chatwoot-compatible) path under the credential's account, as a routing expression. */
export function v1(path: string): string {
	return `=/api/v1/accounts/{{$credentials.accountId}}${path}`;
}

/** A v2 path under the credential's account, as a routing expression. */
export function v2(path: string): string {
	return `=/api/v2/accounts/{{$credentials.accountId}}${path}`;
}

/** The same path as a plain string for programmatic requests (list searches, the trigger). */
export function accountPath(api: 'v1' | 'v2', accountId: unknown, path: string): string {
	return `/api/${api}/accounts/${String(accountId)}${path}`;
}
