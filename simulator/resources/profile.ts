// The token's own user: GET /api/v1/profile (no account prefix). The credential test.
import { ok, type HandlerContext, type HandlerMap } from '../handler.ts';
import { profileView } from '../views.ts';

function get(context: HandlerContext) {
	return ok(profileView(context.store, context.user, context.key.token, context.key.accountIds));
}

export const profileHandlers: HandlerMap = {
	'profile.get': get,
};
