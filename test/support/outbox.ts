/**
 * Reads what the embedded adapters wrote to DATA_DIR/outbox: emails (`.eml`,
 * decoded enough to read their text) and letters (PDF, read back as text). Messages
 * leave through the delivery reactor and the queue, after the HTTP answer, so the
 * helpers wait for them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';

export interface OutboxEmail {
  file: string;
  to: string;
  subject: string;
  messageId: string;
  /** The text/plain part, decoded. */
  text: string;
  /** The text/html part, decoded. */
  html: string;
  raw: string;
}

/** Polls until `probe` returns something, for at most `timeoutMs`. */
export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
  what = 'a condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function parseEml(file: string, raw: string): OutboxEmail {
  const [head] = raw.split('\r\n\r\n', 1);
  const header = (name: string) =>
    new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'mi').exec(head)?.[1].replace(/\r\n[ \t]/g, ' ') ?? '';
  const part = (type: string) => {
    const m = new RegExp(
      `Content-Type: ${type}[^\\r]*\\r\\nContent-Transfer-Encoding: ([\\w-]+)\\r\\n\\r\\n([\\s\\S]*?)\\r\\n--`,
    ).exec(raw);
    if (!m) return '';
    if (m[1] === 'quoted-printable')
      return Buffer.from(
        m[2]
          .replace(/=\r\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
    if (m[1] === 'base64') return Buffer.from(m[2], 'base64').toString('utf8');
    return m[2];
  };
  return {
    file,
    to: header('To'),
    subject: header('Subject'),
    messageId: header('Message-ID'),
    text: part('text/plain'),
    html: part('text/html'),
    raw,
  };
}

export class Outbox {
  private readonly seen = new Set<string>();
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'outbox');
  }

  private files(suffix: string): string[] {
    return existsSync(this.dir)
      ? readdirSync(this.dir)
          .filter((f) => f.endsWith(suffix))
          .sort()
      : [];
  }

  /** Every email so far, oldest event first (files are named by the event's time-ordered id). */
  emails(): OutboxEmail[] {
    return this.files('.eml').map((f) => parseEml(f, readFileSync(join(this.dir, f), 'utf8')));
  }

  /**
   * Waits for an email to `to` whose text matches `pattern` and that no earlier call
   * returned; returns the newest such, and counts all of them as seen.
   */
  async next(to: string, pattern: RegExp = /./, timeoutMs?: number): Promise<OutboxEmail> {
    return eventually(
      () => {
        const fresh = this.emails().filter(
          (e) => e.to === to && pattern.test(e.text) && !this.seen.has(e.file),
        );
        for (const e of fresh) this.seen.add(e.file);
        return fresh.at(-1);
      },
      timeoutMs,
      `an email to ${to} matching ${pattern}`,
    );
  }

  /** The next emailed 6-digit code for `to`. */
  async code(to: string): Promise<string> {
    const email = await this.next(to, /verification code is \d{6}/);
    return /verification code is (\d{6})/.exec(email.text)![1];
  }

  letterFiles(): string[] {
    return this.files('.pdf');
  }

  /** Waits for the `count`th letter and returns the text of each, oldest first. */
  async letters(count = 1, timeoutMs?: number): Promise<string[]> {
    const files = await eventually(
      () => (this.letterFiles().length >= count ? this.letterFiles() : undefined),
      timeoutMs,
      `${count} letter(s)`,
    );
    return Promise.all(files.map((f) => pdfText(readFileSync(join(this.dir, f)))));
  }

  /** Waits for a letter whose text matches `pattern`, and returns its text. */
  async letter(pattern: RegExp, timeoutMs?: number): Promise<string> {
    const read = new Map<string, string>();
    return eventually(
      async () => {
        for (const f of this.letterFiles()) {
          if (!read.has(f)) read.set(f, await pdfText(readFileSync(join(this.dir, f))));
          if (pattern.test(read.get(f)!)) return read.get(f);
        }
        return undefined;
      },
      timeoutMs,
      `a letter matching ${pattern}`,
    );
  }
}

/** The PDF's text as a PDF parser (pdf-parse, in a child process: see pdf-text.cjs) reads it. */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'pdf-text.cjs')], (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin!.end(pdf);
  });
}
