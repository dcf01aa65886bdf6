/**
 * Encrypts exactly the fields an event type declares personal (dot paths), and
 * opens them on the way back; an erased account's fields read as ERASED. The
 * field lists come from the domain (PERSONAL_DATA_FIELDS); this lib does not know it.
 *
 * Two stored formats. Now: the personal values of an event are taken out of its
 * data and sealed together, as one JSON object keyed by path, in one envelope under
 * `sealed` (ENVELOPE_FIELD): one AES-GCM seal and one open per event, however many
 * fields. Before: each personal value sealed alone where it stood. Events already
 * stored keep their format (the hash chain covers the stored data), so `decode`
 * reads both.
 */
import { ERASED, Vault } from './vault';

export type FieldMap = { readonly [eventType: string]: readonly string[] | undefined };
type Json = Record<string, unknown>;

/** The field of stored data that holds an event's personal values, sealed together. */
export const ENVELOPE_FIELD = 'sealed';

export interface PersonalDataCodecOptions {
  /**
   * false: each field sealed alone, as before envelopes (for streams whose events
   * hold a single sealed field, where an envelope saves nothing). Default true.
   */
  envelope?: boolean;
}

export class PersonalDataCodec {
  private readonly envelope: boolean;

  constructor(
    private readonly vault: Vault,
    private readonly personal: FieldMap,
    options: PersonalDataCodecOptions = {},
  ) {
    this.envelope = options.envelope ?? true;
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
      delete parent[leaf];
    }
    if (Object.keys(values).length > 0) out[ENVELOPE_FIELD] = await this.vault.seal(accountId, values);
    return out;
  }

  /**
   * Opens the listed fields. From an envelope, opening one field opens all of them:
   * every value the envelope holds is put back in clear and the envelope dropped,
   * and a type with no listed field keeps its envelope unopened. An envelope whose
   * key was erased gives ERASED for each listed field.
   */
  async decode(accountId: string, type: string, data: Json): Promise<Json> {
    const paths = this.personal[type];
    const envelope = data[ENVELOPE_FIELD];
    if (!Vault.isSealed(envelope))
      return mapFields(data, paths, (v) =>
        Vault.isSealed(v) ? this.vault.open(accountId, v) : Promise.resolve(v),
      );
    if (!paths || paths.length === 0) return data;
    const opened = await this.vault.open(accountId, envelope);
    const out = structuredClone(data);
    delete out[ENVELOPE_FIELD];
    if (opened === ERASED) {
      for (const path of paths) place(out, path, ERASED);
      return out;
    }
    if (opened === null || typeof opened !== 'object' || Array.isArray(opened))
      throw new Error(`The sealed personal data of a ${type} event is not an object of fields`);
    for (const [path, value] of Object.entries(opened as Json)) place(out, path, value);
    return out;
  }
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

/** Sets a dot path, making the parents it needs. */
function place(data: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = data;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    if (next === null || typeof next !== 'object') at[part] = {};
    at = at[part] as Json;
  }
  at[parts[parts.length - 1]] = value;
}

export { ERASED };
