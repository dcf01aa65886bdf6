/**
 * A real SQLite event store and vault in a temp dir, filled through the one command
 * pipeline (handleCommand with the Account decider and codec), so the streams are
 * chained and sealed exactly as the service writes them. The secrets are canaries:
 * tests look for them in what the audit functions return.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { accountCodec } from '@portal/accounts';
import { type CommandContext, handleCommand, KeyedMutex, reserve, type StreamCodec } from '@portal/command';
import {
  type AccountCommand,
  type AccountEvent,
  accountDecider,
  type AccountState,
  accountStreamId,
} from '@portal/domain';
import { SqliteEventStore } from '@portal/event-store';
import { SqliteDataKeyStore, Vault } from '@portal/vault';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');
/** Minute `m` of the fixture's history. */
export const at = (m: number) => T0 + m * 60_000;

export const CANARY = {
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$CANARY-PASSWORD-HASH',
  newPasswordHash: '$argon2id$v=19$m=19456,t=2,p=1$CANARY-NEW-PASSWORD-HASH',
  answerHash: '$argon2id$v=19$m=19456,t=2,p=1$CANARY-ANSWER-HASH',
  otpHash: 'CANARY-OTP-HASH-0123456789abcdef',
  otp: '482913',
  recoveryHashes: ['CANARY-RECOVERY-HASH-1', 'CANARY-RECOVERY-HASH-2'],
  totpSecret: 'CANARYTOTPSECRETXYZ',
  securityQuestion: 'Name of your first pet?',
  resetId: '9d1f6f0e-3c55-4c1e-9b1a-5a0b7c4d2e11',
} as const;

export const PROFILE = {
  firstName: 'Quentin',
  lastName: 'Auditson',
  dateOfBirth: '1979-12-31',
  email: 'quentin.auditson@example.com',
  phone: '+15555550142',
};

export interface AuditFixture {
  dir: string;
  file: string;
  store: SqliteEventStore;
  vault: Vault;
  /** How `run` stores events: the service's codec, or another (events stored in an older format). */
  codec: StreamCodec<AccountEvent>;
  /** Appends through the pipeline at minute `minute`; a refused command's events still land. */
  run(
    accountId: string,
    command: (now: number) => AccountCommand | Promise<AccountCommand>,
    minute: number,
  ): Promise<void>;
  /** The sealed form of a value, as the API would put on a command. */
  seal(accountId: string, value: unknown): Promise<string>;
  /** Folds the account's first `count` events (all when omitted), decoded as the service decodes them. */
  fold(accountId: string, count?: number): Promise<AccountState>;
  /** Changes the file behind the store's back, with the store closed, then reopens it. */
  tamper(sql: string, ...params: unknown[]): Promise<void>;
  close(): Promise<void>;
}

