import type { AppConfig } from '@portal/config';
import { generate } from 'otplib';
import { ACCOUNT_ID, ctxAt, FakeAccounts, memberEvents, PASSWORD } from '../shared/testing/fake-accounts';
import { startedLogin } from '../shared/testing/started-login';
import {
  ConfirmAuthenticatorCommand,
  RemoveAuthenticatorCommand,
  StartAuthenticatorEnrolmentCommand,
  VerifyAuthenticatorCommand,
} from './authenticator.commands';
import {
  ConfirmAuthenticatorHandler,
  RemoveAuthenticatorHandler,
  StartAuthenticatorEnrolmentHandler,
  VerifyAuthenticatorHandler,
} from './authenticator.handlers';

const ctx = ctxAt('2026-11-22T10:01:00Z');
const config = { plan: { name: 'Example Health' } } as AppConfig;
const codeAt = (secret: string, at = ctx.occurredAt) =>
  generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
const member = () =>
  new FakeAccounts({ username: { patexample: ACCOUNT_ID } }).given(ACCOUNT_ID, memberEvents());

const startEnrolment = (accounts: FakeAccounts) =>
  new StartAuthenticatorEnrolmentHandler(accounts.asAccounts, config).execute(
    new StartAuthenticatorEnrolmentCommand(ACCOUNT_ID, ctx),
  );

async function confirm(accounts: FakeAccounts, enrolmentToken: string, code: string) {
  await new ConfirmAuthenticatorHandler(accounts.asAccounts).execute(
    new ConfirmAuthenticatorCommand(ACCOUNT_ID, enrolmentToken, code, ctx),
  );
}

async function enrolled(accounts: FakeAccounts) {
  const enrolment = await startEnrolment(accounts);
  await confirm(accounts, enrolment.enrolmentToken, await codeAt(enrolment.secret));
  return enrolment;
}

describe('authenticator (handlers)', () => {
  it('enrolment stores nothing until a code confirms it; the secret stays sealed', async () => {
    const accounts = member();
    const enrolment = await startEnrolment(accounts);
    expect(enrolment.otpauthUri).toContain('Example%20Health');
    expect(enrolment.otpauthUri).toContain('patexample');
    expect(accounts.ran).toEqual([]);
    await confirm(accounts, enrolment.enrolmentToken, await codeAt(enrolment.secret));
    expect(accounts.events(ACCOUNT_ID).at(-1)).toMatchObject({
      type: 'AuthenticatorAdded',
      data: { secretSealed: enrolment.enrolmentToken },
    });
  });

  it('a wrong code does not confirm; an enrolment token that does not open is refused before anything runs', async () => {
    const accounts = member();
    const enrolment = await startEnrolment(accounts);
    const right = await codeAt(enrolment.secret);
    const wrong = right === '000000' ? '111111' : '000000';
    await expect(confirm(accounts, enrolment.enrolmentToken, wrong)).rejects.toMatchObject({
      code: 'AUTHENTICATOR_CODE_INVALID',
    });
    await expect(confirm(accounts, 'sealed("not a secret")', right)).rejects.toMatchObject({
      code: 'AUTHENTICATOR_CODE_INVALID',
    });
    expect(accounts.ran).toHaveLength(1);
    expect(accounts.events(ACCOUNT_ID).map((e) => e.type)).not.toContain('AuthenticatorAdded');
  });

  it('a login with the app is finished by the app’s current code', async () => {
    const accounts = member();
    const { secret } = await enrolled(accounts);
    const later = ctxAt('2026-11-22T10:05:00Z');
    const { loginToken } = await startedLogin(accounts, later);
    const granted = await new VerifyAuthenticatorHandler(accounts.asAccounts).execute(
      new VerifyAuthenticatorCommand(loginToken, await codeAt(secret, later.occurredAt), later),
    );
    expect(granted.sessionToken).toEqual(expect.any(String));
    expect(accounts.events(ACCOUNT_ID).at(-1)?.type).toBe('LoginSucceeded');
  });

  it('removing the app needs the password', async () => {
    const accounts = member();
    await enrolled(accounts);
    const remove = new RemoveAuthenticatorHandler(accounts.asAccounts);
    await expect(
      remove.execute(new RemoveAuthenticatorCommand(ACCOUNT_ID, 'Wrong7Password99', ctx)),
    ).rejects.toMatchObject({ code: 'CURRENT_PASSWORD_WRONG', fields: { password: expect.any(String) } });
    await remove.execute(new RemoveAuthenticatorCommand(ACCOUNT_ID, PASSWORD, ctx));
    expect(accounts.events(ACCOUNT_ID).at(-1)?.type).toBe('AuthenticatorRemoved');
  });
});
