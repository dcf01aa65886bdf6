/**
 * Enumeration timing benchmark (not part of the test suite). DESIGN.md: unknown,
 * wrong-password and locked logins must answer in the same time "within a
 * bound", and so must forgot-password and forgot-username for known and unknown
 * accounts, and a reset's code step for a real reset (a wrong code, recorded; a
 * used-up code) and a decoy's. This measures that bound instead of asserting it.
 *
 * Boots the service as `npm start` does (api + projector + worker, embedded
 * adapters, a temporary DATA_DIR, rate limits off), listens on 127.0.0.1, and
 * a client in a child process times each answer as a caller sees it (request
 * sent → body read), one request at a time. Each round runs every case once, in a new random order, so that
 * drift and the background work one case leaves (emails, the lock's email) fall
 * on every case alike.
 *
 * Run with `npm run bench:enumeration`. Options: `-- --rounds 200 --warmup 20`;
 * `ROLES=api` runs the API alone (no emails sent, so less background work).
 * `BENCH_PROFILE=/tmp/prof` writes a CPU profile of the measured rounds.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { listeningBenchApp } from './bench-app';
import { boot } from '../libs/runtime/src';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}
const ROUNDS = arg('rounds', 200);
const WARMUP = arg('warmup', 20);
/** Wrong passwords per account: the 5th would lock it. */
const TRIES_BEFORE_LOCK = 4;
const LOCKED_ACCOUNTS = 20;
/** Wrong codes per reset: each is recorded (the 6th would be refused unchecked). */
const CODE_TRIES = 5;
/** Right about once in a million tries: the group's answers (checked below) would then differ. */
const WRONG_CODE = '000000';
const PASSWORD = 'Bench7Password9Right';
const WRONG = 'Bench7Password9Wrong';

interface Answer {
  status: number;
  body: string;
}

