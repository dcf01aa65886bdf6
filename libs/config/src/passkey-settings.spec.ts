import { type ConfigError, loadConfig } from './config';

const base = { NODE_ENV: 'test', DATA_DIR: '/tmp/portal-passkey-settings-spec' };
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig({ ...base, ...env });
    return [];
  } catch (e) {
    return (e as ConfigError).problems;
  }
};

describe('passkey settings', () => {
  it('default to the portal URL: its host is the RP id, its origin the one origin; passwordless off', () => {
    const { passkeys } = loadConfig({ ...base, PORTAL_URL: 'https://members.plan.example' });
    expect(passkeys).toEqual({
      rpId: 'members.plan.example',
      origins: ['https://members.plan.example'],
      passwordless: false,
      appleAppIds: [],
      androidApps: [],
    });
  });

  it('take an RP id, origins under it (an Android app too), passwordless and native apps', () => {
    const hash = 'A'.repeat(43);
    const print = Array.from({ length: 32 }, () => 'ab').join(':');
    const { passkeys } = loadConfig({
      ...base,
      WEBAUTHN_RP_ID: 'plan.example',
      WEBAUTHN_ORIGINS: `https://members.plan.example, https://plan.example, android:apk-key-hash:${hash}`,
      PASSKEY_PASSWORDLESS: 'true',
      WEBAUTHN_APPLE_APP_IDS: 'ABCDE12345.org.plan.app',
      WEBAUTHN_ANDROID_APPS: `org.plan.app=${print}`,
    });
    expect(passkeys.origins).toHaveLength(3);
    expect(passkeys.passwordless).toBe(true);
    expect(passkeys.androidApps).toEqual([
      { packageName: 'org.plan.app', fingerprints: [print.toUpperCase()] },
    ]);
  });

  it('refuses each bad value by name', () => {
    expect(
      problemsOf({
        WEBAUTHN_RP_ID: 'https://plan.example',
        WEBAUTHN_ORIGINS: 'http://plan.example,https://evil.example,https://plan.example/',
        PASSKEY_PASSWORDLESS: 'yes',
        WEBAUTHN_APPLE_APP_IDS: 'org.plan.app',
        WEBAUTHN_ANDROID_APPS: 'org.plan.app=zz',
      }),
    ).toEqual([
      'WEBAUTHN_RP_ID must be a lower-case domain name with no scheme, port or path (got "https://plan.example")',
      'WEBAUTHN_ORIGINS entry 1 must be an exact https origin (http only for localhost) or android:apk-key-hash:… (got "http://plan.example")',
      'WEBAUTHN_ORIGINS entry 2 (https://evil.example) is not on WEBAUTHN_RP_ID https://plan.example or under it',
      'WEBAUTHN_ORIGINS entry 3 must be an exact https origin (http only for localhost) or android:apk-key-hash:… (got "https://plan.example/")',
      'PASSKEY_PASSWORDLESS must be true or false (got "yes")',
      'WEBAUTHN_APPLE_APP_IDS entry 1 must be TEAMID.bundle.id (got "org.plan.app")',
      'WEBAUTHN_ANDROID_APPS entry 1 must be package.name=AA:BB:… (32 hex pairs; + between several) (got "org.plan.app=zz")',
    ]);
    expect(problemsOf({ WEBAUTHN_RP_ID: 'plan.example', WEBAUTHN_ORIGINS: 'https://other.example' })).toEqual(
      ['WEBAUTHN_ORIGINS entry 1 (https://other.example) is not on WEBAUTHN_RP_ID plan.example or under it'],
    );
  });
});
