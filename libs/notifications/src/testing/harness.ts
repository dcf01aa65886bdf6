/**
 * Test fixtures for the notifications lib: an event store, the accounts layer and
 * its files in a temporary folder, members made through the real decider, and an
 * SMTP server (the `smtp-server` package) that keeps what it receives.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { parseEml } from '../../../../test/support/outbox';
import { Accounts, SqliteSessionStore } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import { SqliteEventStore } from '@portal/event-store';
import type { Logger } from '@portal/observability';
import { CsvRoster } from '@portal/roster';
import { PasswordHasher } from '@portal/security';
import { SqliteDataKeyStore, Vault } from '@portal/vault';
import type { PlanInfo } from '../templates';

export const PLAN: PlanInfo = {
  name: 'Test Health Plan',
  supportPhone: '1-800-555-0199',
  portalUrl: 'https://members.test.example',
};

export const DEMO_ROSTER = join(__dirname, '..', '..', '..', 'roster', 'demo', 'roster.csv');

/** A pino-shaped logger that keeps every line, to look for leaks. */
export function memoryLogger(lines: string[] = []): Logger & { lines: string[] } {
  const write =
    (level: string) =>
    (context: unknown, message?: string): void => {
      lines.push(
        JSON.stringify({ level, ...(typeof context === 'object' ? context : { message: context }), message }),
      );
    };
  const logger = {
    lines,
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    child: () => logger,
  };
  return logger as unknown as Logger & { lines: string[] };
}

export class Fixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'portal-notifications-'));
  readonly store = SqliteEventStore.open(join(this.dir, 'events.sqlite'), { pollIntervalMs: 20 });
  private readonly keys = new SqliteDataKeyStore(join(this.dir, 'keys.sqlite'), randomBytes(32));
  private readonly sessions = new SqliteSessionStore(join(this.dir, 'sessions.sqlite'));
  /** What `accounts` was built with, for what a test builds beside it (codecs, projections, the worker). */
  readonly vault = new Vault(this.keys);
  readonly roster = new CsvRoster(DEMO_ROSTER);
  readonly hmacKey = randomBytes(32);
  readonly accounts = new Accounts({
    store: this.store,
    vault: this.vault,
    hasher: new PasswordHasher(),
    sessions: this.sessions,
    roster: this.roster,
    hmacKey: this.hmacKey,
  });

  ctx(): CommandContext {
    return { correlationId: randomUUID(), actor: { kind: 'anonymous' }, occurredAt: new Date() };
  }

  /** A registered nonmember with this email; returns the account id. */
  async registered(email: string, firstName = 'Robin'): Promise<string> {
    const accountId = randomUUID();
    await this.accounts.run(
      accountId,
      {
        type: 'RegisterNonmember',
        accountId,
        profile: { firstName, lastName: 'Tester', dateOfBirth: '1975-02-03', email },
        communication: { email: true, text: false },
        termsAccepted: true,
        username: `user${accountId.slice(0, 8)}`,
        password: 'Fixture7Password9Long',
        passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$fixture$fixture',
        securityQuestion: 'First pet?',
        securityAnswerHash: '$argon2id$v=19$m=19456,t=2,p=1$fixture$answer',
        now: Date.now(),
      },
      this.ctx(),
    );
    return accountId;
  }

  /** The first step of a login: an OtpIssued whose code is returned. */
  async loginCode(accountId: string): Promise<{ code: string; otpId: string }> {
    const code = String(100000 + Math.floor(Math.random() * 900000));
    const otpId = randomUUID();
    await this.accounts.run(
      accountId,
      {
        type: 'LogIn',
        loginId: randomUUID(),
        passwordMatches: true,
        otp: {
          otpId,
          codeHash: this.accounts.codeHash('otp', code),
          codeSealed: await this.accounts.seal(accountId, code),
        },
        now: Date.now(),
      },
      this.ctx(),
    );
    return { code, otpId };
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.sessions.close();
    await this.keys.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** An SMTP server on 127.0.0.1 that accepts every message (no auth, no TLS) and keeps it. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(port = 0): Promise<SmtpSink> {
    const received: ReceivedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      // Clients with pooled connections still open are cut after this on close.
      closeTimeout: 500,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.server.address();
    const sink = new SmtpSink(server, typeof address === 'object' && address ? address.port : port);
    (sink as { received: ReceivedMail[] }).received = received;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A port nothing listens on (taken, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The text/plain part of a raw message, decoded (the same reader the e2e tests use for the outbox). */
export function textOf(raw: string): string {
  return parseEml('', raw.replace(/\r?\n/g, '\r\n')).text;
}

/** The text/html part of a raw message, decoded. */
export function htmlOf(raw: string): string {
  return parseEml('', raw.replace(/\r?\n/g, '\r\n')).html;
}

export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
