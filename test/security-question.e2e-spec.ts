/**
 * Seed 004's rule, bounded: three wrong security answers in a row deactivate the
 * account, and anyone who knows a username, last name and date of birth can give
 * them. The owner is emailed at each wrong answer, can undo the deactivation once
 * from the emailed link (or register again), and the answers are rate limited.
 */
import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import type { Accounts } from '@portal/accounts';
import { ACCOUNTS } from '../apps/api/src/accounts.provider';
import { startApp, type TestApp } from './support/app';
import { NONMEMBER_FORM } from './support/forms';
import { Outbox } from './support/outbox';

jest.setTimeout(60_000);

describe('the security question: wrong answers, deactivation and the way back', () => {
  let t: TestApp;
  let mail: Outbox;
  let store: EventStore;
  let accounts: Accounts;

  beforeAll(async () => {
    t = await startApp();
    mail = new Outbox(t.dataDir);
    store = t.app.get(EVENT_STORE);
    accounts = t.app.get(ACCOUNTS);
  });
  afterAll(() => t.close());

  const person = (username: string, email: string) => ({ ...NONMEMBER_FORM, username, email });
  const identity = (p: { username: string }) => ({
    lastName: NONMEMBER_FORM.lastName,
    dateOfBirth: NONMEMBER_FORM.dateOfBirth,
    username: p.username,
  });

  /** Three wrong answers, as someone who knows the identity would give them. */
  async function deactivate(p: { username: string }) {
    const ask = await t.http().post('/v1/password-resets/security-question').send(identity(p)).expect(200);
    const answer = (n: number) =>
      t
        .http()
        .post('/v1/password-resets/security-answer')
        .send({ resetToken: ask.body.resetToken, answer: `wrong ${n}` });
    await answer(1).expect(422);
    await answer(2).expect(422);
    const third = await answer(3).expect(403);
    expect(third.body.error.code).toBe('ACCOUNT_DEACTIVATED');
  }

  const tokenIn = (text: string) => /reactivate\?token=([^\s.]+\.[A-Za-z0-9_-]+)/.exec(text)?.[1];

  it('emails the owner at each wrong answer; the deactivation email carries a link that undoes it, once', async () => {
    const p = person('secqowner1', 'secq.owner1@example.com');
    await t.http().post('/v1/registrations/nonmember').send(p).expect(201);
    const accountId = (await accounts.holder('username', p.username))!;
    await deactivate(p);

    const warnings = await mail.next(p.email, /answered your security question wrong \(2 of 3/);
    expect(warnings.subject).toMatch(/wrong answer to your .* security question/i);
    const deactivated = await mail.next(p.email, /reactivate\?token=/);
    const token = decodeURIComponent(tokenIn(deactivated.text)!);
    expect(token).toMatch(new RegExp(`^${accountId}\\.`));
    const sent = mail.emails().filter((e) => e.to === p.email);
    expect(sent.filter((e) => /security question wrong \((1|2|3) of 3/.test(e.text))).toHaveLength(3);

    // Signing in is refused while deactivated; the link brings the account back.
    const refused = await t.http().post('/v1/login').send({ username: p.username, password: p.password });
    expect(refused.status).not.toBe(200);
    await t.http().post('/v1/reactivations').send({ token }).expect(200, { reactivated: true });
    await t.http().post('/v1/login').send({ username: p.username, password: p.password }).expect(200);
    const again = await t.http().post('/v1/reactivations').send({ token }).expect(422);
    expect(again.body.error.code).toBe('REACTIVATION_INVALID');
    await t
      .http()
      .post('/v1/reactivations')
      .send({ token: `${accountId}.${'A'.repeat(43)}` })
      .expect(422);

    const events = await store.readStream(`account-${accountId}`);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['PasswordAccepted', 'OtpIssued']);
    const reactivated = events.find((e) => e.type === 'Reactivated')!;
    expect(reactivated.metadata.actor).toEqual({ kind: 'self', accountId });
    // The token is not in clear in the store (only its keyed hash and a sealed copy).
    expect(JSON.stringify(events.map((e) => [e.data, e.metadata]))).not.toContain(token.split('.')[1]);
  });

  it("takes the question step's token alone: the identity again is refused, and no other step's token opens", async () => {
    const p = person('secqalone1', 'secq.alone1@example.com');
    await t.http().post('/v1/registrations/nonmember').send(p).expect(201);
    const ask = await t.http().post('/v1/password-resets/security-question').send(identity(p)).expect(200);
    const accountId = (await accounts.holder('username', p.username))!;
    const answered = () =>
      store.readStream(`account-${accountId}`).then((e) => e.filter((x) => /SecurityAnswer/.test(x.type)));

    // The identity sent again is refused like any property the route does not take, and nothing is counted.
    const again = await t
      .http()
      .post('/v1/password-resets/security-answer')
      .send({ ...identity(p), resetToken: ask.body.resetToken, answer: p.securityAnswer })
      .expect(400);
    expect(Object.keys(again.body.error.fields).sort()).toEqual(['dateOfBirth', 'lastName', 'username']);
    // A reset started with the username alone (or a login) shows no identity: its token does not answer.
    const started = await t.http().post('/v1/password-resets').send({ username: p.username }).expect(202);
    const other = await t
      .http()
      .post('/v1/password-resets/security-answer')
      .send({ resetToken: started.body.resetToken, answer: 'wrong' })
      .expect(401);
    expect(other.body.error.code).toBe('RESET_NOT_STARTED');
    expect(await answered()).toEqual([]);

    await t
      .http()
      .post('/v1/password-resets/security-answer')
      .send({ resetToken: ask.body.resetToken, answer: p.securityAnswer })
      .expect(204);
    await t
      .http()
      .post('/v1/password-resets/complete')
      .send({ resetToken: ask.body.resetToken, newPassword: 'Another9Strong1Pass' })
      .expect(204);
    await t
      .http()
      .post('/v1/login')
      .send({ username: p.username, password: 'Another9Strong1Pass' })
      .expect(200);
  });

  it('registering again (seed 004) works at once, and the old link then says it cannot be undone', async () => {
    const p = person('secqowner3', 'secq.owner3@example.com');
    await t.http().post('/v1/registrations/nonmember').send(p).expect(201);
    await deactivate(p);
    const deactivated = await mail.next(p.email, /reactivate\?token=/);
    const token = decodeURIComponent(tokenIn(deactivated.text)!);
    await t.http().post('/v1/registrations/nonmember').send(p).expect(201);
    const refused = await t.http().post('/v1/reactivations').send({ token }).expect(409);
    expect(refused.body.error.code).toBe('REACTIVATION_NOT_POSSIBLE');
    // The new account keeps what it registered with.
    await t.http().post('/v1/login').send({ username: p.username, password: p.password }).expect(200);
  });
});

describe('the security answer is limited per address and per account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ RATE_LIMIT_MESSAGES_PER_HOUR: '4' });
  });
  afterAll(() => t.close());

  it('refuses the answers past the limit with 429 and Retry-After, before any is checked', async () => {
    const answer = (resetToken: string) =>
      t.http().post('/v1/password-resets/security-answer').send({ resetToken, answer: 'guess' });
    for (let i = 0; i < 4; i++) expect((await answer('not-a-token')).status).not.toBe(429);
    const limited = await answer('not-a-token');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    // The same address with another token is limited too: one address cannot deactivate many.
    expect((await answer('another-token')).status).toBe(429);
  });
});
