/**
 * The email port and its two adapters: SMTP through nodemailer (`SMTP_URL`), and
 * the outbox folder, where each message is a complete `.eml` file a person can
 * open. Both build the message the same way (`messageOf`: our own MIME renderer
 * for the plain cases, nodemailer's composer for the rest), so what the outbox
 * shows is what SMTP would carry.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { PermanentJobError } from '@portal/jobs';
import { renderMime } from './mime';

export interface OutgoingEmail {
  /** Stable per message (`<event id@host>`), so a resend after a crash can be recognised downstream. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  /** Readiness: resolves when the transport can take mail. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * SMTP with a connection pool. Errors are reported without the address or the
 * server's full reply (which may quote the address): a permanent rejection (5xx)
 * becomes a `PermanentJobError`, anything else is retried by the queue.
 */
export class SmtpMailer implements Mailer {
  private readonly transport;

  constructor(
    url: string,
    private readonly from: string,
    private readonly options: {
      maxConnections?: number;
      /** False: every message goes through nodemailer's composer (for comparison; the result is the same mail). */
      prerender?: boolean;
    } = {},
  ) {
    this.transport = createTransport({
      url,
      pool: true,
      maxConnections: options.maxConnections ?? 5,
      // Reconnecting costs a handshake (and a TLS one with a real relay) every maxMessages messages.
      maxMessages: 10_000,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(email: OutgoingEmail): Promise<void> {
    try {
      await this.transport.sendMail(
        this.options.prerender === false ? composerFields(this.from, email) : messageOf(this.from, email),
      );
    } catch (error) {
      throw smtpFailure(error);
    }
  }

  async ping(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (error) {
      throw smtpFailure(error);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/**
 * One message, as both adapters hand it to nodemailer: pre-rendered MIME with its
 * envelope when `renderMime` can take it, else the fields for nodemailer's composer.
 */
export function messageOf(from: string, email: OutgoingEmail, date = new Date()) {
  const { messageId, to, subject, text, html } = email;
  const rendered = renderMime({ from, to, subject, messageId, text, html, date });
  if (rendered) return { envelope: { from: rendered.envelopeFrom, to: [to] }, raw: rendered.message };
  return composerFields(from, email, date);
}

function composerFields(from: string, email: OutgoingEmail, date = new Date()) {
  const { messageId, to, subject, text, html } = email;
  return { from, to, subject, text, html, messageId, date };
}

/** A message for logs and the dead-letter list: the SMTP code and nodemailer's error code, never the reply text. */
export function smtpFailure(error: unknown): Error {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; permanent?: unknown };
  const code = typeof e.code === 'string' ? e.code : 'unknown error';
  const reply = typeof e.responseCode === 'number' ? ` ${e.responseCode}` : '';
  const message = `SMTP${reply} ${code}`;
  return e.permanent === true ? new PermanentJobError(`${message} (rejected for good)`) : new Error(message);
}

/** The embedded adapter: `DATA_DIR/outbox/<time>-<message id>.eml`, one file per message, written whole. */
export class OutboxMailer implements Mailer {
  private readonly composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  async send(email: OutgoingEmail): Promise<void> {
    const info = await this.composer.sendMail(messageOf(this.from, email));
    // Named by the message id's local part (the event id, a time-ordered UUID): files sort by when the
    // event happened, and the same message sent again (a retried job) overwrites its own file.
    const id = /^<?([A-Za-z0-9._-]+)/.exec(email.messageId)?.[1];
    if (!id) throw new TypeError('The message id must start with letters, digits, ".", "_" or "-"');
    const file = join(this.dir, `${id}.eml`);
    writeFileSync(`${file}.tmp`, info.message as Buffer, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
