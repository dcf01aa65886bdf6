/**
 * The OpenID Connect side of console single sign-on (openid-client): the authorization code flow
 * with PKCE (S256), state and nonce. What the browser must bring back (state, nonce, the PKCE
 * verifier, when the flow ends) travels in the `staff_sso` cookie, sealed with AES-256-GCM under a
 * key derived from HMAC_KEY: nothing of it is kept in this process (any API instance can finish a
 * flow another began), none of it is in a URL the service logs, and a callback without the cookie
 * of the browser that began the flow is refused (no login CSRF).
 *
 * The provider's metadata is fetched on the first sign-in and kept; a failed fetch is tried again
 * on the next. Codes, tokens and the client secret never leave this file, nor reach a log line.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { rolesFromClaim, type SsoSettings } from '@portal/config';
import type { StaffRole } from '@portal/staff';

/** How long a browser has between the redirect to the provider and its way back. */
export const SSO_FLOW_SECONDS = 600;

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  /** ms since the epoch */
  expiresAt: number;
}

export type SsoIdentity = { ok: true; issuer: string; subject: string; roles: StaffRole[] };
/** `error` is the name of what failed, for the log: never its message (it may quote the provider). */
export type SsoRefusal = { ok: false; why: 'sso-failed'; error: string };

export class SsoClient {
  private config: Promise<oidc.Configuration> | undefined;
  private readonly sealKey: Buffer;

  constructor(
    private readonly settings: SsoSettings,
    hmacKey: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    this.sealKey = createHmac('sha256', hmacKey).update('staff-sso-flow').digest();
  }

  /** The provider's authorization URL for a new flow, and the sealed flow for the cookie. */
  async start(): Promise<{ url: string; flow: string }> {
    const config = await this.configuration();
    const flow: Flow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      expiresAt: this.now() + SSO_FLOW_SECONDS * 1000,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, flow: this.seal(flow) };
  }

  /**
   * Finishes a flow: the callback's query against the sealed flow (state, expiry), the code
   * exchanged (with the PKCE verifier), the id token checked (signature, issuer, audience, expiry,
   * nonce), and the roles claim mapped. The claim is read from the id token, else from userinfo.
   */
  async finish(query: string, sealedFlow: string | undefined): Promise<SsoIdentity | SsoRefusal> {
    const flow = sealedFlow === undefined ? undefined : this.open(sealedFlow);
    if (!flow) return { ok: false, why: 'sso-failed', error: 'no-flow-cookie' };
    if (flow.expiresAt <= this.now()) return { ok: false, why: 'sso-failed', error: 'flow-expired' };
    try {
      const config = await this.configuration();
      const callback = new URL(this.settings.redirectUri);
      callback.search = query;
      const tokens = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) return { ok: false, why: 'sso-failed', error: 'no-id-token' };
      let claim: unknown = claims[this.settings.rolesClaim];
      if (claim === undefined && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        claim = info[this.settings.rolesClaim];
      }
      return {
        ok: true,
        issuer: claims.iss,
        subject: claims.sub,
        roles: rolesFromClaim(this.settings, claim),
      };
    } catch (error) {
      return { ok: false, why: 'sso-failed', error: errorNameOf(error) };
    }
  }

  private configuration(): Promise<oidc.Configuration> {
    if (!this.config) {
      const issuer = new URL(this.settings.issuer);
      const pending = oidc.discovery(
        issuer,
        this.settings.clientId,
        { redirect_uris: [this.settings.redirectUri], response_types: ['code'] },
        oidc.ClientSecretBasic(this.settings.clientSecret),
        // http is allowed only for a loopback issuer (the settings refuse any other): a test's provider.
        issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
      this.config = pending;
      // A provider down at the first sign-in is asked again at the next.
      pending.catch(() => {
        if (this.config === pending) this.config = undefined;
      });
    }
    return this.config;
  }

  private seal(flow: Flow): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  private open(sealed: string): Flow | undefined {
    try {
      const raw = Buffer.from(sealed, 'base64url');
      if (raw.length < 12 + 16 + 2) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
      const flow = JSON.parse(text.toString('utf8')) as Flow;
      return typeof flow.state === 'string' &&
        typeof flow.nonce === 'string' &&
        typeof flow.verifier === 'string' &&
        typeof flow.expiresAt === 'number'
        ? flow
        : undefined;
    } catch {
      return undefined;
    }
  }
}

/** A code such as `OAUTH_INVALID_RESPONSE` or the error's class name: safe to log, unlike its message. */
function errorNameOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const oauthError = (error as { error?: unknown }).error;
    return [
      error.name,
      typeof code === 'string' ? code : '',
      typeof oauthError === 'string' ? oauthError : '',
    ]
      .filter(Boolean)
      .join(':')
      .slice(0, 120);
  }
  return 'unknown';
}
