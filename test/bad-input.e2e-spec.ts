import type { EventStore } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { StaffDirectory } from '@portal/staff';
import { Outbox } from './support/outbox';
import { startApp, type TestApp } from './support/app';

/** Nothing a bad request sends may reach the event store. */
describe('bad input on portal routes', () => {
  let t: TestApp;
  let store: EventStore;
  beforeAll(async () => {
    t = await startApp();
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => t.close());

  const shape = { error: { code: expect.any(String), message: expect.any(String) } };
  const routes = [
    '/v1/registrations/nonmember',
    '/v1/registrations/member',
    '/v1/login',
    '/v1/login/verify-code',
    '/v1/password-resets',
    '/v1/username-reminders',
    '/v1/activation-codes',
  ];

  it.each(routes)(
    '%s: malformed JSON, wrong types, missing fields → 400 with the error shape, nothing written',
    async (route) => {
      const malformed = await t
        .http()
        .post(route)
        .set('content-type', 'application/json')
        .send('{"username": "x",')
        .expect(400);
      expect(malformed.body).toMatchObject(shape);
      const poisoned = await t
        .http()
        .post(route)
        .set('content-type', 'application/json')
        .send('{"username": "x", "__proto__": {"termsAccepted": true}}')
        .expect(400);
      // Refused by the JSON parser itself, as malformed JSON is, before validation could see the body.
      expect(poisoned.body.error.code).toBe(malformed.body.error.code);
      const noBody = await t.http().post(route).set('content-type', 'application/json').expect(400);
      expect(noBody.body.error.code).toBe('VALIDATION_FAILED');
      // JSON is the only body taken: any other type is a 415, never read as text and validated.
      for (const type of ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded']) {
        const other = await t.http().post(route).set('content-type', type).send('username=x&password=y');
        expect(other.status).toBe(415);
        expect(other.body).toEqual({
          error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the request body as application/json.' },
        });
      }
      const empty = await t.http().post(route).send({}).expect(400);
      expect(empty.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(empty.body.error.fields).length).toBeGreaterThan(0);
      const types = await t
        .http()
        .post(route)
        .send({ username: 42, password: ['x'], email: {}, code: 123456 })
        .expect(400);
      expect(types.body).toMatchObject(shape);
      expect(await store.readAll()).toEqual([]);
    },
  );

  it('refuses a body nested 3,000 levels deep with a 400 in the error shape, before it is parsed or validated', async () => {
    const deep = '{"username":"pat","password":' + '['.repeat(3000) + ']'.repeat(3000) + '}';
    for (const route of ['/v1/login', '/v1/registrations/nonmember', '/v1/password-resets']) {
      const res = await t.http().post(route).set('content-type', 'application/json').send(deep).expect(400);
      expect(res.body).toEqual({ error: { code: 'JSON_TOO_DEEP', message: expect.stringContaining('32') } });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('marks every portal answer as not to be kept by a cache, and a session token with it', async () => {
    const res = await t
      .http()
      .post('/v1/login')
      .send({ username: 'nobody-at-all', password: 'Wrong7Password9' });
    expect(res.status).toBe(401);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['pragma']).toBe('no-cache');
  });

  it('refuses a 1 MB password unread (413), and a 300-character one by name', async () => {
    const huge = await t
      .http()
      .post('/v1/login')
      .send({ username: 'patexample', password: 'x'.repeat(1_000_000) })
      .expect(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const long = await t
      .http()
      .post('/v1/login')
      .send({ username: 'patexample', password: 'x'.repeat(300) })
      .expect(400);
    expect(long.body.error.fields).toEqual({ password: expect.any(String) });
    expect(await store.readAll()).toEqual([]);
  });

  it('names every bad registration field at once: the date of birth, the phone, blank text, no communication choice', async () => {
    const good = {
      firstName: 'Pat',
      lastName: 'Example',
      dateOfBirth: '1980-04-01',
      email: 'pat@example.com',
      phone: '+1 (555) 555-0100',
      username: 'fieldcheck1',
      password: 'Field7Check9Pass',
      securityQuestion: 'Favourite city?',
      securityAnswer: 'Paris',
      communication: { email: true, text: false },
      termsAccepted: true,
    };
    const register = (body: object, route = '/v1/registrations/nonmember') =>
      t.http().post(route).send(body).expect(400);
    const { communication: _left, ...noCommunication } = good;
    const all = await register({
      ...noCommunication,
      firstName: '   ',
      lastName: ' ',
      dateOfBirth: '1990-02-30',
      phone: 'abc',
      email: 'bad',
      securityQuestion: '     ',
      securityAnswer: ' ',
    });
    expect(Object.keys(all.body.error.fields).sort()).toEqual([
      'communication',
      'dateOfBirth',
      'email',
      'firstName',
      'lastName',
      'phone',
      'securityAnswer',
      'securityQuestion',
    ]);
    // One message per field, the first failing rule's, worded for a person.
    expect(all.body.error.fields.firstName).toBe('Enter your first name.');
    const control = await register({ ...good, lastName: 'Exam\u0000ple', securityAnswer: 'Rex\nthe Dog' });
    expect(control.body.error.fields).toEqual({
      lastName: 'Your last name must be one line of text, without control characters.',
      securityAnswer: 'Your security answer must be one line of text, without control characters.',
    });
    const dates: Record<string, string> = {
      '1990-13-45': 'Your date of birth must be a day on the calendar.',
      '1990-02-30': 'Your date of birth must be a day on the calendar.',
      '2990-01-01': 'Your date of birth cannot be in the future.',
      '1800-01-01': 'Your date of birth cannot be more than 130 years ago.',
      '1990-1-1': 'Your date of birth must be a date as YYYY-MM-DD.',
    };
    for (const [dateOfBirth, message] of Object.entries(dates))
      expect((await register({ ...good, dateOfBirth })).body.error.fields).toEqual({ dateOfBirth: message });
    for (const phone of ['abc', '555-0100', '+1 555 555 0100 ext 2', '1234567890123456'])
      expect((await register({ ...good, phone })).body.error.fields).toEqual({ phone: expect.any(String) });
    // Seed 004: a member provides "a valid email address and cell phone number".
    const { phone: _none, ...noPhone } = good;
    const member = await register({ ...noPhone, memberId: 'DEMO0000001' }, '/v1/registrations/member');
    expect(member.body.error.fields).toEqual({ phone: 'Enter your phone.' });
    expect(await store.readAll()).toEqual([]);
  });

  it('takes names in any script, usernames only in the safe set; refuses spaces and control characters by name', async () => {
    const base = {
      firstName: 'Zoë',
      lastName: 'Ñandú',
      dateOfBirth: '1990-01-01',
      email: 'zoe@example.com',
      password: 'Unicode7Works9Fine',
      securityQuestion: 'Favourite city?',
      securityAnswer: 'Zürich',
      communication: { email: true, text: false },
      termsAccepted: true,
    };
    const bad = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...base, username: 'zoë ñandú\u0000' })
      .expect(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['username']);
    // A letter outside ASCII could be another script's look-alike of a username already held.
    const accented = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...base, username: 'zoëñandú90' })
      .expect(400);
    expect(accented.body.error.fields).toEqual({
      username: expect.stringContaining('a-z'),
    });
    expect(await store.readAll()).toEqual([]);
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...base, username: 'zoe.nandu-90' })
      .expect(201);
    await t.http().post('/v1/login').send({ username: 'ZOE.NANDU-90', password: base.password }).expect(200);
  });

  it('refuses bidi controls and lone surrogates in every free-text field, each named; a look-alike username is no new account', async () => {
    const person = {
      firstName: 'Mira',
      lastName: 'Castellan',
      dateOfBirth: '1988-02-03',
      email: 'mira@example.com',
      password: 'Lookalike7Test9Safe',
      securityQuestion: 'Favourite city?',
      securityAnswer: 'Lisbon',
      communication: { email: true, text: false },
      termsAccepted: true,
      username: 'miracastellan',
    };
    const before = (await store.readAll()).length;
    const hidden = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({
        ...person,
        firstName: 'Mira\u202Egpj.exe',
        lastName: 'Castellan\ud800',
        email: 'mira\u200F@example.com',
        securityQuestion: 'Favourite \u2066city?',
        securityAnswer: 'Lis\u061Cbon',
      })
      .expect(400);
    expect(Object.keys(hidden.body.error.fields).sort()).toEqual(
      ['email', 'firstName', 'lastName', 'securityAnswer', 'securityQuestion'].sort(),
    );
    expect(hidden.body.error.fields.firstName).toMatch(/direction|hidden/i);
    // The same on the reset's identity and answer steps.
    const identity = await t
      .http()
      .post('/v1/password-resets/security-question')
      .send({ lastName: 'Castellan\u202D', dateOfBirth: '1988-02-03', username: 'miracastellan' })
      .expect(400);
    expect(Object.keys(identity.body.error.fields)).toEqual(['lastName']);
    expect((await store.readAll()).length).toBe(before);

    await t.http().post('/v1/registrations/nonmember').send(person).expect(201);
    // "mіracastellan" with a Cyrillic і (U+0456), and "miracastellаn" with a Cyrillic а (U+0430).
    for (const username of ['m\u0456racastellan', 'miracastell\u0430n']) {
      const lookalike = await t
        .http()
        .post('/v1/registrations/nonmember')
        .send({ ...person, email: `other.${before}@example.com`, username })
        .expect(400);
      expect(Object.keys(lookalike.body.error.fields)).toEqual(['username']);
    }
  });

  it('refuses unknown properties one way on portal and staff routes: 400 VALIDATION_FAILED naming each, nested ones by path', async () => {
    const staff = t.app.get(StaffDirectory, { strict: false });
    const ctx = {
      correlationId: 'test-setup',
      actor: { kind: 'system' as const, component: 'test' },
      occurredAt: new Date(),
    };
    const { token } = await staff.create('una.known', ['support'], ctx);
    const asStaff = { authorization: `Bearer ${token}`, 'x-access-reason': 'checking unknown properties' };
    const before = (await store.readAll()).length;
    const cases: [route: string, body: object, headers: Record<string, string>, unknown: string[]][] = [
      [
        '/v1/login',
        { username: 'patexample', password: 'Correct7Horse9Battery', remember: true },
        {},
        ['remember'],
      ],
      [
        '/v1/username-reminders',
        { email: 'pat@example.com', isAdmin: true, role: 'x' },
        {},
        ['isAdmin', 'role'],
      ],
      [
        '/v1/registrations/nonmember',
        {
          firstName: 'Una',
          lastName: 'Known',
          dateOfBirth: '1980-04-01',
          email: 'una@example.com',
          username: 'unaknown1',
          password: 'Field7Check9Pass',
          securityQuestion: 'Favourite city?',
          securityAnswer: 'Paris',
          communication: { email: true, text: false, fax: true },
          termsAccepted: true,
          status: 'active',
        },
        {},
        ['status', 'communication.fax'],
      ],
      [
        '/v1/plan-accounts',
        {
          kind: 'employer',
          organisationId: 'GRP-1',
          organisationName: 'Acme',
          firstName: 'Dana',
          lastName: 'Reyes',
          email: 'dana@acme.example',
          username: 'danareyes1',
          roles: ['admin'],
        },
        asStaff,
        ['roles'],
      ],
    ];
    for (const [route, body, headers, unknown] of cases) {
      const res = await t.http().post(route).set(headers).send(body).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields).toEqual(
        Object.fromEntries(
          unknown.map((path) => [path, `property ${path.split('.').pop()} should not exist`]),
        ),
      );
    }
    // The staff route takes only JSON too.
    await t
      .http()
      .post('/v1/plan-accounts')
      .set(asStaff)
      .set('content-type', 'text/plain')
      .send('x')
      .expect(415);
    expect((await store.readAll()).length).toBe(before);
  });

  it('sends nothing for refused requests', async () => {
    const outbox = new Outbox(t.dataDir);
    await outbox.code('zoe@example.com'); // the one login code above
    expect(outbox.emails()).toHaveLength(1);
    expect(outbox.letterFiles()).toEqual([]);
  });
});
