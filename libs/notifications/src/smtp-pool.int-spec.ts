/**
 * The SMTP pool against a real SMTP server (`smtp-server`) in the test: how many
 * connections it opens and reuses, and what happens when the server refuses a
 * message, closes an idle connection, is down, or asks for a login.
 */
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { SmtpMailer } from './mailer';
import { SmtpPool } from './smtp-pool';
import { freePort, textOf } from './testing/harness';

interface Server {
  port: number;
  /** Messages accepted, in order, with the connection each came over. */
  received: { to: string[]; raw: string; connection: string; user?: string }[];
  /** Connections opened, and the most open at once. */
  stats: { opened: number; open: number; maxOpen: number };
  close(): Promise<void>;
}

async function startServer(options: Partial<SMTPServerOptions> = {}, port = 0): Promise<Server> {
  const received: Server['received'] = [];
  const stats = { opened: 0, open: 0, maxOpen: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    onConnect(_session, callback) {
      stats.opened++;
      stats.open++;
      stats.maxOpen = Math.max(stats.maxOpen, stats.open);
      callback();
    },
    onClose() {
      stats.open--;
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          connection: session.id,
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    received,
    stats,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const message = (n: number) =>
  Buffer.from(`From: a@test.example\r\nTo: b@test.example\r\nSubject: ${n}\r\n\r\nmessage ${n}\r\n`);
/** The body of one of the messages above. */
const bodyOf = (raw: string) => raw.slice(raw.indexOf('\r\n\r\n') + 4).trim();
const envelope = (to = 'b@test.example') => ({ from: 'a@test.example', to: [to] });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe('SmtpPool', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });
  const server = async (options?: Partial<SMTPServerOptions>, port?: number) => {
    const s = await startServer(options, port);
    cleanup.push(() => s.close());
    return s;
  };
  const pool = (port: number, options: ConstructorParameters<typeof SmtpPool>[1] = {}, auth = '') => {
    const p = new SmtpPool(`smtp://${auth}127.0.0.1:${port}`, { connectionTimeout: 2000, ...options });
    cleanup.push(() => p.close());
    return p;
  };

  it('opens at most maxConnections, reuses each for many messages, and replaces one after maxMessages', async () => {
    const s = await server();
    const p = pool(s.port, { maxConnections: 2, maxMessages: 5 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => p.send(envelope(), message(i))));

    expect(s.received.map((m) => bodyOf(m.raw)).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `message ${i}`).sort(),
    );
    expect(s.stats.maxOpen).toBeLessThanOrEqual(2);
    expect(s.stats.opened).toBe(4);
    const perConnection = new Map<string, number>();
    for (const m of s.received) perConnection.set(m.connection, (perConnection.get(m.connection) ?? 0) + 1);
    expect([...perConnection.values()]).toEqual([5, 5, 5, 5]);
    // Each connection was retired after its fifth message with a QUIT: none is left open.
    expect(await until(() => s.stats.open === 0)).toBe(true);
  });

  it('a refused recipient fails that message for good; the connection is reset and carries on', async () => {
    const s = await server({
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('gone@')) {
          callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
          return;
        }
        callback();
      },
    });
    const p = pool(s.port, { maxConnections: 1 });
    await p.send(envelope(), message(1));
    await expect(p.send(envelope('gone@test.example'), message(2))).rejects.toMatchObject({
      code: 'EENVELOPE',
      responseCode: 550,
      permanent: true,
    });
    await p.send(envelope(), message(3));

    expect(s.received.map((m) => bodyOf(m.raw))).toEqual(['message 1', 'message 3']);
    expect(s.stats.opened).toBe(1);
  });

  it('a connection the server closed while idle is dropped, and the next message opens a new one', async () => {
    const s = await server({ socketTimeout: 150 });
    const p = pool(s.port, { maxConnections: 1 });
    await p.send(envelope(), message(1));
    expect(await until(() => s.stats.open === 0)).toBe(true); // the server timed the idle connection out

    await p.send(envelope(), message(2));
    expect(s.received.map((m) => bodyOf(m.raw))).toEqual(['message 1', 'message 2']);
    expect(s.stats.opened).toBe(2);
  });

  it('with the server down every send fails (none waits forever), and sends work once it is back', async () => {
    const port = await freePort();
    const p = pool(port, { maxConnections: 1 });
    const results = await Promise.allSettled([1, 2, 3].map((i) => p.send(envelope(), message(i))));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'ESOCKET' });

    const s = await server({}, port);
    await Promise.all([4, 5].map((i) => p.send(envelope(), message(i))));
    expect(s.received.map((m) => bodyOf(m.raw)).sort()).toEqual(['message 4', 'message 5']);
  });

  it("logs in with the URL's user and password when the server asks", async () => {
    const s = await server({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      onAuth(auth, _session, callback) {
        if (auth.username === 'portal' && auth.password === 's3cret') callback(null, { user: 'portal' });
        else callback(new Error('Invalid credentials'));
      },
    });
    await pool(s.port, {}, 'portal:s3cret@').send(envelope(), message(1));
    expect(s.received.map((m) => m.user)).toEqual(['portal']);

    await expect(pool(s.port, {}, 'portal:wrong@').send(envelope(), message(2))).rejects.toMatchObject({
      code: 'EAUTH',
    });
    expect(s.received).toHaveLength(1);
  });

  it('verify() connects and says goodbye; close() fails the sends still waiting for a connection', async () => {
    const s = await server({
      // Holds each message a while, so later sends queue for the one connection.
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => setTimeout(() => callback(), 100));
      },
    });
    const p = pool(s.port, { maxConnections: 1 });
    await p.verify();
    expect(await until(() => s.stats.open === 0)).toBe(true);

    const first = p.send(envelope(), message(1));
    const waiting = p.send(envelope(), message(2));
    await new Promise((r) => setTimeout(r, 20));
    p.close();
    await expect(waiting).rejects.toThrow('The SMTP pool is closed');
    await expect(first).resolves.toBeUndefined(); // the message in flight finishes
    await expect(p.send(envelope(), message(3))).rejects.toThrow('The SMTP pool is closed');
    expect(await until(() => s.stats.open === 0)).toBe(true);
  });
});

describe('SmtpMailer', () => {
  it("sends what our renderer cannot take (a plan name with accents) through nodemailer's composer", async () => {
    const s = await startServer();
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${s.port}`, 'Santé Plan <noreply@plan.example>');
    try {
      await mailer.send({
        messageId: '<0193aaaa-bbbb-7ccc-8ddd-eeeeffff0000@portal.invalid>',
        to: 'robin@example.com',
        subject: 'Votre code Santé',
        text: 'Bonjour Robin',
        html: '<p>Bonjour Robin</p>',
      });
    } finally {
      await mailer.close();
      await s.close();
    }
    const [mail] = s.received;
    expect(mail?.to).toEqual(['robin@example.com']);
    expect(mail?.raw).toContain('Subject: =?UTF-8?Q?Votre_code_Sant=C3=A9?=');
    expect(mail?.raw).toContain('Message-ID: <0193aaaa-bbbb-7ccc-8ddd-eeeeffff0000@portal.invalid>');
    expect(textOf(mail?.raw ?? '')).toContain('Bonjour Robin');
  });
});
