/**
 * Issue 20, "Show it": a property-based fuzz of every JSON route, generated from the
 * OpenAPI document the app serves (`/docs/json`). For each operation with a JSON
 * body, fast-check draws bodies from the operation's schema: shapes the schema
 * describes (its examples, any text, unicode, lone surrogates, huge strings), and
 * hostile variants (wrong types, missing and extra properties, nulls, numbers at the
 * edges, arrays where objects are expected, nesting past the depth limit, cut-off
 * JSON). Operations with path or query parameters get drawn values there too.
 * Session routes are called with a live session, staff routes with a credential
 * holding every role and an access reason, so the fuzz reaches past the guards (and
 * at times with none, or a made-up one). The rate limits are off (startApp's test
 * settings), so that a refusal is the route's own and not a 429 of the burst.
 *
 * For every request:
 * - the status is never 5xx;
 * - a 4xx answers `{ error: { code, message, fields? } }`, `fields` naming fields with text;
 * - a 4xx appends nothing to the event store under the request's correlation id,
 *   except the records a refusal makes by design (REFUSAL_RECORDS, each with its reason,
 *   and unexpectedWrites for the one claim a refusal gives back).
 * A 2xx may write (a registration the fuzz got right). The runs are bounded and seeded
 * (FUZZ_SEED to replay another, FUZZ_RUNS_SCALE to run longer); a failure prints the
 * counterexample and the seed.
 */
import fc from 'fast-check';
import type { EventStore, Position, RecordedEvent } from '@portal/event-store';
import { EVENT_STORE } from '@portal/runtime';
import { StaffDirectory } from '@portal/staff';
import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from './support/app';
import { NONMEMBER_FORM, PASSWORD } from './support/forms';
import { Outbox } from './support/outbox';

jest.setTimeout(120_000);

const SEED = Number(process.env.FUZZ_SEED ?? 20_2020);
/** Per operation: enough to reach every property and its hostile variants, few enough for a loaded machine. */
const SCALE = Number(process.env.FUZZ_RUNS_SCALE ?? 1);
const BODY_RUNS = 30 * SCALE;
const PARAM_RUNS = 15 * SCALE;

// The parts of OpenAPI 3 this fuzz reads.
interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: Record<string, string[]>[];
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

interface Route {
  method: string;
  path: string;
  op: Operation;
  body?: Schema;
}

const ERROR_SHAPE_KEYS = ['code', 'message', 'fields'];

/**
 * What a refused request writes by design: the refusal is itself the record the
 * product keeps (DESIGN.md: lockout counting, the staff access log). Anything else a
 * 4xx writes fails the fuzz.
 */
const REFUSAL_RECORDS: Record<string, (e: RecordedEvent, status: number) => boolean> = {
  // A wrong password on a known account counts toward its lock, and the lock itself is recorded.
  LoginFailed: (e, status) => status === 401 && e.streamId.startsWith('account-'),
  Locked: (e, status) => status === 401 && e.streamId.startsWith('account-'),
  // Every staff access is recorded, the one that found nothing too; and every 403.
  StaffAccessed: (e, status) => status === 404 && (e.data as { outcome?: string }).outcome === 'not-found',
  StaffAccessRefused: (_e, status) => status === 403,
  // A wrong activation code counts toward the code's attempts.
  ActivationCodeFailed: (e, status) => status === 422 && e.streamId.startsWith('account-'),
};

/**
 * What a refused request wrote beyond REFUSAL_RECORDS. One more allowance, narrow and
 * checked: a registration claims its unique values one stream at a time before the
 * account (an office's NPI, then the username and email; an office user's username,
 * then the email), so a refusal found after a claim gives it back within the request.
 * A reservation stream's events are let through when the request both claimed and
 * released it there: nothing stays held.
 */
function unexpectedWrites(events: RecordedEvent[], status: number): RecordedEvent[] {
  const rest = events.filter((e) => !REFUSAL_RECORDS[e.type]?.(e, status));
  const givenBack = (e: RecordedEvent) =>
    /^(npi|username|email|member)-/.test(e.streamId) &&
    rest.some((c) => c.streamId === e.streamId && c.type === 'ReservationClaimed') &&
    rest.some((r) => r.streamId === e.streamId && r.type === 'ReservationReleased');
  return rest.filter((e) => !givenBack(e));
}

const EDGE_NUMBERS = [0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), 1e308, -1e308, Number.MIN_VALUE];
const AWKWARD_TEXT = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  '\u202Epatexample',
  '\uD800',
  'ｐａｔｅｘａｍｐｌｅ',
  'pаtexample', // a Cyrillic "а"
  '__proto__',
  'constructor',
  '../../etc/passwd',
  "' OR 1=1 --",
  '{"$gt":""}',
  '%00',
  '😀'.repeat(64),
];

