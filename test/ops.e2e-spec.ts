import { startApp, type TestApp } from './support/app';

describe('operations endpoints', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp()));
  afterAll(() => t.close());

  it('answers liveness', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers readiness with each dependency checked', async () => {
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body).toEqual({
      ready: true,
      checks: {
        eventStore: { ok: true },
        readModels: { ok: true },
        sessions: { ok: true },
        staffSessions: { ok: true },
        mail: { ok: true },
        lease: { ok: true, state: 'active', token: expect.any(Number) },
        deliveryReactor: { ok: true, state: 'active' },
        projector: { ok: true, state: 'active', generation: 1, lagSeconds: expect.any(Number) },
      },
    });
  });

  // An API process answers "not ready" while Redis is away; a worker or projector process
  // cannot start without its queue and stops at once (its supervisor restarts it).
  it('reports not ready, naming the dependency, when Redis does not answer', async () => {
    const other = await startApp({ REDIS_URL: 'redis://127.0.0.1:1', ROLES: 'api' });
    try {
      const res = await other.http().get('/health/ready').expect(503);
      expect(res.body.ready).toBe(false);
      expect(res.body.checks.eventStore).toEqual({ ok: true });
      expect(res.body.checks.redis.ok).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('puts a correlation id on every response, keeping a well-formed one from the caller', async () => {
    const made = await t.http().get('/health');
    expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.http().get('/health').set('x-correlation-id', 'portal-req-12345');
    expect(kept.headers['x-correlation-id']).toBe('portal-req-12345');
    const replaced = await t.http().get('/health').set('x-correlation-id', 'bad id with spaces');
    expect(replaced.headers['x-correlation-id']).not.toBe('bad id with spaces');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/docs/json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health', '/health/ready']));
    // Metrics are on the operations listener, not on this port (test/metrics.e2e-spec.ts).
    expect(Object.keys(res.body.paths)).not.toContain('/metrics');
  });

  it('gives an example for every field of every request body, and documents every /v1 route', async () => {
    const doc = (await t.http().get('/docs/json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>
      >;
      components: {
        schemas: Record<
          string,
          {
            properties?: Record<
              string,
              { example?: unknown; $ref?: string; allOf?: unknown[]; type?: string }
            >;
          }
        >;
      };
    };
    const schemaOf = (ref: string) => doc.components.schemas[ref.replace('#/components/schemas/', '')];
    const missing: string[] = [];
    const check = (name: string, ref: string) => {
      for (const [field, property] of Object.entries(schemaOf(ref)?.properties ?? {})) {
        const nested = property.$ref ?? (property.allOf?.[0] as { $ref?: string } | undefined)?.$ref;
        if (nested) check(`${name}.${field}`, nested);
        else if (property.example === undefined) missing.push(`${name}.${field}`);
      }
    };
    let bodies = 0;
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(methods)) {
        const ref = operation.requestBody?.content['application/json']?.schema.$ref;
        if (!ref) continue;
        bodies++;
        check(`${method.toUpperCase()} ${path} ${ref.split('/').pop()}`, ref);
      }
    expect(missing).toEqual([]);
    expect(bodies).toBeGreaterThan(20);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/registrations/nonmember', '/v1/login', '/v1/login/verify-code', '/v1/me']),
    );
  });

  it('answers an unknown route with the error shape', async () => {
    const res = await t.http().get('/v1/nothing-here').expect(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such route.' } });
  });

  it('logs one JSON line per request with the route pattern, never the query string', async () => {
    await t.http().get('/health?email=someone%40example.com');
    const lines = t.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatchObject({ route: '/health', status: 200, method: 'GET' });
    expect(t.logs.join('\n')).not.toContain('someone');
  });
});
