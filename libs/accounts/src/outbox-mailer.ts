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
