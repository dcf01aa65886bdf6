import { randomBytes, randomUUID } from 'node:crypto';
import type { CommandContext } from '@portal/command';
import { DomainError } from '@portal/domain';
import { PasswordHasher } from '@portal/security';
import { ENVELOPE_FIELD, ERASED, Vault } from '@portal/vault';
import type { SqliteEventStore } from '@portal/event-store';
import { Accounts, SessionsNotRevokedError } from './accounts';
import type { NewSession, SessionStore } from './session-store.port';
import type { SqliteSessionStore } from './session-store';
import { CountingKeyStore } from '../../vault/src/testing/counting-key-store';
import { tempAccounts, type TempAccounts } from './testing/temp-accounts';
import { registerAccount } from './testing/registered-account';
const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$fixture$fixture';

/** A real store whose `revokeAllFor` the test can hold back or make fail. */
class ControlledSessions implements SessionStore {
  readonly log: string[] = [];
  hold: Promise<void> | undefined;
  fail: Error | undefined;

  constructor(readonly inner: SqliteSessionStore) {}

  get timeouts() {
    return this.inner.timeouts;
  }

  create(tokenHash: string, session: NewSession) {
    return this.inner.create(tokenHash, session);
  }
  touch(tokenHash: string, now: number) {
    return this.inner.touch(tokenHash, now);
  }
  revoke(tokenHash: string, now: number) {
    return this.inner.revoke(tokenHash, now);
  }
  async revokeAllFor(accountId: string, now: number): Promise<number> {
    this.log.push('revoke started');
    await this.hold;
    if (this.fail) throw this.fail;
    const ended = await this.inner.revokeAllFor(accountId, now);
    this.log.push('revoke done');
    return ended;
  }
  ping() {
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}

describe('Accounts ends every session of an account after an event that requires it', () => {
  let t: TempAccounts<ControlledSessions>;
  let store: SqliteEventStore;
  let sessions: ControlledSessions;
  let accounts: Accounts;

  const ctx = (): CommandContext => ({
    correlationId: randomUUID(),
    actor: { kind: 'anonymous' },
    occurredAt: new Date(),
  });

  async function registered(): Promise<{ accountId: string; username: string }> {
    const username = `user${randomUUID().slice(0, 8)}`;
    const accountId = await registerAccount(accounts, {
      username,
      password: 'Fixture7Password9Long',
      passwordHash: PASSWORD_HASH,
      ctx,
    });
    return { accountId, username };
  }

  async function signedIn(accountId: string): Promise<string> {
    const tokenHash = randomBytes(16).toString('hex');
    await sessions.create(tokenHash, {
      sessionId: randomUUID(),
      accountId,
      createdAt: Date.now(),
      mustChangePassword: false,
    });
    return tokenHash;
  }

  const changePassword = () => ({
    type: 'ChangePassword' as const,
    currentPasswordMatches: true,
    password: 'Another7Password9Long',
    passwordHash: PASSWORD_HASH,
    now: Date.now(),
  });

  beforeEach(async () => {
    t = await tempAccounts({ sessions: (inner) => new ControlledSessions(inner) });
    ({ accounts, store, sessions } = t);
  });

  afterEach(() => t.close());

  it("has ended the account's sessions, and no other account's, when the command returns", async () => {
    const { accountId } = await registered();
    const other = await registered();
    const mine = await signedIn(accountId);
    const theirs = await signedIn(other.accountId);
    await accounts.run(accountId, changePassword(), ctx());
    expect(await sessions.touch(mine, Date.now())).toBeUndefined();
    expect(await sessions.touch(theirs, Date.now())).toBeDefined();
  });

  it("holds the account's next command until the revocation is done", async () => {
    const { accountId } = await registered();
    await signedIn(accountId);
    let release!: () => void;
    sessions.hold = new Promise((resolve) => (release = resolve));
    const first = accounts
      .run(accountId, changePassword(), ctx())
      .then(() => sessions.log.push('first returned'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = accounts.run(
      accountId,
      () => {
        sessions.log.push('second decides');
        return { type: 'SendUsernameReminder', now: Date.now() };
      },
      ctx(),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sessions.log).toEqual(['revoke started']);
    release();
    await Promise.all([first, second]);
    expect(sessions.log).toEqual(['revoke started', 'revoke done', 'first returned', 'second decides']);
  });

  it('rehearses a command: an acceptance appends nothing, a refusal appends what it records and throws', async () => {
    const { accountId } = await registered();
    const before = (await store.readStream(`account-${accountId}`)).length;
    await accounts.rehearse(accountId, changePassword(), ctx());
    expect(await store.readStream(`account-${accountId}`)).toHaveLength(before);
    const wrong = {
      type: 'LogIn' as const,
      loginId: 'l',
      passwordMatches: false,
      otp: { otpId: 'o', codeHash: 'h', codeSealed: 's' },
      now: Date.now(),
    };
    await expect(accounts.rehearse(accountId, wrong, ctx())).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    const types = (await store.readStream(`account-${accountId}`)).slice(before).map((e) => e.type);
    expect(types).toEqual(['LoginFailed']);
  });

  describe('opening a session a login granted', () => {
    const session = (accountId: string) => ({
      sessionId: randomUUID(),
      accountId,
      createdAt: Date.now(),
      mustChangePassword: false,
    });
    const lastRevision = async (accountId: string) =>
      (await store.readStream(`account-${accountId}`)).at(-1)!.revision;

    it('refuses, and ends the session again, when a password change was appended after the login', async () => {
      const { accountId } = await registered();
      const grantedAt = await lastRevision(accountId);
      // Another instance changed the password after this login was decided, before its session was stored:
      // that instance's revocation found nothing to end.
      await accounts.run(accountId, changePassword(), ctx());
      const tokenHash = randomBytes(16).toString('hex');
      expect(await accounts.openSession(tokenHash, session(accountId), grantedAt)).toBe(false);
      expect(await sessions.inner.touch(tokenHash, Date.now())).toBeUndefined();
    });

    it('opens it when nothing that ends sessions came after the login, and a later change ends it', async () => {
      const { accountId } = await registered();
      const grantedAt = await lastRevision(accountId);
      await accounts.run(accountId, { type: 'SendUsernameReminder', now: Date.now() }, ctx());
      const tokenHash = randomBytes(16).toString('hex');
      expect(await accounts.openSession(tokenHash, session(accountId), grantedAt)).toBe(true);
      expect(await sessions.touch(tokenHash, Date.now())).toBeDefined();
      await accounts.run(accountId, changePassword(), ctx());
      expect(await sessions.touch(tokenHash, Date.now())).toBeUndefined();
    });
  });

  it('throws a coded error, with the store’s as its cause, when the revocation fails; the events stay', async () => {
    const { accountId } = await registered();
    const tokenHash = await signedIn(accountId);
    const cause = new Error('sessions store unreachable');
    sessions.fail = cause;
    const error = await accounts.run(accountId, changePassword(), ctx()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SessionsNotRevokedError);
    expect(error).toMatchObject({ code: 'SESSIONS_NOT_REVOKED', accountId, cause });
    const types = (await store.readStream(`account-${accountId}`)).map((e) => e.type);
    expect(types.at(-1)).toBe('PasswordChanged');
    // Not swallowed and not pretended: the session is still open, and the caller was told.
    expect(await sessions.inner.touch(tokenHash, Date.now())).toBeDefined();
  });

  it('still frees a deactivated account’s username when ending its sessions fails', async () => {
    const { accountId, username } = await registered();
    sessions.fail = new Error('sessions store unreachable');
    await expect(
      accounts.run(accountId, { type: 'Deactivate', reason: 'support', now: Date.now() }, ctx()),
    ).rejects.toMatchObject({ code: 'SESSIONS_NOT_REVOKED' });
    expect(await accounts.holder('username', username)).toBeUndefined();
  });

  describe("erasing an account's personal data", () => {
    /** The sealed personal data of the account's registration (its envelope), as stored. */
    const sealedLastName = async (accountId: string) => {
      const registered = (await store.readStream(`account-${accountId}`)).find(
        (e) => e.type === 'Registered',
      )!;
      return (registered.data as { [ENVELOPE_FIELD]: string })[ENVELOPE_FIELD];
    };
    /** The last name the envelope holds, or ERASED. */
    const opened = async (accountId: string, sealed: string) => {
      const fields = await accounts.open(accountId, sealed);
      return fields === ERASED ? ERASED : (fields as Record<string, unknown>)['profile.lastName'];
    };
    const erasures = async (accountId: string) =>
      (await store.readStream(`account-${accountId}`)).filter((e) => e.type === 'PersonalDataErased').length;

    it('records it, ends the sessions, frees the values, deletes the key and refuses every later command', async () => {
      const { accountId, username } = await registered();
      await accounts.claim('email', `${username}@x.test`, accountId, ctx());
      const tokenHash = await signedIn(accountId);
      const sealed = await sealedLastName(accountId);
      expect(await opened(accountId, sealed)).toBe('Tester');

      expect(await accounts.erase(accountId, ctx())).toBe(true);

      expect(await erasures(accountId)).toBe(1);
      expect(await sessions.touch(tokenHash, Date.now())).toBeUndefined();
      expect(await accounts.holder('username', username)).toBeUndefined();
      expect(await accounts.holder('email', `${username}@x.test`)).toBeUndefined();
      const someoneElse = randomUUID();
      expect(await accounts.claim('username', username, someoneElse, ctx())).toBe(true);
      expect(await opened(accountId, sealed)).toBe(ERASED);
      await expect(
        accounts.run(accountId, { type: 'SendUsernameReminder', now: Date.now() }, ctx()),
      ).rejects.toMatchObject({ code: 'ERASED' });
      // Again: nothing more to do, nothing appended, and what someone else took since stays theirs.
      expect(await accounts.erase(accountId, ctx())).toBe(true);
      expect(await erasures(accountId)).toBe(1);
      expect(await accounts.holder('username', username)).toBe(someoneElse);
    });

    it('a retry finishes an erasure that failed part way, the key deleted last', async () => {
      const { accountId, username } = await registered();
      const tokenHash = await signedIn(accountId);
      const sealed = await sealedLastName(accountId);

      sessions.fail = new Error('sessions store unreachable');
      await expect(accounts.erase(accountId, ctx())).rejects.toMatchObject({ code: 'SESSIONS_NOT_REVOKED' });
      expect(await erasures(accountId)).toBe(1);
      // The key is still there: what is left can still be done.
      expect(await opened(accountId, sealed)).toBe('Tester');
      sessions.fail = undefined;

      const keyStoreDown = jest
        .spyOn(t.deps.vault, 'erase')
        .mockRejectedValueOnce(new Error('keys store unreachable'));
      await expect(accounts.erase(accountId, ctx())).rejects.toThrow('keys store unreachable');
      keyStoreDown.mockRestore();
      expect(await sessions.touch(tokenHash, Date.now())).toBeUndefined();
      expect(await accounts.holder('username', username)).toBeUndefined();
      expect(await opened(accountId, sealed)).toBe('Tester');

      expect(await accounts.erase(accountId, ctx())).toBe(true);
      expect(await opened(accountId, sealed)).toBe(ERASED);
      expect(await erasures(accountId)).toBe(1);
    });

    it('a value sealed for an erased account is the ERASED refusal, in a use case and in the pipeline, never a 500', async () => {
      const { accountId } = await registered();
      await accounts.erase(accountId, ctx());
      await expect(accounts.seal(accountId, 'a temporary password')).rejects.toMatchObject({
        name: 'DomainError',
        code: 'ERASED',
      });
      // A key erased under a command the decider accepted (a race with the erasure): the codec's
      // seal of its personal fields answers the same, and nothing is appended.
      const raced = randomUUID();
      await t.deps.vault.erase(raced);
      await expect(
        accounts.run(
          raced,
          {
            type: 'RegisterNonmember',
            accountId: raced,
            profile: { firstName: 'Ray', lastName: 'Ced', dateOfBirth: '1970-01-01', email: 'r@x.test' },
            communication: { email: true, text: false },
            termsAccepted: true,
            username: `user${raced.slice(0, 8)}`,
            password: 'Fixture7Password9Long',
            passwordHash: PASSWORD_HASH,
            securityQuestion: 'First pet?',
            securityAnswerHash: PASSWORD_HASH,
            now: Date.now(),
          },
          ctx(),
        ),
      ).rejects.toMatchObject({ code: 'ERASED' });
      expect(await store.readStream(`account-${raced}`)).toEqual([]);
    });

    it('resolves false for an account that never existed, and writes nothing', async () => {
      const accountId = randomUUID();
      expect(await accounts.erase(accountId, ctx())).toBe(false);
      expect(await store.readStream(`account-${accountId}`)).toEqual([]);
    });
  });

  it('ends the sessions of a refused command that locked the account, then throws the refusal', async () => {
    const { accountId } = await registered();
    const tokenHash = await signedIn(accountId);
    const wrong = () =>
      accounts.run(
        accountId,
        {
          type: 'LogIn',
          loginId: randomUUID(),
          passwordMatches: false,
          otp: { otpId: randomUUID(), codeHash: 'h', codeSealed: 's' },
          now: Date.now(),
        },
        ctx(),
      );
    for (let i = 0; i < accounts.policy.lockout.threshold; i++)
      await expect(wrong()).rejects.toBeInstanceOf(DomainError);
    const types = (await store.readStream(`account-${accountId}`)).map((e) => e.type);
    expect(types).toContain('Locked');
    expect(await sessions.touch(tokenHash, Date.now())).toBeUndefined();
  });
});

describe('Accounts.holds: which reservations an account stands behind', () => {
  let t: TempAccounts<SqliteSessionStore>;
  let accounts: Accounts;
  const YEAR = 365 * 24 * 3_600_000;
  const ctx = (later = 0): CommandContext => ({
    correlationId: randomUUID(),
    actor: { kind: 'system', component: 'test' },
    occurredAt: new Date(Date.now() + later),
  });

  beforeEach(async () => {
    t = await tempAccounts();
    accounts = t.accounts;
  });
  afterEach(() => t.close());

  it('a member id waiting for its activation letter, or held by an imported account, is never taken over', async () => {
    const waiting = randomUUID();
    await accounts.claim('member', 'DEMO0000001', waiting, ctx());
    await accounts.run(
      waiting,
      {
        type: 'RequestActivationCode',
        accountId: waiting,
        memberId: 'DEMO0000001',
        rosterMatched: true,
        codeId: randomUUID(),
        codeHash: 'a'.repeat(64),
        codeSealed: await accounts.seal(waiting, 'ABCD-EFGH'),
        now: Date.now(),
      },
      ctx(),
    );
    const legacy = randomUUID();
    await accounts.claim('member', 'DEMO0000002', legacy, ctx());
    await accounts.run(
      legacy,
      {
        type: 'ImportLegacyAccount',
        accountId: legacy,
        memberId: 'DEMO0000002',
        passwordHash: PASSWORD_HASH,
        profile: { firstName: 'Jordan', lastName: 'Testperson', dateOfBirth: '1975-11-23', email: '' },
        now: Date.now(),
      },
      ctx(),
    );
    for (const memberId of ['DEMO0000001', 'DEMO0000002'])
      await expect(accounts.claim('member', memberId, randomUUID(), ctx(YEAR))).rejects.toMatchObject({
        code: 'MEMBER_ALREADY_REGISTERED',
      });
    expect(await accounts.holder('member', 'DEMO0000001')).toBe(waiting);
    expect(await accounts.holder('member', 'DEMO0000002')).toBe(legacy);
  });

  it('a value an account claimed but was never recorded with frees after the claim expires', async () => {
    // The legacy account claimed a username, and its UsernameCreated never followed (a crash).
    const legacy = randomUUID();
    await accounts.run(
      legacy,
      {
        type: 'ImportLegacyAccount',
        accountId: legacy,
        memberId: 'DEMO0000003',
        passwordHash: PASSWORD_HASH,
        profile: { firstName: 'Alex', lastName: 'Demo', dateOfBirth: '1992-06-15', email: '' },
        now: Date.now(),
      },
      ctx(),
    );
    await accounts.claim('username', 'neverrecorded', legacy, ctx());
    expect(await accounts.holds('username', accounts.lookupKey('username', 'neverrecorded'), legacy)).toBe(
      false,
    );
    // Its own retry still holds it; anyone else waits for the expiry.
    expect(await accounts.claim('username', 'neverrecorded', legacy, ctx(YEAR))).toBe(false);
    const other = randomUUID();
    await expect(accounts.claim('username', 'neverrecorded', other, ctx(60_000))).rejects.toMatchObject({
      code: 'USERNAME_TAKEN',
    });
    expect(await accounts.claim('username', 'neverrecorded', other, ctx(3 * 60_000))).toBe(true);
  });
});

describe('Accounts on the hot paths: each account key unwrapped at most once per cache age', () => {
  let t: TempAccounts<SqliteSessionStore>;
  let counting!: CountingKeyStore;

  beforeEach(async () => {
    t = await tempAccounts({ keys: (inner) => (counting = new CountingKeyStore(inner)) });
  });
  afterEach(() => t.close());

  const ctx = (): CommandContext => ({
    correlationId: randomUUID(),
    actor: { kind: 'anonymous' },
    occurredAt: new Date(),
  });

  it('a password step and a code step, in a process that had no key in memory, unwrap the key once', async () => {
    const accountId = randomUUID();
    await t.accounts.run(
      accountId,
      {
        type: 'RegisterNonmember',
        accountId,
        profile: { firstName: 'Robin', lastName: 'Tester', dateOfBirth: '1975-02-03', email: 'hot@x.test' },
        communication: { email: true, text: false },
        termsAccepted: true,
        username: `user${accountId.slice(0, 8)}`,
        password: 'Fixture7Password9Long',
        passwordHash: PASSWORD_HASH,
        securityQuestion: 'First pet?',
        securityAnswerHash: PASSWORD_HASH,
        now: Date.now(),
      },
      ctx(),
    );
    // Another API process: its own vault, nothing in memory.
    const accounts = new Accounts({
      ...t.deps,
      vault: new Vault(counting),
    });
    counting.reset();
    const loginId = randomUUID();
    const code = '123456';
    const codeHash = accounts.codeHash('otp', code);
    await accounts.run(
      accountId,
      {
        type: 'LogIn',
        loginId,
        passwordMatches: true,
        otp: { otpId: randomUUID(), codeHash, codeSealed: await accounts.seal(accountId, code) },
        now: Date.now(),
      },
      ctx(),
    );
    await accounts.run(
      accountId,
      { type: 'VerifyOtp', loginId, codeHash, sessionId: randomUUID(), now: Date.now() },
      ctx(),
    );
    expect((await accounts.state(accountId)).status).toBe('active');
    expect(counting.count(accountId)).toBe(1);
  });
});

describe('Accounts’ intent methods, the only way to its hasher, vault, key and sessions', () => {
  let t: TempAccounts<SqliteSessionStore>;
  let accounts: Accounts;

  beforeEach(async () => {
    t = await tempAccounts({ hasher: new PasswordHasher({ memoryCost: 8192, timeCost: 1, parallelism: 1 }) });
    accounts = t.accounts;
  });
  afterEach(() => t.close());

  it('checks a password against the hash it made, and a missing hash as a wrong one', async () => {
    const hash = await accounts.hashPassword('Correct7Horse9Battery');
    expect(await accounts.passwordChecker('Correct7Horse9Battery')(hash)).toBe(true);
    expect(await accounts.passwordChecker('correct7horse9battery')(hash)).toBe(false);
    expect(await accounts.passwordChecker('Correct7Horse9Battery')(undefined)).toBe(false);
    expect(await accounts.verifyAgainstDummy('Correct7Horse9Battery')).toBe(false);
  });

  it('opens what it sealed for the account, and ERASED once the account is erased', async () => {
    const accountId = randomUUID();
    const sealed = await accounts.seal(accountId, 'a temporary password');
    expect(await accounts.open(accountId, sealed)).toBe('a temporary password');
    await t.deps.vault.erase(accountId);
    expect(await accounts.open(accountId, sealed)).toBe(ERASED);
  });

  it('keys hashes and ids under its own key: the same for the same input and purpose only', () => {
    expect(accounts.keyedHash('session', 'token')).toBe(accounts.keyedHash('session', 'token'));
    expect(accounts.keyedHash('session', 'token')).not.toBe(accounts.keyedHash('reset', 'token'));
    const id = accounts.keyedUuid('member', 'legacy\0DEMO0000001');
    expect(id).toBe(accounts.keyedUuid('member', 'legacy\0DEMO0000001'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).not.toBe(accounts.keyedUuid('npi', 'legacy\0DEMO0000001'));
  });

  it('ends one session, or all of an account’s, and tells its timeouts', async () => {
    const accountId = randomUUID();
    const session = (sessionId: string) => ({
      sessionId,
      accountId,
      createdAt: Date.now(),
      mustChangePassword: false,
    });
    await t.sessions.create('hash-1', session('s-1'));
    await t.sessions.create('hash-2', session('s-2'));
    expect(await accounts.touchSession('hash-1', Date.now())).toMatchObject({ sessionId: 's-1' });
    await accounts.endSession('hash-1');
    expect(await accounts.touchSession('hash-1', Date.now())).toBeUndefined();
    expect(await accounts.endAllSessions(accountId)).toBe(1);
    expect(await accounts.touchSession('hash-2', Date.now())).toBeUndefined();
    expect(accounts.sessionTimeouts).toBe(t.sessions.timeouts);
    await expect(accounts.pingSessions()).resolves.toBeUndefined();
  });

  it('finds members on the roster by member id', async () => {
    const entry = await accounts.rosterEntry('DEMO0000001');
    expect(entry?.memberId).toBe('DEMO0000001');
    expect(await accounts.rosterEntry('NOPE0000000')).toBeUndefined();
  });
});
