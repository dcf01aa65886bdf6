import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermanentJobError } from '@portal/jobs';
import { VendorLetterSender } from './letters';
import { OutboxMailer, smtpFailure } from './mailer';

describe('OutboxMailer', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'outbox-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one complete .eml per message id; the same message sent again replaces its file', async () => {
    const mailer = new OutboxMailer(dir, 'Plan <noreply@plan.example>');
    const email = {
      messageId: '<0193aaaa-bbbb-7ccc-8ddd-eeeeffff0000@portal.invalid>',
      to: 'x@example.com',
      subject: 'Hello',
      text: 'Plain words',
      html: '<p>Plain words</p>',
    };
    await mailer.send(email);
    await mailer.send(email);
    expect(readdirSync(dir)).toEqual(['0193aaaa-bbbb-7ccc-8ddd-eeeeffff0000.eml']);
    const raw = readFileSync(join(dir, readdirSync(dir)[0]), 'utf8');
    expect(raw).toContain('To: x@example.com\r\n');
    expect(raw).toContain('Message-ID: <0193aaaa-bbbb-7ccc-8ddd-eeeeffff0000@portal.invalid>');
    expect(raw).toContain('Content-Type: multipart/alternative');
    expect(raw).toContain('Plain words');
  });

  it("writes what our renderer cannot take (accents) through nodemailer's composer, CRLF line ends throughout", async () => {
    const mailer = new OutboxMailer(dir, 'Santé Plan <noreply@plan.example>');
    await mailer.send({
      messageId: '<0193aaaa-bbbb-7ccc-8ddd-eeeeffff0001@portal.invalid>',
      to: 'x@example.com',
      subject: 'Votre code Santé',
      text: 'First line\nSecond line',
      html: '<p>First line</p>\n<p>Second line</p>',
    });
    const raw = readFileSync(join(dir, '0193aaaa-bbbb-7ccc-8ddd-eeeeffff0001.eml'), 'utf8');
    expect(raw).toContain('Subject: =?UTF-8?Q?Votre_code_Sant=C3=A9?=\r\n');
    expect(raw).toContain('First line\r\nSecond line');
    expect(raw).not.toMatch(/[^\r]\n/);
  });
});

describe('smtpFailure', () => {
  it('keeps the SMTP code and the error code, never the server reply (which may quote the address)', () => {
    const rejected = Object.assign(new Error('Can not send mail to x@example.com'), {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <x@example.com>: Recipient address rejected',
      permanent: true,
    });
    const e = smtpFailure(rejected);
    expect(e).toBeInstanceOf(PermanentJobError);
    expect(e.message).toBe('SMTP 550 EENVELOPE (rejected for good)');
    const refused = smtpFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }));
    expect(refused).not.toBeInstanceOf(PermanentJobError);
    expect(refused.message).toBe('SMTP ESOCKET');
  });
});

describe('VendorLetterSender', () => {
  const letter = {
    reference: '0193aaaa-bbbb-7ccc-8ddd-eeeeffff0000',
    recipient: { name: 'A B', address: { line1: '1 Road', city: 'Town', state: 'MI', postalCode: '48201' } },
    pdf: Buffer.from('%PDF-1.3 test'),
  };
  const answering = (status: number, body?: unknown) =>
    (async () =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      })) as typeof fetch;

  it('returns the vendor reference and its delivery date', async () => {
    const sender = new VendorLetterSender('http://vendor.test/v1', {
      fetch: answering(202, { vendorReference: 'V-1', expectedDeliveryDate: '2026-12-01' }),
    });
    expect(await sender.send(letter)).toEqual({
      vendorReference: 'V-1',
      expectedDeliveryAt: new Date('2026-12-01T00:00:00Z'),
    });
  });

  it('gives up at once on a 4xx that retrying cannot fix, and retries 408, 429, 5xx and network errors', async () => {
    const send = (f: typeof fetch) => new VendorLetterSender('http://vendor.test', { fetch: f }).send(letter);
    await expect(send(answering(422))).rejects.toBeInstanceOf(PermanentJobError);
    for (const status of [408, 429, 500, 503]) {
      const failure = await send(answering(status)).catch((e: Error) => e);
      expect(failure).not.toBeInstanceOf(PermanentJobError);
      expect((failure as Error).message).toBe(`Letter vendor answered ${status}`);
    }
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(send(offline)).rejects.toThrow('Letter vendor unreachable (TypeError)');
    await expect(send(answering(200, { ok: true }))).rejects.toThrow('without a vendorReference');
  });
});
