import type { OAuthServer } from './oauth';
import type { Route } from './route';

/** /restapi/oauth/{authorize,token,revoke}: the Auth rate-limit group. */
export function oauthRoutes(oauth: OAuthServer): Route[] {
  const form = (body: Buffer) => new URLSearchParams(body.toString('utf8'));
  return [
    {
      method: 'GET',
      path: '/restapi/oauth/authorize',
      group: 'auth',
      auth: 'none',
      handle: (ctx) => ({ status: 302, headers: { Location: oauth.authorize(ctx.query) } }),
    },
    {
      method: 'POST',
      path: '/restapi/oauth/token',
      group: 'auth',
      auth: 'client',
      handle: (ctx) => ({ status: 200, body: oauth.token(form(ctx.body), ctx.req.headers.authorization) }),
    },
    {
      method: 'POST',
      path: '/restapi/oauth/revoke',
      group: 'auth',
      auth: 'client',
      handle(ctx) {
        const body = form(ctx.body);
        oauth.revoke(ctx.query.get('token') ?? body.get('token'), body, ctx.req.headers.authorization);
        return { status: 200 };
      },
    },
  ];
}
