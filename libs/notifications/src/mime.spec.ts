import { parseEml } from '../../../test/support/outbox';
import { parseMailbox, quotedPrintable, renderMime, rfc5322Date } from './mime';

const base = {
  from: 'Test Plan <noreply@plan.example>',
  to: 'robin@example.com',
  subject: 'Your Test Plan verification code',
  messageId: '<0193aaaa-bbbb-7ccc-8ddd-eeeeffff0000@portal.invalid>',
  text: 'Hello Robin,\n\nYour code is 123456.\n',
  html: '<p>Hello Robin,</p><p>Your code is <strong>123456</strong>.</p>',
  date: new Date(Date.UTC(2026, 10, 23, 9, 5, 7)),
};

/** Undoes quoted-printable as RFC 2045 defines it. */
function decodeQp(encoded: string): string {
  return Buffer.from(
    encoded
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}

describe('renderMime', () => {
  it('renders headers, a text and an HTML part that read back to what was given', () => {
    const rendered = renderMime(base)!;
    expect(rendered.envelopeFrom).toBe('noreply@plan.example');
    const raw = rendered.message.toString('latin1');
    const mail = parseEml('', raw);
    expect(mail.to).toBe('robin@example.com');
    expect(mail.subject).toBe(base.subject);
    expect(mail.messageId).toBe(base.messageId);
    expect(raw).toContain('From: Test Plan <noreply@plan.example>\r\n');
    expect(raw).toContain('Date: Mon, 23 Nov 2026 09:05:07 +0000\r\n');
    expect(mail.text).toBe('Hello Robin,\r\n\r\nYour code is 123456.\r\n');
    expect(mail.html).toBe(base.html);
    // Every line ends in CRLF and none is longer than RFC 5322's 78 characters.
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('uses a boundary per message', () => {
    const boundary = (b: Buffer) => /boundary="([^"]+)"/.exec(b.toString('latin1'))![1];
    expect(boundary(renderMime(base)!.message)).not.toBe(boundary(renderMime(base)!.message));
  });

  it.each([
    ['an address with a line break', { to: 'a@example.com\r\nBcc: x@example.com' }],
    ['an international address', { to: 'rené@exämple.com' }],
    ['a recipient with a display name', { to: 'Robin <robin@example.com>' }],
    ['a subject that is not ASCII', { subject: 'Your Santé Plan code' }],
    ['a subject with a line break', { subject: 'Code\r\nBcc: x@example.com' }],
    ['a subject that would need folding', { subject: 'x'.repeat(69) }],
    ['a sender name that is not ASCII', { from: 'Santé <noreply@plan.example>' }],
    ['a malformed message id', { messageId: 'no-brackets@portal.invalid' }],
  ])('leaves %s to nodemailer (returns undefined)', (_, change) => {
    expect(renderMime({ ...base, ...change })).toBeUndefined();
  });
});

describe('quotedPrintable', () => {
  it('keeps plain lines as they are and round-trips everything else', () => {
    expect(quotedPrintable('Plain words.\nMore')).toBe('Plain words.\r\nMore');
    for (const text of [
      'a=b and trailing space ',
      'tab\tinside and trailing tab\t',
      'Grüße, ça va? 💌',
      'y'.repeat(200),
      `${'é'.repeat(60)} end`,
    ]) {
      const encoded = quotedPrintable(text);
      expect(decodeQp(encoded)).toBe(text);
      for (const line of encoded.split('\r\n')) {
        expect(line.length).toBeLessThanOrEqual(76);
        expect(line).not.toMatch(/[ \t]$/);
        expect(line).toMatch(/^[\x20-\x7e\t]*$/);
      }
    }
  });
});

describe('parseMailbox and rfc5322Date', () => {
  it('splits a name and an address, and refuses what is not a plain address', () => {
    expect(parseMailbox('Plan <a@b.example>')).toEqual({ name: 'Plan', address: 'a@b.example' });
    expect(parseMailbox('a@b.example')).toEqual({ name: undefined, address: 'a@b.example' });
    expect(parseMailbox('"Plan" <a@b.example>')).toEqual({ name: 'Plan', address: 'a@b.example' });
    expect(parseMailbox('not an address')).toBeUndefined();
    expect(parseMailbox('a@b.example>')).toBeUndefined();
  });

  it('writes the date in UTC with a numeric zone', () => {
    expect(rfc5322Date(new Date(Date.UTC(2027, 0, 1, 0, 0, 0)))).toBe('Fri, 1 Jan 2027 00:00:00 +0000');
  });
});
