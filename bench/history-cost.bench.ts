/**
 * What an account's history costs a command (issue #21): the password step (the
 * service's LogInHandler, real argon2) and the code step (the `VerifyOtp` command through
 * Accounts) on a fresh account and on one with 10,000 events, in one process on the
 * embedded stores, with snapshots on or off. Not part of the test suite.
 *
 *   npm run bench:history-cost -- [--events 10000] [--iterations 200] [--snapshots on|off]
 *
 * The long history is appended straight to the store (sealed and chained as the pipeline
 * writes it), as years of sign-ins would have left it. Run both modes interleaved on the
 * same machine to compare; each line is `step account p50 p99` in milliseconds.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { accountCodec, Accounts, SqliteSessionStore } from '../libs/accounts/src';
import { chain, type CommandContext } from '../libs/command/src';
import { type AccountEvent, accountStreamId } from '../libs/domain/src';
import { type NewEvent, SqliteEventStore } from '../libs/event-store/src';
import { CsvRoster } from '../libs/roster/src';
import { PasswordHasher } from '../libs/security/src';
import { SqliteDataKeyStore, Vault } from '../libs/vault/src';
import { LogInCommand } from '../apps/api/src/portal/log-in/log-in.command';
import { LogInHandler } from '../apps/api/src/portal/log-in/log-in.handler';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? undefined : argv[i + 1];
};
const EVENTS = Number(opt('events') ?? 10_000);
const ITERATIONS = Number(opt('iterations') ?? 200);
const SNAPSHOTS = (opt('snapshots') ?? 'on') === 'on';
const PASSWORD = 'Bench7Password9Long';
const ROSTER = join(__dirname, '..', '..', 'libs', 'roster', 'demo', 'roster.csv');

const ctx = (): CommandContext => ({
  correlationId: randomUUID(),
  actor: { kind: 'anonymous' },
  occurredAt: new Date(),
});

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'history-cost-'));
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  const keys = new SqliteDataKeyStore(join(dir, 'keys.sqlite'), randomBytes(32));
  const sessions = new SqliteSessionStore(join(dir, 'sessions.sqlite'));
  const vault = new Vault(keys);
  const hasher = new PasswordHasher();
  const accounts = new Accounts({
    store,
    vault,
    hasher,
    sessions,
    roster: new CsvRoster(ROSTER),
    hmacKey: randomBytes(32),
    ...(SNAPSHOTS ? { snapshots: store.snapshots() } : {}),
  });
  const logIn = new LogInHandler(accounts);
  const passwordHash = await hasher.hash(PASSWORD);

  async function registered(username: string): Promise<string> {
    const accountId = randomUUID();
    await accounts.claim('username', username, accountId, ctx());
    await accounts.run(
      accountId,
      {
        type: 'RegisterNonmember',
        accountId,
        profile: {
          firstName: 'Bench',
          lastName: 'Mark',
          dateOfBirth: '1975-02-03',
          email: `${username}@x.test`,
        },
        communication: { email: true, text: false },
        termsAccepted: true,
        username,
        password: PASSWORD,
        passwordHash,
        securityQuestion: 'First pet?',
        securityAnswerHash: passwordHash,
        now: Date.now(),
      },
      ctx(),
    );
    return accountId;
  }

  async function history(accountId: string, events: number): Promise<void> {
    const stream = accountStreamId(accountId);
    const codec = accountCodec(vault);
    const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    let prevHash = last.metadata.hash!;
    let revision = last.revision;
    for (let done = 0; done < events;) {
      const batch: NewEvent[] = [];
      for (; batch.length < 500 && done < events; done += 2) {
        const loginId = randomUUID();
        const pair: AccountEvent[] = [
          { type: 'PasswordAccepted', data: { loginId } },
          { type: 'LoginSucceeded', data: { loginId, sessionId: randomUUID(), method: 'email-code' } },
        ];
        for (const event of pair) {
          const encoded = await codec.encode(stream, event);
          batch.push({
            id: randomUUID(),
            type: encoded.type,
            data: encoded.data,
            metadata: {
              correlationId: randomUUID(),
              actor: { kind: 'self', accountId },
              occurredAt: new Date().toISOString(),
              schemaVersion: encoded.schemaVersion,
            },
          });
        }
      }
      const chained = chain(batch, prevHash);
      prevHash = chained.at(-1)!.metadata.hash!;
      revision = (await store.append(stream, chained, revision)).nextRevision;
    }
  }

  const fresh = { name: 'fresh', username: 'benchfresh1', id: '' };
  const long = { name: `${EVENTS}-events`, username: 'benchlong1', id: '' };
  fresh.id = await registered(fresh.username);
  long.id = await registered(long.username);
  await history(long.id, EVENTS);

  process.stdout.write(`history-cost: snapshots ${SNAPSHOTS ? 'on' : 'off'}, ${ITERATIONS} iterations\n`);
  for (const account of [fresh, long, fresh, long]) {
    const password: number[] = [];
    const code: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      let started = performance.now();
      await logIn.execute(new LogInCommand(account.username, PASSWORD, ctx()));
      password.push(performance.now() - started);
      // The code step, with a code this process knows: a login it starts, then its VerifyOtp.
      const loginId = randomUUID();
      const codeValue = String(100000 + i);
      await accounts.run(
        account.id,
        {
          type: 'LogIn',
          loginId,
          passwordMatches: true,
          otp: {
            otpId: randomUUID(),
            codeHash: accounts.codeHash('otp', codeValue),
            codeSealed: await vault.seal(account.id, codeValue),
          },
          now: Date.now(),
        },
        ctx(),
      );
      started = performance.now();
      await accounts.run(
        account.id,
        {
          type: 'VerifyOtp',
          loginId,
          codeHash: accounts.codeHash('otp', codeValue),
          sessionId: randomUUID(),
          now: Date.now(),
        },
        ctx(),
      );
      code.push(performance.now() - started);
    }
    for (const [step, values] of [
      ['password', password],
      ['code', code],
    ] as const)
      process.stdout.write(
        `${step}\t${account.name}\tp50 ${quantile(values, 0.5).toFixed(2)}\tp99 ${quantile(values, 0.99).toFixed(2)}\n`,
      );
  }
  await accounts.snapshots?.idle();
  await store.close();
  await sessions.close();
  await keys.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`history-cost: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