/** The service, in this process; the client runs in a child so that its timing never waits on the service's event loop. */
async function server(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-enum-'));
  const b = boot('standalone', {
    env: {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      RATE_LIMIT_IP_PER_MINUTE: '0',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
      RATE_LIMIT_MESSAGES_PER_HOUR: '0',
      // ROLES=api leaves out the projector and the worker: no emails, less background work.
      ...(process.env.ROLES ? { ROLES: process.env.ROLES } : {}),
    },
  });
  const app: NestFastifyApplication = await listeningBenchApp(b);
  console.log(
    `service: roles ${[...b.config.roles].join(', ')}; ${cpus().length} CPUs (${cpus()[0]?.model}), node ${process.version}`,
  );

  let profiler: Session | undefined;
  const child = fork(__filename, ['--client', await app.getUrl(), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  const code = await new Promise<number>((resolve) => {
    child.on('message', (m: { measuring?: boolean }) => {
      if (m.measuring && process.env.BENCH_PROFILE) {
        profiler = new Session();
        profiler.connect();
        profiler.post('Profiler.enable', () => profiler!.post('Profiler.start'));
      }
    });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  if (profiler) {
    const dir = process.env.BENCH_PROFILE!;
    mkdirSync(dir, { recursive: true });
    await new Promise<void>((resolve) =>
      profiler!.post('Profiler.stop', (_e, { profile }) => {
        writeFileSync(join(dir, 'enumeration.cpuprofile'), JSON.stringify(profile));
        resolve();
      }),
    );
    profiler.disconnect();
  }
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}

async function client(base: string): Promise<void> {
  const post = async (path: string, body: object): Promise<Answer & { ms: number }> => {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text, ms: performance.now() - t0 };
  };
  const expect = (a: Answer, status: number, what: string) => {
    if (a.status !== status) throw new Error(`${what}: expected ${status}, got ${a.status} ${a.body}`);
  };
  // Setup, not measured.
  const total = ROUNDS + WARMUP;
  const wrongPool = Math.ceil(total / TRIES_BEFORE_LOCK);
  const registration = (username: string, email: string) => ({
    firstName: 'Bench',
    lastName: 'Person',
    dateOfBirth: '1980-01-01',
    email,
    phone: '+15555550100',
    username,
    password: PASSWORD,
    securityQuestion: 'Name of your first pet?',
    securityAnswer: 'Rex the Dog',
    communication: { email: true, text: false },
    termsAccepted: true,
  });
  const register = async (username: string) =>
    expect(
      await post('/v1/registrations/nonmember', registration(username, `${username}@bench.example`)),
      201,
      'register',
    );
  const setupStart = performance.now();
  // A member of the demo roster with an account; another without one.
  const registeredMember = {
    memberId: 'DEMO0000001',
    firstName: 'Pat',
    lastName: 'Example',
    dateOfBirth: '1980-04-01',
  };
  const waitingMember = {
    memberId: 'DEMO0000002',
    firstName: 'Jordan',
    lastName: 'Testperson',
    dateOfBirth: '1975-11-23',
  };
  expect(
    await post('/v1/registrations/member', {
      ...registeredMember,
      email: 'benchmember@bench.example',
      phone: '+15555550100',
      username: 'benchmember',
      password: PASSWORD,
      securityQuestion: 'Name of your first pet?',
      securityAnswer: 'Rex the Dog',
      communication: { email: true, text: false },
      termsAccepted: true,
    }),
    201,
    'register the member',
  );
  for (let i = 0; i < wrongPool; i++) await register(`benchknown${i}`);
  for (let i = 0; i < LOCKED_ACCOUNTS; i++) {
    await register(`benchlocked${i}`);
    for (let k = 0; k < 5; k++)
      expect(await post('/v1/login', { username: `benchlocked${i}`, password: WRONG }), 401, 'lock');
  }
  // Reset code step: a reset in progress per known account, each taking CODE_TRIES wrong codes (every one
  // recorded); one whose code is used up (refused, nothing recorded); decoys for usernames nobody holds.
  const resetPool = Math.ceil(total / CODE_TRIES);
  const startReset = async (username: string) => {
    const a = await post('/v1/password-resets', { username });
    expect(a, 202, 'start a reset');
    return (JSON.parse(a.body) as { resetToken: string }).resetToken;
  };
  const resetTokens: string[] = [];
  for (let i = 0; i < resetPool; i++) {
    await register(`benchreset${i}`);
    resetTokens.push(await startReset(`benchreset${i}`));
  }
  await register('benchresetspent');
  const spentToken = await startReset('benchresetspent');
  await new Promise((resolve) => setTimeout(resolve, 200)); // the reset's code is made just after the answer
  for (let k = 0; k < 5; k++)
    expect(
      await post('/v1/password-resets/verify-code', { resetToken: spentToken, code: WRONG_CODE }),
      401,
      'use up a reset code',
    );
  const decoyTokens: string[] = [];
  for (let i = 0; i < 20; i++) decoyTokens.push(await startReset(`benchnoreset${i}`));
  console.log(
    `setup: ${wrongPool + LOCKED_ACCOUNTS + resetPool + 1} accounts, ${LOCKED_ACCOUNTS} locked, ${resetPool + 1} resets, ${Math.round(performance.now() - setupStart)} ms`,
  );

  type Case = { name: string; group: string; run: (i: number) => Promise<Answer & { ms: number }> };
  const cases: Case[] = [
    {
      name: 'login, unknown username',
      group: 'login',
      run: (i) => post('/v1/login', { username: `benchnobody${i}`, password: WRONG }),
    },
    {
      name: 'login, known username, wrong password',
      group: 'login',
      run: (i) => post('/v1/login', { username: `benchknown${i % wrongPool}`, password: WRONG }),
    },
    {
      name: 'login, locked account, right password',
      group: 'login',
      run: (i) => post('/v1/login', { username: `benchlocked${i % LOCKED_ACCOUNTS}`, password: PASSWORD }),
    },
    {
      name: 'forgot password, known username',
      group: 'forgot-password',
      run: (i) => post('/v1/password-resets', { username: `benchknown${i % wrongPool}` }),
    },
    {
      name: 'forgot password, unknown username',
      group: 'forgot-password',
      run: (i) => post('/v1/password-resets', { username: `benchnobody${i}` }),
    },
    {
      name: 'reset code, known username, wrong code (recorded)',
      group: 'reset-code',
      run: (i) =>
        post('/v1/password-resets/verify-code', {
          resetToken: resetTokens[Math.floor(i / CODE_TRIES)],
          code: WRONG_CODE,
        }),
    },
    {
      name: 'reset code, known username, code used up',
      group: 'reset-code',
      run: () => post('/v1/password-resets/verify-code', { resetToken: spentToken, code: WRONG_CODE }),
    },
    {
      name: 'reset code, unknown username (decoy)',
      group: 'reset-code',
      run: (i) =>
        post('/v1/password-resets/verify-code', { resetToken: decoyTokens[i % 20], code: WRONG_CODE }),
    },
    {
      name: 'forgot username, known email',
      group: 'forgot-username',
      run: (i) => post('/v1/username-reminders', { email: `benchknown${i % wrongPool}@bench.example` }),
    },
    {
      name: 'forgot username, unknown email',
      group: 'forgot-username',
      run: (i) => post('/v1/username-reminders', { email: `benchnobody${i}@bench.example` }),
    },
    {
      name: 'registration, new email',
      group: 'registration',
      run: (i) =>
        post('/v1/registrations/nonmember', registration(`benchnew${i}`, `benchnew${i}@bench.example`)),
    },
    {
      name: "registration, another account's email",
      group: 'registration',
      run: (i) =>
        post(
          '/v1/registrations/nonmember',
          registration(`benchdup${i}`, `benchknown${i % wrongPool}@bench.example`),
        ),
    },
    {
      name: 'activation code, member without an account',
      group: 'activation-code',
      run: () => post('/v1/activation-codes', waitingMember),
    },
    {
      name: 'activation code, member with an account',
      group: 'activation-code',
      run: () => post('/v1/activation-codes', registeredMember),
    },
  ];
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const bodies = new Map<string, Set<string>>(cases.map((c) => [c.group, new Set()]));

  for (let round = 0; round < total; round++) {
    if (round === WARMUP) process.send!({ measuring: true });
    for (const c of shuffle([...cases])) {
      const a = await c.run(round);
      if (a.status >= 500) throw new Error(`${c.name}: ${a.status} ${a.body}`);
      if (round < WARMUP) continue;
      samples.get(c.name)!.push(a.ms);
      // Reset tokens differ per request; what must not differ is the status and the shape.
      bodies.get(c.group)!.add(`${a.status} ${a.body.replace(/"resetToken":"[^"]*"/, '"resetToken":"…"')}`);
    }
  }
  const stats = cases.map((c) => {
    const s = [...samples.get(c.name)!].sort((x, y) => x - y);
    return { ...c, p50: quantile(s, 0.5), p99: quantile(s, 0.99), n: s.length };
  });
  console.log(`\n${ROUNDS} rounds (+${WARMUP} warm-up)\n`);
  console.log('| case | n | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: |');
  for (const s of stats) console.log(`| ${s.name} | ${s.n} | ${s.p50.toFixed(2)} | ${s.p99.toFixed(2)} |`);
  console.log(
    '\n| group | largest difference of medians | of the fastest median | distinct answers (status + body) |',
  );
  console.log('| --- | ---: | ---: | ---: |');
  let largest = 0;
  for (const group of [...new Set(cases.map((c) => c.group))]) {
    const medians = stats.filter((s) => s.group === group).map((s) => s.p50);
    const diff = Math.max(...medians) - Math.min(...medians);
    largest = Math.max(largest, diff);
    const relative = (100 * diff) / Math.min(...medians);
    console.log(
      `| ${group} | ${diff.toFixed(2)} ms | ${relative.toFixed(1)}% | ${bodies.get(group)!.size} |`,
    );
  }
  console.log(`\nlargest difference of medians: ${largest.toFixed(2)} ms`);
  for (const [group, seen] of bodies) if (seen.size > 1) console.log(`${group} answers differ:`, [...seen]);
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const clientOf = process.argv.indexOf('--client');
(clientOf === -1 ? server() : client(process.argv[clientOf + 1])).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
