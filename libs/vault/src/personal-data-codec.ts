/**
 * Encrypts exactly the fields an event type declares personal (dot paths), and
 * opens them on the way back; an erased account's fields read as ERASED. The
 * field lists come from the domain's event catalogue (PERSONAL_DATA_FIELDS,
 * OFFICE_SEALED_FIELDS); this lib does not know it.
 *
 * Two stored formats. Now: the personal values of an event are sealed together, as
 * one JSON object keyed by path, in one envelope under `sealed` (ENVELOPE_FIELD): one
 * AES-GCM seal and one open per event, however many fields. Each value's place in the
 * data holds IN_ENVELOPE instead, so which fields an event has (which the old format
 * showed too) stays readable without the key: an erased account reads each of them,
 * and only them, as ERASED. Before: each personal value sealed alone where it stood.
 * Events already stored keep their format (the hash chain covers the stored data), so
 * `decode` reads both.
 */
import { ERASED, Vault } from './vault';

export type FieldMap = { readonly [eventType: string]: readonly string[] | undefined };
type Json = Record<string, unknown>;

/** The field of stored data that holds an event's personal values, sealed together. */
export const ENVELOPE_FIELD = 'sealed';
/** What stands in the data where a personal value was taken into the envelope. */
export const IN_ENVELOPE = '#sealed';

export interface PersonalDataCodecOptions {
  /**
   * false: each field sealed alone, as before envelopes (for streams whose events
   * hold a single sealed field, where an envelope saves nothing). Default true.
   */
  envelope?: boolean;
  /**
   * The fields `decode` opens (default: every personal field). An envelope is opened
   * once for all the listed fields it holds (one AES-GCM open either way); a type with
   * no listed field keeps its envelope unopened, costing no key at all.
   */
  opened?: FieldMap;
}

export class PersonalDataCodec {
  private readonly envelope: boolean;
  private readonly opened: FieldMap;

  constructor(
    private readonly vault: Vault,
    private readonly personal: FieldMap,
    options: PersonalDataCodecOptions = {},
  ) {
    this.envelope = options.envelope ?? true;
    this.opened = options.opened ?? personal;
  }

  async encode(accountId: string, type: string, data: Json): Promise<Json> {
    const paths = this.personal[type];
    if (!this.envelope) return mapFields(data, paths, (v) => this.vault.seal(accountId, v));
    if (!paths || paths.length === 0) return data;
    const out = structuredClone(data);
    const values: Json = {};
    for (const path of paths) {
      const { parent, leaf } = locate(out, path);
      if (parent?.[leaf] === undefined) continue;
      values[path] = parent[leaf];
      parent[leaf] = IN_ENVELOPE;
    }
    if (Object.keys(values).length > 0) out[ENVELOPE_FIELD] = await this.vault.seal(accountId, values);
    return out;
  }

  /**
   * Opens the fields listed in `opened`. From an envelope, those values are put back in
   * their places and the envelope dropped when every place is filled; a personal field
   * not listed keeps its IN_ENVELOPE mark (still sealed, as a field sealed alone stays
   * sealed in an older event). An envelope whose key was erased gives ERASED in each
   * listed place it held.
   */
  async decode(accountId: string, type: string, data: Json): Promise<Json> {
    const opened = this.opened[type];
    const envelope = data[ENVELOPE_FIELD];
    if (!Vault.isSealed(envelope))
      return mapFields(data, opened, (v) =>
        Vault.isSealed(v) ? this.vault.open(accountId, v) : Promise.resolve(v),
      );
    if (!opened || opened.length === 0) return data;
    const fields = await this.vault.open(accountId, envelope);
    if (fields !== ERASED && (fields === null || typeof fields !== 'object' || Array.isArray(fields)))
      throw new Error(`The sealed personal data of a ${type} event is not an object of fields`);
    const out = jsonCopy(data);
    let marked = false;
    for (const path of this.personal[type] ?? []) {
      const { parent, leaf } = locate(out, path);
      if (parent?.[leaf] !== IN_ENVELOPE) continue;
      if (!opened.includes(path)) {
        marked = true;
        continue;
      }
      const value = fields === ERASED ? ERASED : (fields as Json)[path];
      if (value === undefined) delete parent[leaf];
      else parent[leaf] = value;
    }
    if (!marked) delete out[ENVELOPE_FIELD];
    return out;
  }
}

/**
 * A deep copy of stored event data, which is plain JSON (parsed from the store): about
 * 8× faster than structuredClone, which a projector's rebuild paid for every event
 * whose envelope it opened (bench/RESULTS.md, "Projector", issue 21).
 */
function jsonCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(jsonCopy) as T;
  const out: Json = {};
  for (const key of Object.keys(value)) {
    const v = jsonCopy((value as Json)[key]);
    // An own `__proto__` (JSON.parse makes one) stays a field, as structuredClone keeps it.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out as T;
}

/** `data` with `f` applied to each listed field present: the format before envelopes. */
async function mapFields(
  data: Json,
  paths: readonly string[] | undefined,
  f: (v: unknown) => Promise<unknown>,
): Promise<Json> {
  if (!paths || paths.length === 0) return data;
  const out = structuredClone(data);
  for (const path of paths) {
    const { parent, leaf } = locate(out, path);
    if (parent && parent[leaf] !== undefined) parent[leaf] = await f(parent[leaf]);
  }
  return out;
}

/** The object holding a dot path's last part, if the path's parents exist. */
function locate(data: Json, path: string): { parent: Json | undefined; leaf: string } {
  const parts = path.split('.');
  let parent: Json | undefined = data;
  for (const part of parts.slice(0, -1)) {
    const next: unknown = parent?.[part];
    parent = next !== null && typeof next === 'object' ? (next as Json) : undefined;
  }
  return { parent, leaf: parts[parts.length - 1] };
}

export { ERASED };
