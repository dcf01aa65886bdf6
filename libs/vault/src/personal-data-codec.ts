/**
 * Encrypts exactly the fields an event type declares personal (dot paths), and
 * opens them on the way back; an erased account's fields read as ERASED. The
 * field lists come from the domain (PERSONAL_DATA_FIELDS); this lib does not know it.
 */
import { ERASED, Vault } from './vault';

export type FieldMap = { readonly [eventType: string]: readonly string[] | undefined };
type Json = Record<string, unknown>;

export class PersonalDataCodec {
  constructor(
    private readonly vault: Vault,
    private readonly personal: FieldMap,
  ) {}

  async encode(accountId: string, type: string, data: Json): Promise<Json> {
    return this.map(data, this.personal[type], (v) => this.vault.seal(accountId, v));
  }

  async decode(accountId: string, type: string, data: Json): Promise<Json> {
    return this.map(data, this.personal[type], (v) =>
      Vault.isSealed(v) ? this.vault.open(accountId, v) : Promise.resolve(v),
    );
  }

  private async map(
    data: Json,
    paths: readonly string[] | undefined,
    f: (v: unknown) => Promise<unknown>,
  ): Promise<Json> {
    if (!paths || paths.length === 0) return data;
    const out = structuredClone(data);
    for (const path of paths) {
      const parts = path.split('.');
      let parent: Json | undefined = out;
      for (const part of parts.slice(0, -1)) {
        const next: unknown = parent?.[part];
        parent = next !== null && typeof next === 'object' ? (next as Json) : undefined;
      }
      const leaf = parts[parts.length - 1];
      if (parent && parent[leaf] !== undefined) parent[leaf] = await f(parent[leaf]);
    }
    return out;
  }
}

export { ERASED };
