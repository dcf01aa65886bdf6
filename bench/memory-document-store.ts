/**
 * A document store in a Map, for the projector benchmark's reference run only:
 * the projector's own work (read, decode, fold) with no storage engine under it.
 * It keeps the port's position rule and tombstones, holds bodies by reference (the
 * projections never change a document they were given), and answers nothing else
 * a rebuild does not ask.
 */
import {
  type CollectionSpec,
  type Doc,
  type DocumentStore,
  type Lease,
  type StoredDoc,
  type Write,
} from '../libs/documents/src';
import { comparePositions, type Position } from '../libs/event-store/src';

type Entry = { position: Position; doc: Doc | null };

export class MemoryDocumentStore implements DocumentStore {
  private readonly collections = new Map<string, Map<string, Entry>>();
  private readonly meta = new Map<string, unknown>();
  private readonly checkpoints = new Map<string, Position>();
  private readonly leases = new Map<string, Lease>();

  private table(generation: number, name: string): Map<string, Entry> {
    const key = `${name}_v${generation}`;
    let t = this.collections.get(key);
    if (!t) this.collections.set(key, (t = new Map()));
    return t;
  }

  async ensure(generation: number, specs: readonly CollectionSpec[]): Promise<void> {
    for (const s of specs) this.table(generation, s.name);
  }

  async finishFill(): Promise<void> {}

  async write(generation: number, writes: readonly Write[]): Promise<number> {
    let applied = 0;
    for (const w of writes) {
      const t = this.table(generation, w.collection);
      const stored = t.get(w.id);
      if (stored && comparePositions(w.position, stored.position) <= 0) continue;
      t.set(w.id, { position: w.position, doc: w.doc });
      applied++;
    }
    return applied;
  }

  async get<T extends Doc = Doc>(generation: number, collection: string, id: string) {
    const e = this.table(generation, collection).get(id);
    return e?.doc ? ({ id, position: e.position, doc: e.doc } as StoredDoc<T>) : undefined;
  }

  async getMany(generation: number, collection: string, ids: readonly string[]) {
    const t = this.table(generation, collection);
    const found = new Map<string, Entry>();
    for (const id of ids) {
      const e = t.get(id);
      if (e) found.set(id, e);
    }
    return found;
  }

  async find(): Promise<never[]> {
    throw new Error('not used by a rebuild');
  }

  async list(): Promise<never[]> {
    throw new Error('not used by a rebuild');
  }

  async count(generation: number, collection: string): Promise<number> {
    let n = 0;
    for (const e of this.table(generation, collection).values()) if (e.doc) n++;
    return n;
  }

  async drop(generation: number, specs: readonly CollectionSpec[]): Promise<void> {
    for (const s of specs) this.collections.delete(`${s.name}_v${generation}`);
  }

  async getMeta(key: string): Promise<unknown> {
    return this.meta.get(key);
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.meta.delete(key);
    else this.meta.set(key, value);
  }

  async loadCheckpoint(name: string): Promise<Position | undefined> {
    return this.checkpoints.get(name);
  }

  /** One process, one caller: no race to guard against. */
  async acquireLease(name: string, holder: string, ttlMs: number): Promise<Lease | undefined> {
    const now = Date.now();
    const held = this.leases.get(name);
    if (held && held.holder !== holder && held.expiresAt > now) return undefined;
    const lease =
      held?.holder === holder
        ? { ...held, expiresAt: now + ttlMs }
        : { name, holder, token: (held?.token ?? 0) + 1, expiresAt: now + ttlMs, since: now };
    this.leases.set(name, lease);
    return lease;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    const held = this.leases.get(name);
    if (held?.holder === holder) this.leases.set(name, { ...held, expiresAt: 0 });
  }

  async getLease(name: string): Promise<Lease | undefined> {
    return this.leases.get(name);
  }

  async saveCheckpoint(name: string, position: Position): Promise<void> {
    this.checkpoints.set(name, position);
  }

  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}
