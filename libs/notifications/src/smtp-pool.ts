/**
 * A pool of nodemailer SMTP connections that sends messages already rendered to
 * MIME. nodemailer's own pooled transport builds a mail object for every send
 * (plugins, the composer's MIME node, address parsing, a stream pipeline with its
 * abort controller), even for a `raw` message: in the notifications bench that
 * was ~20% of the service's CPU per email. Here each message goes straight to
 * `SMTPConnection.send` as one buffer, over the same client nodemailer uses.
 *
 * What the pool keeps from nodemailer's: at most `maxConnections` connections,
 * opened on demand and each used for one message at a time; a connection is
 * replaced after `maxMessages`; one the server closed while idle is dropped, and
 * one whose message the server refused (EENVELOPE, EMESSAGE) is reset and reused.
 * Any other failure ends the connection and fails the send: the caller (the
 * queue) retries it. Nothing is retried here, so nothing is sent twice by the pool.
 */
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection, {
  type SMTPConnectionAuth,
  type SMTPConnectionOptions,
} from 'nodemailer/lib/smtp-connection';

export interface SmtpEnvelope {
  from: string;
  to: string[];
}

export interface SmtpPoolOptions {
  maxConnections?: number;
  maxMessages?: number;
  connectionTimeout?: number;
  greetingTimeout?: number;
  socketTimeout?: number;
}

interface Pooled {
  connection: SMTPConnection;
  messages: number;
  /** Its place in the pool was freed (it ended). */
  gone: boolean;
}

interface Waiter {
  resolve(pooled: Pooled): void;
  reject(error: unknown): void;
}

export class SmtpPool {
  private readonly connectionOptions: SMTPConnectionOptions;
  private readonly auth: SMTPConnectionAuth | undefined;
  private readonly maxConnections: number;
  private readonly maxMessages: number;
  private readonly idle: Pooled[] = [];
  private readonly waiting: Waiter[] = [];
  /** Connections open or opening, busy or idle. */
  private open = 0;
  private closed = false;

  constructor(url: string, options: SmtpPoolOptions = {}) {
    const { auth, service: _service, direct: _direct, ...fromUrl } = parseConnectionUrl(url);
    this.connectionOptions = {
      connectionTimeout: options.connectionTimeout,
      greetingTimeout: options.greetingTimeout,
      socketTimeout: options.socketTimeout,
      ...(fromUrl as SMTPConnectionOptions),
      logger: false,
    };
    this.auth = auth && (auth.user || auth.pass) ? { user: auth.user, pass: auth.pass } : undefined;
    this.maxConnections = Math.max(1, options.maxConnections ?? 5);
    this.maxMessages = Math.max(1, options.maxMessages ?? 100);
  }

  /** Sends one message; resolves once the server has accepted it. */
  async send(envelope: SmtpEnvelope, message: Buffer): Promise<void> {
    const pooled = await this.acquire();
    try {
      await new Promise<void>((resolve, reject) =>
        pooled.connection.send(envelope, message, (err) => (err ? reject(err) : resolve())),
      );
    } catch (error) {
      pooled.messages++;
      this.afterFailure(pooled, error);
      throw error;
    }
    pooled.messages++;
    this.release(pooled);
  }

  /** Opens a connection (and logs in), then says goodbye: readiness. */
  async verify(): Promise<void> {
    const pooled = this.newConnection();
    await this.connect(pooled);
    pooled.connection.quit();
  }

  /** Ends idle connections now and busy ones when their message is done; waiting sends fail. */
  close(): void {
    this.closed = true;
    for (const pooled of this.idle.splice(0)) pooled.connection.quit();
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('The SMTP pool is closed'));
  }

  private acquire(): Promise<Pooled> {
    if (this.closed) return Promise.reject(new Error('The SMTP pool is closed'));
    const idle = this.idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.open < this.maxConnections) return this.openOne();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Counted in `open` from the start, so concurrent sends never open more than the maximum. */
  private async openOne(): Promise<Pooled> {
    this.open++;
    const pooled = this.newConnection();
    try {
      await this.connect(pooled, () => this.dropped(pooled));
      return pooled;
    } catch (error) {
      this.dropped(pooled);
      throw error;
    }
  }

  private newConnection(): Pooled {
    return { connection: new SMTPConnection(this.connectionOptions), messages: 0, gone: false };
  }

  /** Connects and logs in (when the URL has credentials and the server offers AUTH). */
  private connect({ connection }: Pooled, onEnd?: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        connection.close();
        reject(error);
      };
      // An error always has a listener (an unheard 'error' would end the process). While a message is
      // in flight its send callback gets the same error; the connection is closed and 'end' follows.
      connection.on('error', fail);
      connection.once('end', () => {
        fail(new Error('The SMTP server closed the connection'));
        onEnd?.();
      });
      connection.connect((err) => {
        if (err) return fail(err);
        if (!this.auth || !connection.allowsAuth) {
          settled = true;
          return resolve();
        }
        connection.login(this.auth, (loginError) => {
          if (loginError) return fail(loginError);
          settled = true;
          resolve();
        });
      });
    });
  }

  private release(pooled: Pooled): void {
    if (pooled.gone || pooled.connection.destroyed) return;
    if (this.closed || pooled.messages >= this.maxMessages) {
      pooled.connection.quit();
      return;
    }
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve(pooled);
    else this.idle.push(pooled);
  }

  private afterFailure(pooled: Pooled, error: unknown): void {
    const code = (error as { code?: unknown }).code;
    const responseCode = (error as { responseCode?: unknown }).responseCode;
    const refused = (code === 'EENVELOPE' || code === 'EMESSAGE') && responseCode !== 421;
    if (!refused) {
      pooled.connection.close();
      return;
    }
    // The server refused this message and the session is fine: reset it and carry on.
    pooled.connection.reset((resetError) => (resetError ? pooled.connection.close() : this.release(pooled)));
  }

  /** A connection ended (we quit or closed it, the server closed it, or it failed): its place is freed once. */
  private dropped(pooled: Pooled): void {
    if (pooled.gone) return;
    pooled.gone = true;
    const i = this.idle.indexOf(pooled);
    if (i !== -1) this.idle.splice(i, 1);
    this.open--;
    this.serveWaiters();
  }

  /** A place came free: a waiting send opens a new connection in it. */
  private serveWaiters(): void {
    while (this.waiting.length > 0 && this.open < this.maxConnections && !this.closed) {
      const waiter = this.waiting.shift() as Waiter;
      this.openOne().then(waiter.resolve, waiter.reject);
    }
  }
}
