/**
 * The email port and its two adapters: SMTP through nodemailer's SMTP client
 * (`SMTP_URL`), and the outbox folder, where each message is a complete `.eml`
 * file a person can open. Both render the message the same way (`renderMessage`:
 * our own MIME renderer for the plain cases, nodemailer's composer for the rest),
 * so what the outbox shows is what SMTP would carry.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { PermanentJobError } from '@portal/jobs';
import { renderMime } from './mime';
import { type SmtpEnvelope, SmtpPool } from './smtp-pool';

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
 * SMTP with a connection pool (`SmtpPool`: nodemailer's SMTP client, one rendered
 * buffer per message). Errors are reported without the address or the server's
 * full reply (which may quote the address): a permanent rejection (5xx) becomes a
 * `PermanentJobError`, anything else is retried by the queue.
 */
export class SmtpMailer implements Mailer {
  private readonly pool;

  constructor(
    url: string,
    private readonly from: string,
    private readonly options: {
      maxConnections?: number;
      /** False: every message goes through nodemailer's composer (for comparison; the result is the same mail). */
      prerender?: boolean;
    } = {},
  ) {
    this.pool = new SmtpPool(url, {
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
      const { envelope, message } =
        this.options.prerender === false
          ? await compose(this.from, email)
          : await renderMessage(this.from, email);
      await this.pool.send(envelope, message);
    } catch (error) {
      throw smtpFailure(error);
    }
  }

  async ping(): Promise<void> {
    try {
      await this.pool.verify();
    } catch (error) {
      throw smtpFailure(error);
    }
  }

  async close(): Promise<void> {
    this.pool.close();
  }
}

export interface MimeMessage {
  envelope: SmtpEnvelope;
  /** The whole message, CRLF line ends, as it goes over SMTP or into a `.eml` file. */
  message: Buffer;
}

/**
 * One message as both adapters send it: pre-rendered MIME when `renderMime` can
 * take it, else nodemailer's composer (RFC 2047 headers, IDNA, SMTPUTF8).
 */
export async function renderMessage(
  from: string,
  email: OutgoingEmail,
  date = new Date(),
): Promise<MimeMessage> {
  const { messageId, to, subject, text, html } = email;
  const rendered = renderMime({ from, to, subject, messageId, text, html, date });
  if (rendered) return { envelope: { from: rendered.envelopeFrom, to: [to] }, message: rendered.message };
  return compose(from, email, date);
}

async function compose(from: string, email: OutgoingEmail, date = new Date()): Promise<MimeMessage> {
  const { messageId, to, subject, text, html } = email;
  const node = new MailComposer({
    from,
    to,
    subject,
    text,
    html,
    messageId,
    date,
    disableFileAccess: true,
    disableUrlAccess: true,
    // CRLF throughout, as SMTP carries it and as the outbox's `.eml` files are read.
    newline: 'windows',
  }).compile();
  const envelope = node.getEnvelope();
  return { envelope: { from: envelope.from || '', to: envelope.to }, message: await node.build() };
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
  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  async send(email: OutgoingEmail): Promise<void> {
    const { message } = await renderMessage(this.from, email);
    // Named by the message id's local part (the event id, a time-ordered UUID): files sort by when the
    // event happened, and the same message sent again (a retried job) overwrites its own file.
    const id = /^<?([A-Za-z0-9._-]+)/.exec(email.messageId)?.[1];
    if (!id) throw new TypeError('The message id must start with letters, digits, ".", "_" or "-"');
    const file = join(this.dir, `${id}.eml`);
    writeFileSync(`${file}.tmp`, message, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
