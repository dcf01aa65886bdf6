/**
 * Single sign-on for the staff console through an OpenID Connect provider. Off unless OIDC_ISSUER
 * is set; then all of these are checked at start-up, each problem by its name:
 *
 * - OIDC_ISSUER: the provider's issuer URL (https; http only for localhost or 127.0.0.1, for tests).
 * - OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: this service's client at the provider (a confidential
 *   client; the secret is never repeated in a message).
 * - OIDC_REDIRECT_URI: where the provider sends the browser back, registered at the provider: this
 *   service's public origin and `/v1/staff/sso/callback`.
 * - OIDC_ROLES_CLAIM: the id token or userinfo claim that lists the user's groups or roles
 *   (default `roles`; a string or an array of strings).
 * - OIDC_ROLE_MAP: `claim-value:role` pairs, comma-separated, role one of support, auditor, admin
 *   (`portal-support:support,portal-audit:auditor`). A value may be named twice for two roles.
 *   Claim values not listed give no role; a user with no mapped role is refused.
 * - OIDC_SCOPES: the scopes asked for (default `openid`; must include `openid`), space-separated.
 */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  rolesClaim: string;
  /** Claim value → the staff roles it gives. */
  roleMap: ReadonlyMap<string, readonly ('support' | 'auditor' | 'admin')[]>;
  scopes: string;
}

export const SSO_CALLBACK_PATH = '/v1/staff/sso/callback';
const STAFF_ROLES = ['support', 'auditor', 'admin'] as const;
type Role = (typeof STAFF_ROLES)[number];
const isRole = (v: string): v is Role => (STAFF_ROLES as readonly string[]).includes(v);

const OIDC_NAMES = [
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URI',
  'OIDC_ROLES_CLAIM',
  'OIDC_ROLE_MAP',
  'OIDC_SCOPES',
];

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

function httpUrl(name: string, value: string, problems: string[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name} is not a URL (expected https://…)`);
    return undefined;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    problems.push(
      `${name} must be an https URL (http only for localhost) (got ${url.protocol}//${url.host})`,
    );
    return undefined;
  }
  if (url.search !== '' || url.hash !== '') {
    problems.push(`${name} must have no query or fragment`);
    return undefined;
  }
  return url;
}

export function readSsoSettings(
  str: (name: string) => string | undefined,
  problems: string[],
): SsoSettings | undefined {
  const issuer = str('OIDC_ISSUER');
  if (issuer === undefined) {
    const set = OIDC_NAMES.filter((n) => str(n) !== undefined);
    if (set.length > 0)
      problems.push(`OIDC_ISSUER is required when ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set`);
    return undefined;
  }
  const before = problems.length;
  httpUrl('OIDC_ISSUER', issuer, problems);
  const clientId = str('OIDC_CLIENT_ID');
  if (clientId === undefined) problems.push('OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
  const clientSecret = str('OIDC_CLIENT_SECRET');
  if (clientSecret === undefined) problems.push('OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set');
  const redirectUri = str('OIDC_REDIRECT_URI');
  if (redirectUri === undefined)
    problems.push(
      `OIDC_REDIRECT_URI is required when OIDC_ISSUER is set (https://<this service>${SSO_CALLBACK_PATH})`,
    );
  else {
    const url = httpUrl('OIDC_REDIRECT_URI', redirectUri, problems);
    if (url && url.pathname !== SSO_CALLBACK_PATH)
      problems.push(`OIDC_REDIRECT_URI must end in ${SSO_CALLBACK_PATH} (got the path ${url.pathname})`);
  }
  const rolesClaim = str('OIDC_ROLES_CLAIM') ?? 'roles';
  if (!/^[A-Za-z0-9_:./-]{1,128}$/.test(rolesClaim))
    problems.push(`OIDC_ROLES_CLAIM must be a claim name (got ${JSON.stringify(rolesClaim)})`);
  const roleMap = new Map<string, Role[]>();
  const rawMap = str('OIDC_ROLE_MAP');
  if (rawMap === undefined)
    problems.push('OIDC_ROLE_MAP is required when OIDC_ISSUER is set (claim-value:role, comma-separated)');
  else
    rawMap.split(',').forEach((entry, i) => {
      const at = entry.lastIndexOf(':');
      const value = entry.slice(0, at).trim();
      const role = entry.slice(at + 1).trim();
      if (at <= 0 || value === '' || !isRole(role)) {
        problems.push(
          `OIDC_ROLE_MAP entry ${i + 1} must be claim-value:role with role one of ${STAFF_ROLES.join(', ')} (got ${JSON.stringify(entry.trim())})`,
        );
        return;
      }
      const roles = roleMap.get(value) ?? [];
      if (!roles.includes(role)) roles.push(role);
      roleMap.set(value, roles);
    });
  const scopes = (str('OIDC_SCOPES') ?? 'openid').split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid'))
    problems.push(`OIDC_SCOPES must include openid (got ${JSON.stringify(scopes.join(' '))})`);
  if (problems.length > before) return undefined;
  return {
    issuer,
    clientId: clientId!,
    clientSecret: clientSecret!,
    redirectUri: redirectUri!,
    rolesClaim,
    roleMap,
    scopes: scopes.join(' '),
  };
}

/** The staff roles a claim's value gives (a string, or an array of strings; anything else gives none). */
export function rolesFromClaim(settings: Pick<SsoSettings, 'roleMap'>, claim: unknown): Role[] {
  const values = typeof claim === 'string' ? claim.split(' ') : Array.isArray(claim) ? claim : [];
  const roles = new Set<Role>();
  for (const v of values)
    if (typeof v === 'string') for (const role of settings.roleMap.get(v) ?? []) roles.add(role);
  return STAFF_ROLES.filter((r) => roles.has(r));
}