export async function openFixture(): Promise<AuditFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'audit-'));
  const file = join(dir, 'events.sqlite');
  const keys = new SqliteDataKeyStore(join(dir, 'keys.sqlite'), randomBytes(32));
  const vault = new Vault(keys);
  const decider = accountDecider();
  const mutex = new KeyedMutex();
  const fixture: AuditFixture = {
    dir,
    file,
    store: SqliteEventStore.open(file),
    vault,
    codec: accountCodec(vault),
    async run(accountId, command, minute) {
      const now = at(minute);
      const ctx: CommandContext = {
        correlationId: randomUUID(),
        actor: { kind: 'self', accountId },
        occurredAt: new Date(now),
      };
      const input = await command(now);
      await handleCommand(
        { store: fixture.store, codec: fixture.codec, mutex },
        accountStreamId(accountId),
        decider,
        input,
        ctx,
      ).catch((error: unknown) => {
        // Refusals are part of a history (a failed login); anything else is a broken fixture.
        if (!(error instanceof Error && error.name === 'DomainError')) throw error;
      });
    },
    seal: (accountId, value) => vault.seal(accountId, value),
    async fold(accountId, count) {
      const events = await fixture.store.readStream(accountStreamId(accountId));
      let state = decider.initialState();
      for (const e of events.slice(0, count ?? events.length))
        state = decider.evolve(state, (await fixture.codec.decode(e)) as AccountEvent);
      return state;
    },
    async tamper(sql, ...params) {
      await fixture.store.close();
      const db = new Database(file);
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
      fixture.store = SqliteEventStore.open(file);
    },
    async close() {
      await fixture.store.close();
      await keys.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/**
 * One account through a realistic life (10 events, minute 0 to 6): registration, a
 * wrong password, a login with an emailed code, recovery codes, an authenticator
 * app, a password change. Revisions: 0-1 at minute 0, 2 at 1, 3-4 at 2, 5-6 at 3,
 * 7 at 4, 8 at 5, 9 at 6.
 */
export async function liveAccount(f: AuditFixture, accountId = randomUUID()): Promise<string> {
  const loginId = randomUUID();
  await f.run(
    accountId,
    (now) => ({
      type: 'RegisterNonmember',
      now,
      accountId,
      username: 'quentin.audit',
      password: 'Ledger-Lamp-4417',
      passwordHash: CANARY.passwordHash,
      securityQuestion: CANARY.securityQuestion,
      securityAnswerHash: CANARY.answerHash,
      profile: PROFILE,
      communication: { email: true, text: false },
      termsAccepted: true,
    }),
    0,
  );
  await f.run(
    accountId,
    (now) => ({ type: 'LogIn', now, loginId: randomUUID(), passwordMatches: false, otp: dummyOtp() }),
    1,
  );
  const codeSealed = await f.seal(accountId, CANARY.otp);
  await f.run(
    accountId,
    (now) => ({
      type: 'LogIn',
      now,
      loginId,
      passwordMatches: true,
      otp: { otpId: randomUUID(), codeHash: CANARY.otpHash, codeSealed },
    }),
    2,
  );
  await f.run(
    accountId,
    (now) => ({ type: 'VerifyOtp', now, loginId, codeHash: CANARY.otpHash, sessionId: randomUUID() }),
    3,
  );
  await f.run(
    accountId,
    (now) => ({ type: 'IssueRecoveryCodes', now, codeHashes: [...CANARY.recoveryHashes] }),
    4,
  );
  const secretSealed = await f.seal(accountId, CANARY.totpSecret);
  await f.run(
    accountId,
    (now) => ({ type: 'ConfirmAuthenticator', now, secretSealed, matchedTimeStep: 59_000_000 }),
    5,
  );
  await f.run(
    accountId,
    (now) => ({
      type: 'ChangePassword',
      now,
      currentPasswordMatches: true,
      password: 'Ledger-Lamp-4418-b',
      passwordHash: CANARY.newPasswordHash,
    }),
    6,
  );
  return accountId;
}

/** An account registered at minute 10 whose key was then erased (crypto-shredding) and the erasure recorded at 11. */
export async function erasedAccount(f: AuditFixture, accountId = randomUUID()): Promise<string> {
  await f.run(
    accountId,
    (now) => ({
      type: 'RegisterNonmember',
      now,
      accountId,
      username: 'erased.person',
      password: 'Ledger-Lamp-4419',
      passwordHash: CANARY.passwordHash,
      securityQuestion: CANARY.securityQuestion,
      securityAnswerHash: CANARY.answerHash,
      profile: { ...PROFILE, firstName: 'Erasmus' },
      communication: { email: false, text: false },
      termsAccepted: true,
    }),
    10,
  );
  await f.vault.erase(accountId);
  await f.run(accountId, (now) => ({ type: 'ErasePersonalData', now }), 11);
  return accountId;
}

/** A username reservation stream (`username-<hmac>`), chained like every stream. */
export async function reservation(f: AuditFixture, accountId: string): Promise<string> {
  const key = randomBytes(32).toString('hex');
  await reserve({ store: f.store }, 'Claim', 'username', key, accountId, {
    correlationId: randomUUID(),
    actor: { kind: 'system', component: 'audit-test' },
    occurredAt: new Date(at(7)),
  });
  return `username-${key}`;
}

function dummyOtp() {
  return { otpId: randomUUID(), codeHash: 'unused', codeSealed: 'unused' };
}
