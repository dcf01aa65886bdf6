/**
 * Load generator for the projector-lag benchmark, run as a child process of
 * projector.bench.ts so that its work never waits on the service's event loop.
 *
 * Drives the portal API over keep-alive connections with a mix of what members
 * do: register (nonmember: 2 argon2 hashes, 4 events), log in with the right
 * password and then the emailed code (read from DATA_DIR/outbox as the worker
 * writes it; 1 argon2 verify, 4 events), and log in with a wrong password (1
 * argon2 verify, 1 event). Each operation uses its own account.
 *
 * Messages from the parent: `{ phase: 'warmup', accounts }` registers accounts for
 * later logins; `{ phase: 'closed', seconds, concurrency }` runs `concurrency`
 * loops back to back (the API's capacity); `{ phase: 'open', seconds, rate }`
 * starts operations on a fixed schedule whatever the answers (a steady offered
 * load, as many members would). Each phase answers a report.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, watch } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export type LoadCommand =
  | { phase: 'warmup'; accounts: number }
  | { phase: 'closed'; seconds: number; concurrency: number }
  | { phase: 'open'; seconds: number; rate: number };

export interface LoadReport {
  phase: LoadCommand['phase'];
  seconds: number;
  operations: number;
  byKind: Record<string, number>;
  failures: number;
  /** Logins whose emailed code did not arrive in time (step 2 not sent). */
  codesMissed: number;
  requests: number;
  /** Request latencies as the client saw them, ms. */
  latencyP50: number;
  latencyP99: number;
  /** Open loop: operations that were due while the maximum number was still in flight, and were dropped. */
  dropped: number;
}

const PASSWORD = 'Bench7Projector9Load';
const MAX_IN_FLIGHT = 512;

const port = Number(process.argv[2]);
const outbox = join(process.argv[3], 'outbox');
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function call(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({
            status: res.statusCode ?? 0,
            json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Emailed codes by address, as the worker writes them to the outbox. */
const codes = new Map<string, string>();
const waiting = new Map<string, (code: string) => void>();

function readEmail(file: string): void {
  let raw: string;
  try {
    raw = readFileSync(join(outbox, file), 'utf8');
  } catch {
    return;
  }
  const to = /^To: (.*)$/im.exec(raw)?.[1]?.trim();
  // Quoted-printable soft line breaks could split the sentence: join them first.
  const code = /verification code is\D{0,40}(\d{6})/.exec(raw.replace(/=\r\n/g, ''))?.[1];
  if (!to || !code) return;
  const waiter = waiting.get(to);
  if (waiter) {
    waiting.delete(to);
    waiter(code);
  } else codes.set(to, code);
}

function watchOutbox(): void {
  if (!existsSync(outbox)) mkdirSync(outbox, { recursive: true });
  watch(outbox, (_event, file) => {
    if (file && file.endsWith('.eml')) readEmail(file);
  });
}

function codeFor(email: string, timeoutMs = 10_000): Promise<string | undefined> {
  const known = codes.get(email);
  if (known) {
    codes.delete(email);
    return Promise.resolve(known);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(email);
      resolve(undefined);
    }, timeoutMs);
    waiting.set(email, (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

let serial = 0;
/** Registered accounts not yet used for a login (each login takes its own, so no two wait on one stream). */
const registered: { username: string; email: string }[] = [];

interface Tally {
  operations: number;
  byKind: Record<string, number>;
  failures: number;
  codesMissed: number;
  latencies: number[];
}

const newTally = (): Tally => ({ operations: 0, byKind: {}, failures: 0, codesMissed: 0, latencies: [] });

async function timed(t: Tally, path: string, body: unknown, expected: number) {
  const start = performance.now();
  const res = await call(path, body);
  t.latencies.push(performance.now() - start);
  if (res.status !== expected) t.failures++;
  return res;
}

async function register(t: Tally): Promise<void> {
  const n = ++serial;
  const tag = `${process.pid}x${n}${randomUUID().slice(0, 6)}`;
  const account = { username: `load${tag}`, email: `load.${tag}@bench.example` };
  const res = await timed(
    t,
    '/v1/registrations/nonmember',
    {
      firstName: 'Load',
      lastName: `Member${n % 997}`,
      dateOfBirth: '1980-04-01',
      email: account.email,
      username: account.username,
      password: PASSWORD,
      securityQuestion: 'Name of your first pet?',
      securityAnswer: 'Rex the Dog',
      communication: { email: true, text: false },
      termsAccepted: true,
    },
    201,
  );
  if (res.status === 201) registered.push(account);
}

async function logIn(t: Tally, rightPassword: boolean): Promise<void> {
  const account = registered.shift();
  if (!account) return register(t);
  if (!rightPassword) {
    await timed(t, '/v1/login', { username: account.username, password: `${PASSWORD}x` }, 401);
    registered.push(account);
    return;
  }
  const step1 = await timed(t, '/v1/login', { username: account.username, password: PASSWORD }, 200);
  if (step1.status !== 200) return;
  const code = await codeFor(account.email);
  if (!code) {
    t.codesMissed++;
    return;
  }
  await timed(t, '/v1/login/verify-code', { loginToken: step1.json.loginToken, code }, 200);
  registered.push(account);
}

/** One member's action: 30% registrations, 50% logins with the code, 20% wrong passwords. */
async function operation(t: Tally): Promise<void> {
  const r = Math.random();
  const kind = r < 0.3 ? 'register' : r < 0.8 ? 'login' : 'wrong-password';
  t.byKind[kind] = (t.byKind[kind] ?? 0) + 1;
  try {
    if (kind === 'register') await register(t);
    else await logIn(t, kind === 'login');
  } catch {
    t.failures++;
  }
  t.operations++;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function report(phase: LoadCommand['phase'], t: Tally, seconds: number, dropped: number): LoadReport {
  const sorted = [...t.latencies].sort((a, b) => a - b);
  return {
    phase,
    seconds,
    operations: t.operations,
    byKind: t.byKind,
    failures: t.failures,
    codesMissed: t.codesMissed,
    requests: sorted.length,
    latencyP50: percentile(sorted, 50),
    latencyP99: percentile(sorted, 99),
    dropped,
  };
}

async function run(command: LoadCommand): Promise<LoadReport> {
  const t = newTally();
  const start = performance.now();
  if (command.phase === 'warmup') {
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next++ < command.accounts) await register(t);
      }),
    );
    return report('warmup', t, (performance.now() - start) / 1000, 0);
  }
  const end = start + command.seconds * 1000;
  if (command.phase === 'closed') {
    await Promise.all(
      Array.from({ length: command.concurrency }, async () => {
        while (performance.now() < end) await operation(t);
      }),
    );
    return report('closed', t, (performance.now() - start) / 1000, 0);
  }
  // Open loop: operation k starts at start + k / rate, late or not; the schedule never waits for answers.
  const inFlight = new Set<Promise<void>>();
  let dropped = 0;
  let k = 0;
  while (performance.now() < end) {
    const due = start + (k * 1000) / command.rate;
    const wait = due - performance.now();
    // Behind schedule, still yield once: answers must be read while operations are started.
    await new Promise((resolve) => (wait > 1 ? setTimeout(resolve, wait) : setImmediate(resolve)));
    k++;
    if (inFlight.size >= MAX_IN_FLIGHT) {
      dropped++;
      continue;
    }
    const p = operation(t).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  return report('open', t, command.seconds, dropped);
}

watchOutbox();
process.on('message', (command: LoadCommand) => {
  run(command).then(
    (r) => process.send!(r),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
process.on('disconnect', () => process.exit(0));
