/**
 * Activation letters: a one-page PDF addressed to the member's home address from
 * the roster, with the code, its expiry and how to register; handed to a
 * print-and-mail vendor over HTTP (`LETTER_VENDOR_URL`), or written to the outbox
 * folder. The vendor contract is in this lib's README.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PermanentJobError } from '@portal/jobs';
import type { PlanInfo } from './templates';

export interface PostalAddress {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  postalCode: string;
}

export interface ActivationLetter {
  /** The event id: the vendor's idempotency key and the outbox file's name. */
  reference: string;
  recipient: { name: string; address: PostalAddress };
  code: string;
  expiresAt: Date;
}

export interface LetterReceipt {
  vendorReference: string;
  /** The vendor's own estimate, when it gives one. */
  expectedDeliveryAt?: Date;
}

export interface LetterSender {
  send(letter: {
    reference: string;
    recipient: ActivationLetter['recipient'];
    pdf: Buffer;
  }): Promise<LetterReceipt>;
}

export function addressLines(r: ActivationLetter['recipient']): string[] {
  const a = r.address;
  return [r.name, a.line1, ...(a.line2 ? [a.line2] : []), `${a.city}, ${a.state} ${a.postalCode}`];
}

/**
 * The letter as a PDF (US Letter, standard fonts, so any vendor can print it). The
 * PDF library is loaded on the first letter, so processes that never render one (the
 * API) do not carry it (~6 MiB of RSS each, measured at boot).
 */
export async function renderActivationLetter(
  letter: ActivationLetter,
  plan: PlanInfo,
  issuedAt: Date,
): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 72,
    info: { Title: `${plan.name}: your activation code`, Author: plan.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const day = (d: Date) =>
    d.toLocaleDateString('en-US', { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' });

  doc.font('Helvetica-Bold').fontSize(14).text(plan.name);
  doc.font('Helvetica').fontSize(10).text(`Member services: ${plan.supportPhone}`).moveDown(2);
  // Where a window envelope shows the address.
  doc.fontSize(11);
  for (const line of addressLines(letter.recipient)) doc.text(line);
  doc.moveDown(2).text(day(issuedAt)).moveDown();
  doc.text(`Dear ${letter.recipient.name},`).moveDown();
  doc.text('You asked for an activation code to register for the member portal. Your activation code is:');
  doc.moveDown().font('Courier-Bold').fontSize(18).text(letter.code, { align: 'center' });
  doc.moveDown().font('Helvetica').fontSize(11);
  doc.text(`The code works until ${day(letter.expiresAt)}. To register:`).moveDown(0.5);
  doc.list(
    [
      `Go to ${plan.portalUrl} and choose "Register".`,
      'Choose "I have an activation code".',
      'Enter the code above with your member ID, then create your username and password.',
    ],
    { bulletRadius: 2 },
  );
  doc.moveDown().text(`If you did not ask for this letter, call member services at ${plan.supportPhone}.`);
  doc.end();
  return await done;
}

/** The embedded adapter: `DATA_DIR/outbox/letter-<reference>.pdf`. */
export class OutboxLetterSender implements LetterSender {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  async send(letter: { reference: string; pdf: Buffer }): Promise<LetterReceipt> {
    const file = join(this.dir, `letter-${letter.reference}.pdf`);
    writeFileSync(`${file}.tmp`, letter.pdf, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    return { vendorReference: `outbox:letter-${letter.reference}` };
  }
}

/**
 * A print-and-mail vendor over HTTP: `POST <url>/letters` with an `Idempotency-Key`
 * (the event id), so a retried job never prints twice. 4xx other than 408 and 429
 * will not get better and dead-letters the job; anything else is retried.
 */
export class VendorLetterSender implements LetterSender {
  constructor(
    private readonly url: string,
    private readonly options: { timeoutMs?: number; fetch?: typeof fetch } = {},
  ) {}

  async send(letter: {
    reference: string;
    recipient: ActivationLetter['recipient'];
    pdf: Buffer;
  }): Promise<LetterReceipt> {
    const doFetch = this.options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(new URL('letters', this.url.endsWith('/') ? this.url : `${this.url}/`), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': letter.reference },
        body: JSON.stringify({
          reference: letter.reference,
          recipient: { name: letter.recipient.name, address: letter.recipient.address },
          document: { contentType: 'application/pdf', base64: letter.pdf.toString('base64') },
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new Error(`Letter vendor unreachable (${(error as Error).name})`, { cause: error });
    }
    if (!response.ok) {
      const message = `Letter vendor answered ${response.status}`;
      if (
        response.status >= 400 &&
        response.status < 500 &&
        response.status !== 408 &&
        response.status !== 429
      )
        throw new PermanentJobError(message);
      throw new Error(message);
    }
    const body = (await response.json().catch(() => undefined)) as
      { vendorReference?: unknown; expectedDeliveryDate?: unknown } | undefined;
    if (typeof body?.vendorReference !== 'string' || body.vendorReference === '')
      throw new Error('Letter vendor answered without a vendorReference');
    const expected =
      typeof body.expectedDeliveryDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(body.expectedDeliveryDate)
        ? new Date(`${body.expectedDeliveryDate}T00:00:00Z`)
        : undefined;
    return { vendorReference: body.vendorReference, expectedDeliveryAt: expected };
  }
}
