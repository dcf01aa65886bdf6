/**
 * Prometheus metrics are for operators, on their own listener (METRICS_HOST:METRICS_PORT,
 * 127.0.0.1:9464 by default), never on the API's port; and nothing in them moves
 * differently for a known account than for an unknown one, so that whoever can read them
 * still cannot tell whether an account exists.
 */
import { request as httpRequest } from 'node:http';
import { listenForMetrics, type MetricsListener } from '@portal/runtime';
import { NONMEMBER_FORM, WRONG_PASSWORD } from './support/forms';
import { eventually, Outbox } from './support/outbox';
import { startApp, type TestApp } from './support/app';

function get(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, (res) => {
      let body = '';
      res.on('data', (c) => (body += String(c)));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('metrics on the operations listener', () => {
  let t: TestApp;
  let ops: MetricsListener;
  beforeAll(async () => {
    t = await startApp();
    ops = await listenForMetrics(t.metrics, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await ops.close();
    await t.close();
  });

  it('answers 404 for /metrics on the API port, in the error shape', async () => {
    const res = await t.http().get('/metrics').expect(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such route.' } });
    const doc = (await t.http().get('/docs/json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });

  it('serves Prometheus text on the operations listener, counting API requests by route pattern', async () => {
    await t.http().get('/health').expect(200);
    const res = await get(`${ops.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/http_requests_total\{method="GET",route="\/health",status="200"\} \d+/);
    expect(res.body).toMatch(/process_cpu_seconds_total/);
    const other = await get(`${ops.url}/v1/login`);
    expect(other.status).toBe(404);
    expect(JSON.parse(other.body)).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});

/**
 * Every series except the process's own (CPU, memory, event loop), with the values of
 * timing histograms (buckets and sums) masked: what is compared is which series exist,
 * every count and every gauge (the lag gauges read 0 once all is done, known or not).
 */
function series(text: string): Map<string, number | 'timing'> {
  const out = new Map<string, number | 'timing'>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    const key = line.slice(0, space);
    const name = key.replace(/\{.*$/, '');
    if (/^(process_|nodejs_)/.test(name)) continue;
    const timing = /_seconds(_bucket|_sum)$/.test(name);
    out.set(key, timing ? 'timing' : Number(line.slice(space + 1)));
  }
  return out;
}

/**
 * Each count's increase from `before` to `after`. Timings are left out: a histogram's
 * `_count` says whether it moved, and a series that appears shows as an increase from 0.
 */
function delta(before: Map<string, number | 'timing'>, after: Map<string, number | 'timing'>) {
  const out: Record<string, number> = {};
  for (const [key, value] of after) {
    if (value === 'timing') continue;
    const was = before.get(key);
    const increase = value - (typeof was === 'number' ? was : 0);
    if (increase !== 0) out[key] = increase;
  }
  return out;
}

describe('metrics tell nothing about whether an account exists', () => {
  let t: TestApp;
  let mail: Outbox;
  beforeAll(async () => {
    t = await startApp();
    mail = new Outbox(t.dataDir);
  });
  afterAll(() => t.close());

  const snapshot = async () => series((await t.metrics.render()).body);
  /** Until two reads a moment apart agree: the projector, the reactor and the worker are done. */
  const settled = async () => {
    let last = JSON.stringify([...(await snapshot())]);
    return eventually(
      async () => {
        await new Promise((r) => setTimeout(r, 400));
        const now = JSON.stringify([...(await snapshot())]);
        if (now === last) return snapshot();
        last = now;
        return undefined;
      },
      20_000,
      'the metrics to settle',
    );
  };

  /** The flows an enumerating caller would try, named by username and email. */
  const probe = async (username: string, email: string, fresh: string) => {
    await t.http().post('/v1/login').send({ username, password: WRONG_PASSWORD }).expect(401);
    const reset = await t.http().post('/v1/password-resets').send({ username });
    expect(reset.status).toBeLessThan(300);
    await t
      .http()
      .post('/v1/password-resets/verify-code')
      .send({ resetToken: reset.body.resetToken, code: '000000' })
      .expect(401);
    await t.http().post('/v1/username-reminders').send({ email }).expect(202);
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...NONMEMBER_FORM, username: fresh, email })
      .expect(201, { registered: true });
  };

  it('moves the same series by the same counts for a known account as for an unknown one', async () => {
    const known = { username: 'knownmember01', email: 'known.member@example.com' };
    await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...NONMEMBER_FORM, ...known })
      .expect(201);
    const start = await settled();

    await probe(known.username, known.email, 'secondtry0001');
    // The known account's messages went out (so the pipeline ran for it) before the counts are read.
    await eventually(
      () => {
        const subjects = mail
          .emails()
          .filter((e) => e.to === known.email)
          .map((e) => e.subject);
        const all = [/verification code$/, /username$/, /already have an account/].every((p) =>
          subjects.some((s) => p.test(s)),
        );
        return all || undefined;
      },
      20_000,
      "the known account's emails",
    );
    const afterKnown = await settled();

    await probe('nobodyhere0001', 'nobody.here@example.com', 'secondtry0002');
    const afterUnknown = await settled();

    const forKnown = delta(start, afterKnown);
    const forUnknown = delta(afterKnown, afterUnknown);
    expect(Object.keys(forKnown).length).toBeGreaterThan(0); // the requests themselves are counted
    expect(forUnknown).toEqual(forKnown);
  });
});
