/**
 * The delivery path against real Redis (BullMQ) and a real SMTP server in the
 * test: events → reactor → queue → worker → SMTP, with the failures DESIGN.md
 * names. Redis is found through REDIS_URL, else 127.0.0.1:6379; the suite fails
 * when none answers.
 */
import { randomUUID } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import { join } from 'node:path';
import { redisUrl, requireRedis } from '../../../test/support/redis';
import { pdfText } from '../../../test/support/outbox';
import { BullMqJobQueue, type BullMqJobQueueOptions, type JobsLogger } from '@portal/jobs';
import { deleteKeysWithPrefix } from '../../jobs/src/testing/redis-keys';
import { SqliteCheckpointStore } from './checkpoints';
import { DeliveryWorker } from './delivery-worker';
import { type LetterSender, OutboxLetterSender, VendorLetterSender } from './letters';
import { type Mailer, SmtpMailer } from './mailer';
import { DeliveryReactor } from './reactor';
import { Fixture, freePort, htmlOf, memoryLogger, PLAN, SmtpSink, textOf, waitFor } from './testing/harness';

beforeAll(() => requireRedis());

const silent: JobsLogger = { warn: () => undefined, error: () => undefined };
// Short locks, stall checks and backoff so crashes and retries play out within a test.
const fast: BullMqJobQueueOptions = {
  lockDurationMs: 1000,
  stalledIntervalMs: 300,
  retry: { attempts: 3, baseDelayMs: 50, maxDelayMs: 100 },
  logger: silent,
};

