/**
 * Passkeys (WebAuthn): the relying party, the origins a ceremony may come from, whether a passkey
 * may sign in alone, and what native apps need to be associated with the RP's domain.
 *
 * - WEBAUTHN_RP_ID: the domain passkeys are bound to (default: PORTAL_URL's host). A passkey made
 *   for one RP id is never offered to another, so changing it strands every passkey.
 * - WEBAUTHN_ORIGINS: the exact origins ceremonies may come from, comma-separated (default:
 *   PORTAL_URL's origin). Each web origin's host is the RP id or under it; an Android app's origin
 *   is `android:apk-key-hash:<base64url SHA-256 of its signing certificate>`.
 * - PASSKEY_PASSWORDLESS: true lets a discoverable passkey sign in with no username and password
 *   (default false: a passkey only replaces the emailed code after the password).
 * - WEBAUTHN_APPLE_APP_IDS: `TEAMID.bundle.id` of iOS apps, comma-separated: served in
 *   /.well-known/apple-app-site-association (`webcredentials`). Empty: not served.
 * - WEBAUTHN_ANDROID_APPS: `package.name=AA:BB:…` (SHA-256 certificate fingerprints, `+` between
 *   several), comma-separated: served in /.well-known/assetlinks.json. Empty: not served.
 */
export interface PasskeySettings {
  rpId: string;
  origins: string[];
  passwordless: boolean;
  appleAppIds: string[];
  androidApps: { packageName: string; fingerprints: string[] }[];
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const ANDROID_ORIGIN = /^android:apk-key-hash:[A-Za-z0-9_-]{43}$/;
const APPLE_APP_ID = /^[A-Z0-9]{10}\.[A-Za-z0-9.-]+$/;
const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** `host` is the RP id or a subdomain of it (WebAuthn: the RP id is a registrable suffix of the origin's host). */
function hostUnder(host: string, rpId: string): boolean {
  return host === rpId || host.endsWith(`.${rpId}`);
}

export function readPasskeySettings(
  str: (name: string) => string | undefined,
  problems: string[],
  portalUrl: string,
): PasskeySettings {
  const portal = new URL(portalUrl);
  const rpId = str('WEBAUTHN_RP_ID') ?? portal.hostname;
  if (!DOMAIN.test(rpId))
    problems.push(
      `WEBAUTHN_RP_ID must be a lower-case domain name with no scheme, port or path (got ${JSON.stringify(rpId)})`,
    );
  const origins = list(str('WEBAUTHN_ORIGINS'));
  if (origins.length === 0) origins.push(portal.origin);
  origins.forEach((origin, i) => {
    if (ANDROID_ORIGIN.test(origin)) return;
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    const local = url?.protocol === 'http:' && url.hostname === 'localhost';
    if (!url || (url.protocol !== 'https:' && !local) || url.origin !== origin)
      problems.push(
        `WEBAUTHN_ORIGINS entry ${i + 1} must be an exact https origin (http only for localhost) or android:apk-key-hash:… (got ${JSON.stringify(origin)})`,
      );
    else if (!hostUnder(url.hostname, rpId))
      problems.push(
        `WEBAUTHN_ORIGINS entry ${i + 1} (${origin}) is not on WEBAUTHN_RP_ID ${rpId} or under it`,
      );
  });
  const flag = str('PASSKEY_PASSWORDLESS') ?? 'false';
  if (flag !== 'true' && flag !== 'false')
    problems.push(`PASSKEY_PASSWORDLESS must be true or false (got ${JSON.stringify(flag)})`);
  const appleAppIds = list(str('WEBAUTHN_APPLE_APP_IDS'));
  appleAppIds.forEach((id, i) => {
    if (!APPLE_APP_ID.test(id))
      problems.push(
        `WEBAUTHN_APPLE_APP_IDS entry ${i + 1} must be TEAMID.bundle.id (got ${JSON.stringify(id)})`,
      );
  });
  const androidApps = list(str('WEBAUTHN_ANDROID_APPS')).map((entry, i) => {
    const [packageName = '', prints = ''] = entry.split('=');
    const fingerprints = prints.split('+').map((f) => f.trim().toUpperCase());
    if (
      !/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/.test(packageName) ||
      !fingerprints.every((f) => FINGERPRINT.test(f))
    )
      problems.push(
        `WEBAUTHN_ANDROID_APPS entry ${i + 1} must be package.name=AA:BB:… (32 hex pairs; + between several) (got ${JSON.stringify(entry)})`,
      );
    return { packageName, fingerprints };
  });
  return { rpId, origins, passwordless: flag === 'true', appleAppIds, androidApps };
}
