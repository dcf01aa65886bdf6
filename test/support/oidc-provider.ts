/**
 * A local OpenID Connect provider (oidc-provider) on a random 127.0.0.1 port, for the single
 * sign-on tests: one confidential client and accounts whose `roles` claim the test picks. Its
 * development login form takes any account id and no password; `signInAt` drives it over HTTP
 * (redirects followed by hand, cookies kept), as a browser would, to the redirect back to us.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface LocalProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Follows `authorizationUrl` through the provider's login (and consent) as `accountId`; answers the URL it sends the browser back to. */
  signInAt(authorizationUrl: string, accountId: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startLocalProvider(
  accounts: Record<string, { roles?: unknown }>,
  options: { redirectUri?: string } = {},
): Promise<LocalProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'portal-console';
  const clientSecret = 'local-provider-client-secret-for-tests';
  const redirectUri = options.redirectUri ?? 'http://localhost:3000/v1/staff/sso/callback';
  // The provider's notices about its development defaults (in-memory adapter, keys, TTLs) are for
  // deployments of it, not for a test's throwaway provider.
  const { info, warn } = console;
  const quiet =
    (log: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      if (typeof args[0] !== 'string' || !args[0].startsWith('oidc-provider ')) log(...args);
    };
  console.info = quiet(info);
  console.warn = quiet(warn);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    // The roles claim comes with the openid scope (from userinfo, as conformIdTokenClaims keeps it out of the id token).
    claims: { openid: ['sub', 'roles'] },
    cookies: { keys: ['local-provider-cookie-key-for-tests'] },
    findAccount: (_ctx, sub) =>
      Promise.resolve(
        sub in accounts
          ? { accountId: sub, claims: () => Promise.resolve({ sub, ...accounts[sub] }) }
          : undefined,
      ),
  });
  server.on('request', provider.callback());

  const cookies = new Map<string, string>();
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  async function signInAt(authorizationUrl: string, accountId: string): Promise<URL> {
    cookies.clear(); // a new browser each time: no provider session from an earlier sign-in
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 12; hop++) {
      if (url.origin !== issuer) return url;
      let res = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
      remember(res);
      if (res.status === 200 && url.pathname.startsWith('/interaction/')) {
        const page = await res.text();
        const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
        if (prompt !== 'login' && prompt !== 'consent')
          throw new Error(`unexpected provider page: ${page.slice(0, 300)}`);
        res = await fetch(url, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(
            prompt === 'login' ? { prompt, login: accountId, password: 'x' } : { prompt },
          ),
        });
        remember(res);
      }
      const location = res.headers.get('location');
      if (!location)
        throw new Error(`the provider answered ${res.status} without a redirect at ${url.pathname}`);
      url = new URL(location, url);
    }
    throw new Error('too many redirects at the provider');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    signInAt,
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          console.info = info;
          console.warn = warn;
          resolve();
        }),
      ),
  };
}
