import { type ConfigError, loadConfig } from './config';
import { rolesFromClaim } from './sso-settings';

const base = { NODE_ENV: 'test', DATA_DIR: '/tmp/portal-sso-settings-spec' };
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig({ ...base, ...env });
    return [];
  } catch (e) {
    return (e as ConfigError).problems;
  }
};
const good = {
  OIDC_ISSUER: 'https://idp.example/realms/staff',
  OIDC_CLIENT_ID: 'portal-console',
  OIDC_CLIENT_SECRET: 'not-a-real-secret-value',
  OIDC_REDIRECT_URI: 'https://accounts.example/v1/staff/sso/callback',
  OIDC_ROLE_MAP: 'portal-support:support, portal-audit:auditor,portal-lead:support,portal-lead:admin',
};

describe('single sign-on settings', () => {
  it('are off unless OIDC_ISSUER is set', () => {
    expect(loadConfig(base).sso).toBeUndefined();
  });

  it('read the provider, the client, the claim (roles by default) and the map', () => {
    const { sso } = loadConfig({ ...base, ...good });
    expect(sso).toMatchObject({
      issuer: good.OIDC_ISSUER,
      clientId: 'portal-console',
      redirectUri: good.OIDC_REDIRECT_URI,
      rolesClaim: 'roles',
      scopes: 'openid',
    });
    expect([...sso!.roleMap]).toEqual([
      ['portal-support', ['support']],
      ['portal-audit', ['auditor']],
      ['portal-lead', ['support', 'admin']],
    ]);
    expect(
      loadConfig({ ...base, ...good, OIDC_ROLES_CLAIM: 'groups', OIDC_SCOPES: 'openid groups' }).sso,
    ).toMatchObject({ rolesClaim: 'groups', scopes: 'openid groups' });
    // http only on a loopback address (the tests' provider).
    expect(
      loadConfig({
        ...base,
        ...good,
        OIDC_ISSUER: 'http://127.0.0.1:4000',
        OIDC_REDIRECT_URI: 'http://localhost:3000/v1/staff/sso/callback',
      }).sso,
    ).toBeDefined();
  });

  it('refuses each bad or missing value by name, and never repeats the client secret', () => {
    const problems = problemsOf({
      OIDC_ISSUER: 'http://idp.example',
      OIDC_CLIENT_SECRET: 'sekrit-value-42',
      OIDC_REDIRECT_URI: 'https://accounts.example/callback',
      OIDC_ROLE_MAP: 'portal-support:support,portal-audit:owner,nocolon',
      OIDC_ROLES_CLAIM: 'has space',
      OIDC_SCOPES: 'profile',
    });
    expect(problems).toEqual([
      'OIDC_ISSUER must be an https URL (http only for localhost) (got http://idp.example)',
      'OIDC_CLIENT_ID is required when OIDC_ISSUER is set',
      'OIDC_REDIRECT_URI must end in /v1/staff/sso/callback (got the path /callback)',
      'OIDC_ROLES_CLAIM must be a claim name (got "has space")',
      'OIDC_ROLE_MAP entry 2 must be claim-value:role with role one of support, auditor, admin (got "portal-audit:owner")',
      'OIDC_ROLE_MAP entry 3 must be claim-value:role with role one of support, auditor, admin (got "nocolon")',
      'OIDC_SCOPES must include openid (got "profile")',
    ]);
    expect(problems.join(' ')).not.toContain('sekrit');
    expect(problemsOf({ OIDC_ISSUER: good.OIDC_ISSUER })).toEqual([
      'OIDC_CLIENT_ID is required when OIDC_ISSUER is set',
      'OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set',
      'OIDC_REDIRECT_URI is required when OIDC_ISSUER is set (https://<this service>/v1/staff/sso/callback)',
      'OIDC_ROLE_MAP is required when OIDC_ISSUER is set (claim-value:role, comma-separated)',
    ]);
    expect(problemsOf({ OIDC_CLIENT_ID: 'x', OIDC_ROLE_MAP: 'a:support' })).toEqual([
      'OIDC_ISSUER is required when OIDC_CLIENT_ID, OIDC_ROLE_MAP are set',
    ]);
  });

  it('map a claim (array or space-separated string) to roles, ignoring what is not listed', () => {
    const { sso } = loadConfig({ ...base, ...good });
    expect(rolesFromClaim(sso!, ['portal-audit', 'other', 'portal-lead'])).toEqual([
      'support',
      'auditor',
      'admin',
    ]);
    expect(rolesFromClaim(sso!, 'portal-support other')).toEqual(['support']);
    expect(rolesFromClaim(sso!, ['other'])).toEqual([]);
    expect(rolesFromClaim(sso!, undefined)).toEqual([]);
    expect(rolesFromClaim(sso!, { 'portal-support': true })).toEqual([]);
  });
});
