/**
 * The embedded email adapter: each message becomes an `.eml` file in the outbox
 * folder, so a person trying the service can follow every flow by hand. The
 * notifications work replaces the direct call with the delivery reactor and queues.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(email: Email): Promise<void>;
}

export class OutboxMailer implements Mailer {
  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  async send(email: Email): Promise<void> {
    const id = randomUUID();
    const lines = [
      `From: ${this.from}`,
      `To: ${email.to}`,
      `Subject: ${email.subject}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${id}@outbox.portal.invalid>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      email.text,
      '',
    ];
    // Written whole then visible: the file name is chosen once the content is complete.
    const file = join(this.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`);
    writeFileSync(`${file}.tmp`, lines.join('\r\n'), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }
}

export interface Letter {
  /** Name and postal address, one line each. */
  address: string[];
  body: string;
}

export interface LetterSender {
  /** Returns the reference under which the letter was handed over. */
  send(letter: Letter): Promise<string>;
}

/** The embedded letter adapter: a text file per letter in the outbox (a print vendor's PDF comes with the notifications work). */
export class OutboxLetters implements LetterSender {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  async send(letter: Letter): Promise<string> {
    const reference = `letter-${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}`;
    const file = join(this.dir, `${reference}.txt`);
    writeFileSync(`${file}.tmp`, [...letter.address, '', letter.body, ''].join('\n'), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    return reference;
  }
}

/** `days` business days after `from` (weekends skipped; the letter work adds US federal holidays). */
export function addBusinessDays(from: Date, days: number): Date {
  const d = new Date(from);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d;
}
