/**
 * A message rendered to MIME once, by us, for the mailers' fast path: nodemailer's
 * composer builds each message through a tree of streams and writes it in many
 * small chunks, which the notifications bench measured as the largest cost per
 * email after the queue. Our messages all have one shape (text + HTML alternatives,
 * one recipient, headers we write ourselves), so they are rendered straight into
 * one buffer and handed to nodemailer as `raw`, to be sent in one write.
 *
 * Only plain cases take this path: every header value printable ASCII, addresses
 * plain `local@domain` ASCII, a subject short enough to need no folding. Anything
 * else (an international address, a plan name with accents) returns undefined and
 * goes through nodemailer's composer as before, which knows RFC 2047, IDNA and
 * SMTPUTF8.
 */
import { randomBytes } from 'node:crypto';

export interface MimeInput {
  /** `Name <address>` or a bare address. */
  from: string;
  to: string;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  date: Date;
}

export interface RenderedMime {
  /** The envelope sender: the address part of `from`. */
  envelopeFrom: string;
  message: Buffer;
}

/** Printable ASCII and spaces, nothing that could end a header line. */
const HEADER_SAFE = /^[\x20-\x7e]*$/;
/** A plain ASCII addr-spec, no quoting, comments or routes. */
const ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const MESSAGE_ID = /^<[\x21-\x3d\x3f-\x7e]+>$/;
/** Leaves room for "Subject: " within RFC 5322's 78-character line. */
const MAX_SUBJECT = 68;
const BOUNDARY_PREFIX = `=_portal_${randomBytes(6).toString('hex')}_`;
let boundaryCounter = 0;

/** `Name <address>` or `address`, split; undefined when it is neither in plain ASCII. */
export function parseMailbox(value: string): { name?: string; address: string } | undefined {
  const trimmed = value.trim();
  const m = /^(?:"?([^"<>]*?)"?\s*)?<([^<>]+)>$/.exec(trimmed);
  const name = m ? m[1]?.trim() || undefined : undefined;
  const address = m ? (m[2] as string).trim() : trimmed;
  if (!ADDRESS.test(address)) return undefined;
  if (name !== undefined && !/^[A-Za-z0-9 !#$%&'*+/=?^_`{|}~.-]*$/.test(name)) return undefined;
  return { name, address };
}

/** The message as one buffer, or undefined when it needs more than this renderer does. */
export function renderMime(input: MimeInput): RenderedMime | undefined {
  const from = parseMailbox(input.from);
  const to = parseMailbox(input.to);
  if (!from || !to || to.name !== undefined) return undefined;
  if (!HEADER_SAFE.test(input.subject) || input.subject.length > MAX_SUBJECT) return undefined;
  if (!MESSAGE_ID.test(input.messageId)) return undefined;
  const boundary = `${BOUNDARY_PREFIX}${(boundaryCounter++).toString(36)}`;
  const head =
    `From: ${from.name ? `${from.name} <${from.address}>` : from.address}\r\n` +
    `To: ${to.address}\r\n` +
    `Subject: ${input.subject}\r\n` +
    `Message-ID: ${input.messageId}\r\n` +
    `Date: ${rfc5322Date(input.date)}\r\n` +
    'MIME-Version: 1.0\r\n' +
    `Content-Type: multipart/alternative; boundary="${boundary}"\r\n` +
    '\r\n';
  const part = (type: string, body: string) =>
    `--${boundary}\r\n` +
    `Content-Type: ${type}; charset=utf-8\r\n` +
    'Content-Transfer-Encoding: quoted-printable\r\n' +
    '\r\n' +
    quotedPrintable(body) +
    '\r\n';
  const message =
    head + part('text/plain', input.text) + part('text/html', input.html) + `--${boundary}--\r\n`;
  return { envelopeFrom: from.address, message: Buffer.from(message, 'latin1') };
}

/**
 * Quoted-printable (RFC 2045 6.7), so an outbox file stays readable as text: line
 * breaks become CRLF, lines are soft-broken within 76 characters, and `=`, bytes
 * outside printable ASCII and whitespace at the end of a line are escaped.
 */
export function quotedPrintable(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      if (/^[\x21-\x3c\x3e-\x7e ]{0,76}$/.test(line) && !line.endsWith(' ')) return line;
      const bytes = Buffer.from(line, 'utf8');
      let out = '';
      let current = '';
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i] as number;
        const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && i < bytes.length - 1);
        const token = plain ? String.fromCharCode(b) : `=${HEX[b]}`;
        if (current.length + token.length > 75) {
          out += `${current}=\r\n`;
          current = '';
        }
        current += token;
      }
      return out + current;
    })
    .join('\r\n');
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Mon, 23 Nov 2026 09:40:00 +0000`. */
export function rfc5322Date(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}