describe('delivery over BullMQ and SMTP', () => {
  let f: Fixture;
  let prefix: string;
  const closers: (() => Promise<void>)[] = [];
  const logs = memoryLogger();

  const queue = async (options: BullMqJobQueueOptions = {}) => {
    const jobs = await BullMqJobQueue.connect(redisUrl(), { ...fast, prefix, ...options });
    closers.push(() => jobs.close({ timeoutMs: 2000 }));
    return jobs;
  };
  const reactor = async (jobs: BullMqJobQueue, checkpointFile = 'checkpoints.sqlite') => {
    const checkpoints = new SqliteCheckpointStore(join(f.dir, checkpointFile));
    const r = new DeliveryReactor(f.store, jobs, checkpoints, logs);
    await r.start();
    closers.push(async () => {
      await r.stop();
      await checkpoints.close();
    });
    return r;
  };
  const worker = (mailer: Mailer, letters: LetterSender = new OutboxLetterSender(join(f.dir, 'outbox'))) =>
    new DeliveryWorker({
      store: f.store,
      accounts: f.accounts,
      vault: f.vault,
      roster: f.roster,
      mailer,
      letters,
      plan: PLAN,
      logger: logs,
    });
  const smtp = async (port?: number) => {
    const sink = await SmtpSink.start(port);
    closers.unshift(() => sink.close()); // last: after the mailers that hold connections to it
    return sink;
  };
  const mailerFor = (sink: { url: string }) => {
    const mailer = new SmtpMailer(sink.url, 'Portal <noreply@test.example>');
    closers.push(() => mailer.close());
    return mailer;
  };

  beforeEach(() => {
    f = new Fixture();
    prefix = `test-notify-${process.pid}-${randomUUID().slice(0, 8)}`;
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await f.close();
    await deleteKeysWithPrefix(redisUrl(), prefix);
  });

  it('a real SMTP server receives the code email, with the code that was issued, in text and HTML', async () => {
    const sink = await smtp();
    const jobs = await queue();
    await worker(mailerFor(sink)).start(jobs);
    await reactor(jobs);
    const accountId = await f.registered('robin@example.com', 'Robin');
    const { code } = await f.loginCode(accountId);

    const mail = await waitFor(() => sink.received[0]);
    expect(mail.to).toEqual(['robin@example.com']);
    expect(mail.raw).toContain('Subject: Your Test Health Plan verification code');
    expect(textOf(mail.raw)).toContain(`Hello Robin,`);
    expect(textOf(mail.raw)).toContain(`Your verification code is ${code}.`);
    expect(htmlOf(mail.raw)).toContain(`<strong>${code}</strong>`);
    expect(textOf(mail.raw)).toMatch(/Test Health Plan\r\n$/);
    // Logs name the job and the kind of message, never the code or the address.
    expect(logs.lines.join('\n')).not.toContain(code);
    expect(logs.lines.join('\n')).not.toContain('robin@example.com');
  });

  it('the worker opens only the events its messages use, once each: the registration, the username, and the code', async () => {
    const sink = await smtp();
    const jobs = await queue();
    const accountId = await f.registered('robin@example.com', 'Robin');
    const { code } = await f.loginCode(accountId);
    const vault = f.vault;
    const open = vault.open.bind(vault);
    const opened: unknown[] = [];
    jest.spyOn(vault, 'open').mockImplementation(async (id, sealed) => {
      const value = await open(id, sealed);
      opened.push(value);
      return value;
    });
    await worker(mailerFor(sink)).start(jobs);
    await reactor(jobs);

    await waitFor(() => sink.received[0]);
    // One open per event (its envelope of personal values), none for the events no message
    // names; which of an envelope's values reach the messages in clear is the codec's
    // `opened` list (DELIVERY_PERSONAL_FIELDS, tested in libs/accounts).
    const username = `user${accountId.slice(0, 8)}`; // as the fixture registers it
    expect(opened).toHaveLength(3);
    expect(opened).toContain(code);
    expect(opened).toContainEqual(
      expect.objectContaining({ 'profile.firstName': 'Robin', 'profile.email': 'robin@example.com' }),
    );
    expect(opened).toContainEqual({ username });
  });

  it('every event delivered twice (a replay from the first event, and each job added again) sends one email per event', async () => {
    const sink = await smtp();
    const jobs = await queue();
    await worker(mailerFor(sink)).start(jobs);
    const first = await reactor(jobs, 'first.sqlite');
    const codes: string[] = [];
    for (let i = 0; i < 10; i++)
      codes.push((await f.loginCode(await f.registered(`r${i}@example.com`))).code);
    await waitFor(() => (sink.received.length >= 10 ? true : undefined));

    // A second reactor with no checkpoint replays everything; and every job is added once more by hand.
    const second = await reactor(jobs, 'second.sqlite');
    const all = await f.store.readAll();
    await waitFor(() =>
      second.lastPosition && first.lastPosition && second.lastPosition.commit >= all.at(-1)!.position.commit
        ? true
        : undefined,
    );
    for (const e of all.filter((e) => e.type === 'OtpIssued'))
      expect(
        await jobs.add('email', e.id, {
          streamId: e.streamId,
          revision: String(e.revision),
          kind: 'email-code',
        }),
      ).toEqual({
        jobId: e.id,
        duplicate: true,
      });
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.received).toHaveLength(10);
    expect(sink.received.map((m) => /verification code is (\d{6})/.exec(textOf(m.raw))![1]).sort()).toEqual(
      codes.sort(),
    );
  });

  it('a worker killed in the middle of a job: the message is sent once, by the worker that takes over', async () => {
    const sink = await smtp();
    let started!: () => void;
    const inJob = new Promise<void>((resolve) => (started = resolve));
    // The first worker "dies" inside the send: its handler does not return until the test
    // ends (then it fails, so BullMQ's lock renewal in this process stops and Jest can exit).
    let release!: () => void;
    const hung: Mailer = {
      send: () => {
        started();
        return new Promise((_, reject) => (release = () => reject(new Error('worker was killed'))));
      },
      ping: async () => undefined,
      close: async () => undefined,
    };
    const jobsA = await BullMqJobQueue.connect(redisUrl(), { ...fast, prefix });
    await worker(hung).start(jobsA);
    const jobsB = await queue();
    await reactor(jobsB);
    await f.loginCode(await f.registered('crash@example.com'));
    await inJob;
    await jobsA.close({ timeoutMs: 0 }); // a crash: the job stays claimed until its lock expires
    closers.push(async () => release());

    await worker(mailerFor(sink)).start(jobsB);
    await waitFor(() => sink.received[0]);
    await new Promise((r) => setTimeout(r, 1500)); // past another lock period: no second send
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0].to).toEqual(['crash@example.com']);
  });

  it('SMTP down: retried, then dead-lettered without personal data; a support retry sends it once SMTP is back', async () => {
    const port = await freePort();
    const jobs = await queue();
    await worker(mailerFor({ url: `smtp://127.0.0.1:${port}` })).start(jobs);
    await reactor(jobs);
    const { code } = await f.loginCode(await f.registered('down@example.com'));

    await waitFor(async () => ((await jobs.countDead('email')) === 1 ? true : undefined));
    const [dead] = await jobs.listDead('email');
    expect(dead.attemptsMade).toBe(3);
    expect(dead.lastError).toMatch(/^SMTP /);
    expect(dead.lastError).not.toContain('down@example.com');
    expect(dead.lastError).not.toContain(code);

    const sink = await smtp(port);
    expect(await jobs.retryDead('email', dead.id)).toBe(true);
    const mail = await waitFor(() => sink.received[0]);
    expect(textOf(mail.raw)).toContain(`Your verification code is ${code}.`);
    expect(await jobs.countDead('email')).toBe(0);
  });

  it('a letter goes to the vendor as a PDF with the code and the roster address; ActivationCodeMailed records its answer', async () => {
    const requests: { headers: Record<string, unknown>; body: Record<string, unknown> }[] = [];
    const vendor: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        // The first try fails as a vendor outage would; the retry is accepted.
        if (requests.length === 1) return void res.writeHead(503).end();
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ vendorReference: 'VENDOR-77', expectedDeliveryDate: '2026-12-04' }));
      });
    });
    await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', () => resolve()));
    closers.push(() => new Promise((resolve) => vendor.close(() => resolve())));
    const address = vendor.address() as { port: number };
    const jobs = await queue();
    const never: Mailer = {
      send: async () => undefined,
      ping: async () => undefined,
      close: async () => undefined,
    };
    await worker(never, new VendorLetterSender(`http://127.0.0.1:${address.port}/v1`)).start(jobs);
    await reactor(jobs);

    const accountId = randomUUID();
    const code = 'ABCD-EFGH-JKMN';
    const issued = await f.accounts.run(
      accountId,
      {
        type: 'RequestActivationCode',
        accountId,
        memberId: 'DEMO0000002',
        rosterMatched: true,
        codeId: randomUUID(),
        codeHash: f.accounts.codeHash('activation', code.replace(/-/g, '')),
        codeSealed: await f.accounts.seal(accountId, code),
        now: Date.now(),
      },
      f.ctx(),
    );
    const eventId = (await f.store.readStream(`account-${accountId}`))[0].id;
    const mailed = await waitFor(async () =>
      (await f.store.readStream(`account-${accountId}`)).find((e) => e.type === 'ActivationCodeMailed'),
    );
    expect(issued.events[0].type).toBe('ActivationCodeIssued');
    expect(requests).toHaveLength(2);
    expect(requests.map((r) => r.headers['idempotency-key'])).toEqual([eventId, eventId]);
    const body = requests[1].body as {
      reference: string;
      recipient: { name: string; address: Record<string, string> };
      document: { contentType: string; base64: string };
    };
    expect(body.reference).toBe(eventId);
    expect(body.document.contentType).toBe('application/pdf');
    const text = await pdfText(Buffer.from(body.document.base64, 'base64'));
    expect(text).toContain(code);
    expect(text).toContain(body.recipient.name);
    expect(text).toContain(body.recipient.address.line1);
    expect(text).toContain(
      `${body.recipient.address.city}, ${body.recipient.address.state} ${body.recipient.address.postalCode}`,
    );
    expect(text).toContain(PLAN.portalUrl);
    expect(mailed.data).toMatchObject({
      vendorReference: 'VENDOR-77',
      expectedDeliveryAt: '2026-12-04T00:00:00.000Z',
    });
    expect(mailed.metadata.causationId).toBe(eventId);
  });

  it('a payload that names no event is dead-lettered at once', async () => {
    const jobs = await queue();
    await worker(mailerFor({ url: 'smtp://127.0.0.1:1' })).start(jobs);
    await jobs.add('email', randomUUID(), { hello: 'world' });
    await waitFor(async () => ((await jobs.countDead('email')) === 1 ? true : undefined));
    const [dead] = await jobs.listDead('email');
    expect(dead).toMatchObject({ attemptsMade: 1, lastError: 'The job payload is not a delivery' });
  });
});
