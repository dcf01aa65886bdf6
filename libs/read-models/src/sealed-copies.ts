/**
 * The sealed copies of personal values that documents keep, and their opening for
 * authorised readers. An event stored before envelopes holds each personal value
 * sealed alone at its path: the copy is that sealed string. A newer event holds them
 * all in one envelope (ENVELOPE_FIELD, keyed by path): the copy is `<id>#<path>`, and
 * the envelope is kept once in the document's `envelopes` under `<id>` (the event's
 * stream revision). The six values a registration leaves on an account keep one
 * envelope, and a reader opens it once. Erasing the account's key makes both
 * unreadable: crypto-shredding stays per account.
 */
import { ENVELOPE_FIELD, ERASED, IN_ENVELOPE, Vault } from '@portal/vault';
import type { ProjectedEvent } from './model';

/** Envelopes by id, as a document keeps them. */
export type Envelopes = Record<string, string>;

type Json = Record<string, unknown>;

/** A value sealed alone (before envelopes), not a reference into an envelope. */
const sealedAlone = (copy: string): boolean => Vault.isSealed(copy);

function at(data: Json | undefined, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Json | undefined)?.[k], data);
}

/**
 * The copy of the event's personal value at `path`, or undefined when it holds none.
 * A copy into the event's envelope also puts the envelope in `envelopes`.
 */
export function sealedCopy(e: ProjectedEvent, path: string, envelopes: Envelopes): string | undefined {
  const raw = e.raw.data as Json;
  const v = at(raw, path);
  if (typeof v !== 'string') return undefined;
  if (v !== IN_ENVELOPE) return v;
  const envelope = raw[ENVELOPE_FIELD];
  if (!Vault.isSealed(envelope)) return undefined;
  const id = e.raw.revision.toString();
  envelopes[id] = envelope;
  return `${id}#${path}`;
}

/** The envelopes some copy still refers to, or undefined when none is. */
export function keptEnvelopes(
  envelopes: Envelopes,
  copies: Iterable<string | undefined>,
): Envelopes | undefined {
  const kept: Envelopes = {};
  for (const copy of copies) {
    if (copy === undefined || sealedAlone(copy)) continue;
    const id = copy.slice(0, copy.indexOf('#'));
    if (envelopes[id] !== undefined) kept[id] = envelopes[id];
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * Opens the copies of one document (one account or office): each envelope once, however
 * many of its values are asked for. ERASED once the key is gone; undefined for a path the
 * envelope does not hold.
 */
export class SealedValues {
  private readonly opened = new Map<string, Promise<unknown>>();

  constructor(
    private readonly open: (ownerId: string, sealed: string) => Promise<unknown>,
    private readonly ownerId: string,
    private readonly envelopes: Envelopes = {},
  ) {}

  async value(copy: string): Promise<unknown> {
    if (sealedAlone(copy)) return this.open(this.ownerId, copy);
    const hash = copy.indexOf('#');
    const envelope = hash > 0 ? this.envelopes[copy.slice(0, hash)] : undefined;
    if (envelope === undefined)
      throw new Error('A sealed copy refers to an envelope its document does not hold');
    let fields = this.opened.get(envelope);
    if (!fields) {
      fields = this.open(this.ownerId, envelope);
      this.opened.set(envelope, fields);
    }
    const opened = await fields;
    return opened === ERASED ? ERASED : (opened as Json)[copy.slice(hash + 1)];
  }
}