/** Text a field might be sent: its example, varied; any text; awkward text; text past every length limit. */
function text(example: unknown): fc.Arbitrary<string> {
  const given = typeof example === 'string' ? [example] : [];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(given.length ? given : ['x'])) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_TEXT) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...(given.length ? given : ['x'])), fc.string({ maxLength: 8 }))
        .map(([a, b]) => a + b),
    },
    // 500 characters passes the body limit and every field's limit; 70,000 passes the body limit (64 KB).
    {
      weight: 1,
      arbitrary: fc.constantFrom('a'.repeat(500), 'é'.repeat(5_000), 'a'.repeat(300), 'x'.repeat(70_000)),
    },
  );
}

/** A value of the wrong kind, wherever it is put. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...EDGE_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  // Nested deeper than the service takes (32 levels).
  fc.integer({ min: 1, max: 40 }).map((depth) => {
    let v: unknown = 'x';
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
  }),
);

function resolve(schema: Schema, doc: OpenApi): Schema {
  if (!schema.$ref) return schema;
  return doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
}

/** Values for `schema`: mostly what it describes, sometimes something else in its place. */
function valueFor(schema: Schema, doc: OpenApi): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  const shaped = ((): fc.Arbitrary<unknown> => {
    if (s.enum) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...s.enum) }, text(undefined));
    switch (s.type) {
      case 'string':
        return text(s.example);
      case 'boolean':
        return fc.boolean();
      case 'integer':
      case 'number':
        return fc.oneof(fc.integer(), fc.constantFrom(...EDGE_NUMBERS));
      case 'array':
        return fc.oneof(
          fc.constant(s.example ?? []),
          fc.array(s.items ? valueFor(s.items, doc) : fc.jsonValue(), { maxLength: 8 }),
        );
      case 'object':
        return objectFor(s, doc);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: hostile });
}

/** The schema's own example of an object: each property's example, nested objects' too. */
function exampleOf(schema: Schema, doc: OpenApi): unknown {
  const s = resolve(schema, doc);
  if (s.example !== undefined) return s.example;
  if (s.type === 'object')
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, exampleOf(v, doc)]));
  return s.enum?.[0];
}

/**
 * An object of the schema's properties: the example with one or two properties drawn
 * (so that many get past validation, to the handler); all of them drawn; or any subset
 * of them drawn; with extra properties at times.
 */
function objectFor(schema: Schema, doc: OpenApi): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([k, v]) => [k, valueFor(v, doc)]),
  );
  const required = schema.required ?? [];
  const example = exampleOf(schema, doc) as Record<string, unknown>;
  const nearExample = fc
    .tuple(
      fc.record(props),
      fc.subarray(Object.keys(props), { minLength: 1, maxLength: Math.min(2, Object.keys(props).length) }),
    )
    .map(([drawn, keys]) => ({ ...example, ...Object.fromEntries(keys.map((k) => [k, drawn[k]])) }));
  return fc
    .tuple(
      fc.oneof(
        { weight: 4, arbitrary: nearExample },
        { weight: 3, arbitrary: fc.record(props, { requiredKeys: required }) },
        { weight: 1, arbitrary: fc.record(props, { requiredKeys: [] }) },
      ),
      fc.oneof(
        { weight: 5, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), hostile, { maxKeys: 3 }) },
      ),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
}

/** A request body as sent on the wire: JSON of the schema's object, of something else, or no JSON at all. */
function bodyFor(schema: Schema, doc: OpenApi): fc.Arbitrary<string> {
  const object = objectFor(resolve(schema, doc), doc);
  return fc.oneof(
    { weight: 12, arbitrary: object.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.array(object, { maxLength: 2 }).map((a) => JSON.stringify(a)) },
    { weight: 1, arbitrary: hostile.map((v) => JSON.stringify(v)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(object, fc.nat())
        .map(([o, n]) => JSON.stringify(o).slice(0, n % JSON.stringify(o).length)),
    },
  );
}

/** A path or query value: a plausible id, text of any kind, or numbers at the edges. */
const paramValue = (known: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.uuid(),
    fc.constantFrom(...known, '0', '-1', '1e309', '99999999999999999999', 'NaN', 'null', '[]', '..'),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom(...AWKWARD_TEXT.filter((s) => s !== '\uD800')),
    fc.constant('z'.repeat(3_000)),
  );

type Credential = 'valid' | 'none' | 'made-up';
/** Mostly the valid credential, so that the fuzz reaches the handlers. */
const credential: fc.Arbitrary<Credential> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('valid' as const) },
  { weight: 1, arbitrary: fc.constant('none' as const) },
  { weight: 1, arbitrary: fc.constant('made-up' as const) },
);

