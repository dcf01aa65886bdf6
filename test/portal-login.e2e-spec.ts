import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, type TestApp } from './support/app';

const member = {
  firstName: 'Pat',
  lastName: 'Example',
  dateOfBirth: '1980-04-01',
  email: 'pat.canary@example.com',
  phone: '+15555550100',
  username: 'patexample',
  password: 'Canary7Password9Secret',
  securityQuestion: 'Name of your first pet?',
  securityAnswer: 'Rex the Dog',
  communication: { email: true, text: false },
  termsAccepted: true,
};

/** The newest code emailed to the outbox. */
function lastEmailedCode(dataDir: string): string {
  const dir = join(dataDir, 'outbox');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  const text = readFileSync(join(dir, files[files.length - 1]), 'utf8');
  return /verification code is (\d{6})/.exec(text)![1];
}

describe('portal: register, log in with an emailed code, use the session', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp()));
  afterAll(() => t.close());

  it('registers a nonmember, logs in with password + emailed code, and reads the account', async () => {
    await t.http().post('/v1/registrations/nonmember').send(member).expect(201, { registered: true });

    const step1 = await t
      .http()
      .post('/v1/login')
      .send({ username: 'PatExample', password: member.password })
      .expect(200);
    expect(step1.body.secondFactor).toBe('email-code');
    const code = lastEmailedCode(t.dataDir);

    const step2 = await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: step1.body.loginToken, code })
      .expect(200);
    const token = step2.body.sessionToken as string;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);

    const me = await t.http().get('/v1/me').set('authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({
      username: 'patexample',
      email: member.email,
      kind: 'nonmember',
      status: 'active',
      emailVerified: true,
    });

    // The code was single use.
    await t
      .http()
      .post('/v1/login/verify-code')
      .send({ loginToken: step1.body.loginToken, code })
      .expect(401);

    await t.http().post('/v1/me/logout').set('authorization', `Bearer ${token}`).expect(204);
    await t.http().get('/v1/me').set('authorization', `Bearer ${token}`).expect(401);
  });

  it('names every bad registration field at once, and refuses a taken username', async () => {
    const bad = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, username: 'pat', password: 'short', email: 'nope', termsAccepted: false })
      .expect(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['email', 'termsAccepted']);
    const policy = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, username: 'pat', password: 'short' })
      .expect(400);
    expect(Object.keys(policy.body.error.fields).sort()).toEqual(['password', 'username']);
    const taken = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...member, email: 'other@example.com' })
      .expect(409);
    expect(taken.body.error).toMatchObject({
      code: 'USERNAME_TAKEN',
      fields: { username: expect.any(String) },
    });
  });

  it('answers unknown, wrong-password and locked logins the same way', async () => {
    const unknown = await t
      .http()
      .post('/v1/login')
      .send({ username: 'nobody-here', password: 'Whatever123abc' })
      .expect(401);
    const wrong = await t
      .http()
      .post('/v1/login')
      .send({ username: 'patexample', password: 'Wrong7Password9' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    for (let i = 0; i < 4; i++)
      await t
        .http()
        .post('/v1/login')
        .send({ username: 'patexample', password: 'Wrong7Password9' })
        .expect(401);
    // Locked now: the right password gets the same answer.
    const locked = await t
      .http()
      .post('/v1/login')
      .send({ username: 'patexample', password: member.password })
      .expect(401);
    expect(locked.body).toEqual(unknown.body);
  });

  it('keeps the canary secrets out of the logs and out of the stored events in clear', async () => {
    const logs = t.logs.join('\n');
    for (const canary of [
      member.password,
      member.securityAnswer,
      member.email,
      member.dateOfBirth,
      'Example',
    ])
      expect(logs).not.toContain(canary);
    // The database file and its write-ahead log: recent events are still in the latter.
    const files = readdirSync(t.dataDir).filter((f) => f.startsWith('events.sqlite'));
    expect(files).toContain('events.sqlite-wal');
    const events = Buffer.concat(files.map((f) => readFileSync(join(t.dataDir, f))));
    expect(events.includes(Buffer.from('UsernameCreated'))).toBe(true);
    for (const canary of [
      member.password,
      member.securityAnswer,
      member.email,
      member.dateOfBirth,
      'patexample',
    ])
      expect(events.includes(Buffer.from(canary))).toBe(false);
  });
});
