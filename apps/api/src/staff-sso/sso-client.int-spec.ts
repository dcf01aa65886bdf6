/**
 * SsoClient against a local OpenID Connect provider (oidc-provider): the flow sealed in its
 * cookie is good once, for 10 minutes, and only as sealed; the roles come from the claim.
 */
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@portal/config';
import { type LocalProvider, startLocalProvider } from '../../../../test/support/oidc-provider';
import { SsoClient } from './sso-client';

describe('SsoClient', () => {
  let idp: LocalProvider;
  let now = Date.parse('2026-12-01T10:00:00Z');
  let client: SsoClient;

  beforeAll(async () => {
    idp = await startLocalProvider({ sam: { roles: ['portal-support', 'portal-audit'] } });
    const { sso } = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: '/tmp/portal-sso-client-spec',
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_REDIRECT_URI: idp.redirectUri,
      OIDC_ROLE_MAP: 'portal-support:support,portal-audit:auditor',
    });
    client = new SsoClient(sso!, randomBytes(32), () => now);
  });
  afterAll(() => idp.close());

  async function backFromProvider() {
    const { url, flow } = await client.start();
    const back = await idp.signInAt(url, 'sam');
    return { query: back.search, flow };
  }

  it('signs in once with the sealed flow, with the roles the claim maps to', async () => {
    const { query, flow } = await backFromProvider();
    expect(await client.finish(query, flow)).toEqual({
      ok: true,
      issuer: idp.issuer,
      subject: 'sam',
      roles: ['support', 'auditor'],
    });
    // The same code again is refused by the provider.
    expect(await client.finish(query, flow)).toMatchObject({ ok: false, why: 'sso-failed' });
  });

  it('refuses a flow past its 10 minutes, a flow tampered with, and another browser’s flow', async () => {
    const late = await backFromProvider();
    now += 10 * 60_000;
    expect(await client.finish(late.query, late.flow)).toEqual({
      ok: false,
      why: 'sso-failed',
      error: 'flow-expired',
    });

    const tampered = await backFromProvider();
    const flipped = (tampered.flow[20] === 'A' ? 'B' : 'A') + '';
    const forged = tampered.flow.slice(0, 20) + flipped + tampered.flow.slice(21);
    expect(await client.finish(tampered.query, forged)).toEqual({
      ok: false,
      why: 'sso-failed',
      error: 'no-flow-cookie',
    });

    // A flow of its own, but the code of someone else's (an attacker's) flow: the state differs.
    const mine = await client.start();
    const theirs = await backFromProvider();
    expect(await client.finish(theirs.query, mine.flow)).toMatchObject({ ok: false, why: 'sso-failed' });
  });
});