describe('every JSON route, fuzzed from its OpenAPI schema', () => {
  let t: TestApp;
  let store: EventStore;
  let doc: OpenApi;
  let cursor: Position | undefined;
  let member: string;
  let officeAdmin: string;
  let staffToken: string;
  let memberId: string;
  /** Every request the fuzz sent that was refused, by correlation id: checked again once all is done. */
  const refused = new Map<string, { route: string; status: number; body: string }>();

  const ctx = () => ({
    correlationId: 'test-setup',
    actor: { kind: 'system' as const, component: 'test' },
    occurredAt: new Date(),
  });

  beforeAll(async () => {
    t = await startApp({ LOG_LEVEL: 'warn' });
    store = t.app.get<EventStore>(EVENT_STORE);
    const mail = new Outbox(t.dataDir);
    staffToken = (
      await t.app
        .get(StaffDirectory, { strict: false })
        .create('fuzz.staff', ['support', 'auditor', 'admin'], ctx())
    ).token;
    const signIn = async (username: string, password: string, email: string): Promise<string> => {
      const step1 = await t.http().post('/v1/login').send({ username, password }).expect(200);
      const step2 = await t
        .http()
        .post('/v1/login/verify-code')
        .send({ loginToken: step1.body.loginToken, code: await mail.code(email) })
        .expect(200);
      return step2.body.sessionToken as string;
    };
    // A member (the password is none of the schema's examples, so the fuzz cannot change it).
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...NONMEMBER_FORM, username: 'fuzzmember', email: 'fuzz.member@example.com' })
      .expect(201);
    member = await signIn('fuzzmember', PASSWORD, 'fuzz.member@example.com');
    memberId = (await t.http().get('/v1/me').set('authorization', `Bearer ${member}`).expect(200)).body
      .accountId as string;
    // An approved provider office's administrator, for the office routes.
    const office = await t
      .http()
      .post('/v1/registrations/provider-office')
      .send({
        ...NONMEMBER_FORM,
        username: 'fuzzofficeadmin',
        email: 'fuzz.office@example.com',
        officeName: 'Fuzz Family Medicine',
        npi: '1245319599',
        taxId: '12-3456789',
      })
      .expect(201);
    await t
      .http()
      .post(`/v1/offices/${office.body.officeId}/approve`)
      .set({ authorization: `Bearer ${staffToken}`, 'x-access-reason': 'fuzz setup' })
      .expect(200);
    officeAdmin = await signIn('fuzzofficeadmin', PASSWORD, 'fuzz.office@example.com');
    doc = (await t.http().get('/docs/json').expect(200)).body as OpenApi;
    cursor = (await store.readAll()).at(-1)?.position;
  }, 60_000);
  afterAll(() => t?.close());

  const routes = (): Route[] =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method,
        path,
        op,
        body: op.requestBody?.content?.['application/json']?.schema,
      })),
    );

  /**
   * The credential an operation's security asks for (the office's routes take its
   * administrator's session), or, at times, none or a made-up one: the guards' refusals
   * are held to the same properties (a staff 401 is only counted, and appended per
   * minute later, under no request's correlation id).
   */
  function credentials(route: Route, kind: Credential): Record<string, string> {
    const schemes = (route.op.security ?? []).flatMap((s) => Object.keys(s));
    if (kind === 'none' || schemes.length === 0) return {};
    const reason = { 'x-access-reason': 'fuzzing the API' };
    if (kind === 'made-up')
      return schemes.includes('staff')
        ? { authorization: 'Bearer stf_fuzz.staff_notthesecret', ...reason }
        : { authorization: `Bearer ${randomUUID()}` };
    if (schemes.includes('staff')) return { authorization: `Bearer ${staffToken}`, ...reason };
    return { authorization: `Bearer ${route.path.startsWith('/v1/office/') ? officeAdmin : member}` };
  }

  /** Events appended since the last look. */
  async function appended(): Promise<RecordedEvent[]> {
    const events = await store.readAll(cursor ? { after: cursor } : {});
    if (events.length > 0) cursor = events.at(-1)!.position;
    return events;
  }

  /** Sends one request and checks the three properties. */
  async function check(
    route: Route,
    url: string,
    body: string | undefined,
    credential: Credential,
  ): Promise<void> {
    await appended();
    const correlationId = randomUUID();
    let req = t
      .http()
      [route.method as 'get' | 'post' | 'put' | 'delete'](url)
      .set(credentials(route, credential))
      .set('x-correlation-id', correlationId);
    if (body !== undefined) req = req.set('content-type', 'application/json').send(body);
    const res = await req;
    const what = `${route.method.toUpperCase()} ${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    expect({ what, serverError: res.status >= 500 }).toEqual({ what, serverError: false });
    if (res.status < 400) return;
    const error = (res.body as { error?: Record<string, unknown> })?.error;
    const shaped =
      res.body !== null &&
      Object.keys(res.body as object).length === 1 &&
      typeof error?.code === 'string' &&
      /^[A-Z][A-Z0-9_]*$/.test(error.code) &&
      typeof error.message === 'string' &&
      error.message.length > 0 &&
      Object.keys(error).every((k) => ERROR_SHAPE_KEYS.includes(k)) &&
      (error.fields === undefined ||
        (typeof error.fields === 'object' &&
          error.fields !== null &&
          Object.keys(error.fields).length > 0 &&
          Object.values(error.fields).every((m) => typeof m === 'string' && m.length > 0)));
    expect({ what, shaped }).toEqual({ what, shaped: true });
    refused.set(correlationId, { route: `${route.method} ${route.path}`, status: res.status, body: what });
    const written = unexpectedWrites(
      (await appended()).filter((e) => e.metadata.correlationId === correlationId),
      res.status,
    ).map((e) => `${e.type} in ${e.streamId}`);
    expect({ what, written }).toEqual({ what, written: [] });
  }

  /** Runs a property; a failure is kept (its counterexample and seed in the message) and the next route runs. */
  const run = async <T extends [unknown, ...unknown[]]>(
    failures: string[],
    route: Route,
    property: fc.IAsyncProperty<T>,
    numRuns: number,
  ): Promise<void> => {
    try {
      await fc.assert(property, { seed: SEED, numRuns, includeErrorInReport: true });
    } catch (error) {
      failures.push(`${route.method.toUpperCase()} ${route.path}: ${(error as Error).message}`);
    }
  };

  it('the document lists the JSON routes this fuzz is meant to cover', () => {
    const withBody = routes().filter((r) => r.body);
    // The portal's forms, the session routes that take a body, the office's and plan staff's.
    expect(withBody.length).toBeGreaterThanOrEqual(20);
    expect(withBody.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/v1/registrations/nonmember',
        '/v1/login',
        '/v1/me/password',
        '/v1/office/users',
        '/v1/plan-accounts',
      ]),
    );
  });

  it('answers every JSON body with a status under 500, the error shape on a 4xx, and no write on a refusal', async () => {
    const failures: string[] = [];
    for (const route of routes().filter((r) => r.body)) {
      const pathParams = (route.op.parameters ?? []).filter((p) => p.in === 'path');
      const url = pathParams.reduce((u, p) => u.replace(`{${p.name}}`, memberId), route.path);
      await run(
        failures,
        route,
        fc.asyncProperty(bodyFor(route.body!, doc), credential, (body, who) => check(route, url, body, who)),
        BODY_RUNS,
      );
    }
    expect(failures).toEqual([]);
  });

  it('answers every path and query parameter the same way', async () => {
    const failures: string[] = [];
    for (const route of routes().filter((r) => (r.op.parameters ?? []).some((p) => p.in !== 'header'))) {
      const params = (route.op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
      const values = Object.fromEntries(
        params.map((p) => [
          p.name,
          p.in === 'path' || p.required
            ? paramValue(p.in === 'path' ? [memberId] : [])
            : fc.option(paramValue([]), { nil: undefined }),
        ]),
      );
      await run(
        failures,
        route,
        fc.asyncProperty(fc.record(values), credential, async (drawn, who) => {
          let url = route.path;
          const query = new URLSearchParams();
          for (const p of params) {
            const v = drawn[p.name] as string | undefined;
            if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(v!));
            else if (v !== undefined) query.set(p.name, v);
          }
          const search = query.toString();
          await check(route, search ? `${url}?${search}` : url, undefined, who);
        }),
        PARAM_RUNS,
      );
    }
    expect(failures).toEqual([]);
  });

  it('has written nothing since on behalf of a refused request', async () => {
    expect(refused.size).toBeGreaterThan(0);
    const all = await store.readAll();
    const late = [...refused].flatMap(([correlationId, { status, body }]) =>
      unexpectedWrites(
        all.filter((e) => e.metadata.correlationId === correlationId),
        status,
      ).map((e) => `${e.type} in ${e.streamId} after ${body}`),
    );
    expect(late).toEqual([]);
  });
});
