import type { Accounts } from '@portal/accounts';
import type { AccountState } from '@portal/domain';
import { matchTimeStep, newTotpSecret, otpauthUri, qrPng } from '@portal/security';

/** A new app secret to enrol: shown to the person, and sealed for the account in the token that confirms it. */
export interface AuthenticatorEnrolment {
  /** Give it back with the first code from the app; it holds the new secret, sealed for this account. */
  enrolmentToken: string;
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as a QR code (PNG, base64). */
  qrPngBase64: string;
}

/** Nothing is stored until a code from the app confirms it (the secret travels sealed, in the token). */
export async function newAuthenticatorEnrolment(
  accounts: Accounts,
  accountId: string,
  issuer: string,
  label: string,
): Promise<AuthenticatorEnrolment> {
  const secret = newTotpSecret();
  const uri = otpauthUri(issuer, label, secret);
  return {
    enrolmentToken: await accounts.seal(accountId, { totpSecret: secret }),
    secret,
    otpauthUri: uri,
    qrPngBase64: (await qrPng(uri)).toString('base64'),
  };
}

/** The secret an enrolment token seals for this account, or undefined (made for another account, or altered). */
export async function enrolmentSecret(
  accounts: Accounts,
  accountId: string,
  enrolmentToken: string,
): Promise<string | undefined> {
  const opened = await accounts.open(accountId, enrolmentToken).catch(() => undefined);
  const secret = (opened as { totpSecret?: unknown } | undefined)?.totpSecret;
  return typeof secret === 'string' ? secret : undefined;
}

/** Which time step the code matched with the account's app, or null (also when no app is set up). */
export async function matchAppCode(
  accounts: Accounts,
  accountId: string,
  state: AccountState,
  code: string,
  at: Date,
): Promise<number | null> {
  const opened = state.authenticator
    ? await accounts.open(accountId, state.authenticator.secretSealed)
    : undefined;
  const secret = (opened as { totpSecret?: unknown } | undefined)?.totpSecret;
  return typeof secret === 'string'
    ? matchTimeStep(secret, code, at, accounts.policy.authenticator.windowSteps)
    : null;
}
