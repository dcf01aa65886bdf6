#!/usr/bin/env node
/* global fetch, AbortSignal */
/**
 * Smoke test of a running production set (docker-compose.yml), from outside, over HTTP:
 * a demo-roster member registers, logs in, reads the emailed code from the mail sink's
 * HTTP API (Mailpit), verifies it and reads /v1/me; support finds the account with the
 * admin credential; the audit's hash-chain verification says the store is intact.
 *
 *   STAFF_TOKEN=$(docker compose logs --no-log-prefix staff-admin | tail -n 1) node scripts/smoke.mjs
 *
 * Settings: API_URL (http://127.0.0.1:3000), MAIL_API_URL (http://127.0.0.1:8025),
 * STAFF_TOKEN (required: an admin or support+auditor credential), SMOKE_MEMBER_ID
 * (DEMO0000001; each demo member registers once per set: use a fresh set, or another id).
 * Exits 0 when every step passed, 1 naming the step that did not; every wait is bounded.
 */
import { randomBytes } from 'node:crypto';

const API = process.env.API_URL ?? 'http://127.0.0.1:3000';
const MAIL = process.env.MAIL_API_URL ?? 'http://127.0.0.1:8025';
const STAFF_TOKEN = process.env.STAFF_TOKEN?.trim();
const MEMBER_ID = process.env.SMOKE_MEMBER_ID ?? 'DEMO0000001';
/** The demo roster's rows (libs/roster/demo/roster.csv): registration must match one. */
const DEMO = {
  DEMO0000001: { firstName: 'Pat', lastName: 'Example', dateOfBirth: '1980-04-01' },
  DEMO0000002: { firstName: 'Jordan', lastName: 'Testperson', dateOfBirth: '1975-11-23' },
};

const say = (line) => process.stdout.write(`smoke: ${line}\n`);

class StepFailed extends Error {}
const fail = (message) => {
  throw new StepFailed(message);
};

async function call(method, path, { body, headers = {}, expect = 200 } = {}) {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (response.status !== expect)
    fail(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Polls `probe` until it returns a value; fails naming `what` after `timeoutMs`. */
async function eventually(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) fail(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The newest 6-digit code mailed to `email`, read from Mailpit's API (search, then the message). */
async function mailedCode(email, notIn = new Set()) {
  const found = await fetch(`${MAIL}/api/v1/search?query=${encodeURIComponent(`to:"${email}"`)}`, {
    signal: AbortSignal.timeout(5_000),
  }).then((r) => (r.ok ? r.json() : undefined));
  for (const summary of found?.messages ?? []) {
    if (notIn.has(summary.ID)) continue;
    const message = await fetch(`${MAIL}/api/v1/message/${summary.ID}`, {
      signal: AbortSignal.timeout(5_000),
    }).then((r) => r.json());
    const code = /verification code is (\d{6})/.exec(message.Text ?? '')?.[1];
    if (code) return { id: summary.ID, code };
  }
  return undefined;
}

async function main() {
  if (!STAFF_TOKEN) fail('STAFF_TOKEN is not set (docker compose logs --no-log-prefix staff-admin)');
  const member = DEMO[MEMBER_ID] ?? fail(`SMOKE_MEMBER_ID ${MEMBER_ID} is not a demo member`);

  await eventually('the API to be ready', async () => {
    const response = await fetch(`${API}/health/ready`, { signal: AbortSignal.timeout(3_000) });
    return response.ok ? true : undefined;
  });
  say('API ready');

  const suffix = randomBytes(4).toString('hex');
  const username = `smoke${suffix}`;
  const email = `smoke-${suffix}@example.com`;
  const password = `Smoke7Horse9${suffix}Battery`;
  await call('POST', '/v1/registrations/member', {
    expect: 201,
    body: {
      memberId: MEMBER_ID,
      ...member,
      email,
      phone: '+15555550100',
      username,
      password,
      securityQuestion: 'Name of your first pet?',
      securityAnswer: 'Rex the Dog',
      communication: { email: true, text: false },
      termsAccepted: true,
    },
  });
  say(`registered ${MEMBER_ID} as ${username}`);

  // The account appears once its registration is committed; a login before that is refused like a wrong password.
  const { loginToken } = await eventually('the first login step', () =>
    call('POST', '/v1/login', { body: { username, password } }),
  );
  say('password accepted, code requested');

  const { code } = await eventually(`the emailed code in ${MAIL}`, () => mailedCode(email), 60_000);
  const { sessionToken } = await call('POST', '/v1/login/verify-code', { body: { loginToken, code } });
  const me = await call('GET', '/v1/me', { headers: { authorization: `Bearer ${sessionToken}` } });
  if (me.username !== username || me.email !== email) fail(`/v1/me answered ${JSON.stringify(me)}`);
  say('code verified, /v1/me answers the account');

  const staff = {
    authorization: `Bearer ${STAFF_TOKEN}`,
    'x-access-reason': 'smoke test of a new deployment',
  };
  const hit = await eventually('support search to find the account (the projector)', async () => {
    const found = await call('GET', `/v1/support/accounts?username=${encodeURIComponent(username)}`, {
      headers: staff,
    });
    return found.items?.[0];
  });
  const page = await call('GET', `/v1/support/accounts/${hit.accountId}`, { headers: staff });
  if (page.status !== 'active') fail(`the support page says status ${page.status}`);
  say(`support found account ${hit.accountId}`);

  const report = await call('GET', '/v1/audit/verify', { headers: staff });
  if (report.intact !== true)
    fail(`audit verify found breaks: ${JSON.stringify(report.breaks).slice(0, 300)}`);
  say('audit verify: every hash chain intact');
  say('passed');
}

main().catch((error) => {
  process.stderr.write(`smoke: FAILED: ${error instanceof StepFailed ? error.message : error.stack}\n`);
  process.exit(1);
});
