/**
 * Checks and encodings both adapters share, so that a call one adapter refuses the
 * other refuses too, with the same code, before anything is stored. Messages name
 * the collection, the field and the write's index in the call, never an id or a
 * value: ids and indexed values can be personal data (a username, an email).
 */
import type { Position } from '@portal/event-store';
import type { CollectionSpec, Doc, FindOptions, ListOptions, Write } from './document-store.port';

export type DocumentRequestErrorCode =
  | 'DOCUMENT_INVALID_NAME'
  | 'DOCUMENT_INVALID_ID'
  | 'DOCUMENT_INVALID_POSITION'
  | 'DOCUMENT_INVALID_BODY'
  | 'DOCUMENT_RESERVED_KEY'
  | 'DOCUMENT_INVALID_ARGUMENT'
  | 'DOCUMENT_COLLECTION_UNKNOWN'
  | 'DOCUMENT_FIELD_NOT_INDEXED'
  | 'DOCUMENT_GENERATION_FILLING';

/** A call the store refuses as malformed; nothing of it was stored. Not retryable. */
export class DocumentRequestError extends TypeError {
  constructor(
    readonly code: DocumentRequestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentRequestError';
  }
}

const COLLECTION_NAME = /^[a-z][a-z0-9_]*$/;
/** Top-level field names only: a dot would mean a nested path to MongoDB and nothing to SQLite. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const MAX_NAME_LENGTH = 64;
const MAX_KEY_LENGTH = 200;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/** With the `u` flag a well-formed surrogate pair is one code point, so this finds lone halves only. */
const LONE_SURROGATE = /\p{Cs}/u;

export function validateGeneration(generation: number): void {
  if (!Number.isSafeInteger(generation) || generation < 0) {
    throw new DocumentRequestError(
      'DOCUMENT_INVALID_ARGUMENT',
      `generation must be a non-negative integer, got ${String(generation)}`,
    );
  }
}

export function validateCollectionName(name: string): void {
  // `sqlite_` names are reserved by SQLite for its own tables.
  if (
    typeof name !== 'string' ||
    !COLLECTION_NAME.test(name) ||
    name.length > MAX_NAME_LENGTH ||
    name.startsWith('sqlite_')
  ) {
    throw new DocumentRequestError(
      'DOCUMENT_INVALID_NAME',
      `collection name ${JSON.stringify(name)} must match [a-z][a-z0-9_]* (at most ${MAX_NAME_LENGTH} characters, not sqlite_…)`,
    );
  }
}

export function validateSpecs(generation: number, specs: readonly CollectionSpec[]): void {
  validateGeneration(generation);
  if (!Array.isArray(specs))
    throw new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', 'specs must be an array');
  const seen = new Set<string>();
  for (const spec of specs) {
    validateCollectionName(spec?.name);
    if (seen.has(spec.name)) {
      throw new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', `collection ${spec.name} appears twice`);
    }
    seen.add(spec.name);
    if (!Array.isArray(spec.indexes)) {
      throw new DocumentRequestError(
        'DOCUMENT_INVALID_ARGUMENT',
        `collection ${spec.name}: indexes must be an array`,
      );
    }
    for (const field of spec.indexes) validateField(spec.name, field);
    if (spec.insertOnly !== undefined && typeof spec.insertOnly !== 'boolean') {
      throw new DocumentRequestError(
        'DOCUMENT_INVALID_ARGUMENT',
        `collection ${spec.name}: insertOnly must be a boolean`,
      );
    }
  }
}

export function validateField(collection: string, field: string): void {
  if (typeof field !== 'string' || !FIELD_NAME.test(field) || field.length > MAX_NAME_LENGTH) {
    throw new DocumentRequestError(
      'DOCUMENT_INVALID_NAME',
      `collection ${collection}: field name ${JSON.stringify(field)} must match [A-Za-z][A-Za-z0-9_]*`,
    );
  }
}

/** `<name>_v<generation>`: a name ends in a letter, digit or `_` and the suffix in digits, so no two pairs collide. */
export function tableName(name: string, generation: number): string {
  return `${name}_v${generation}`;
}

export function validateId(id: string, where: string): void {
  if (typeof id !== 'string' || id.length === 0) {
    throw new DocumentRequestError('DOCUMENT_INVALID_ID', `${where}: the id must be a non-empty string`);
  }
  // Both stores keep text as UTF-8, into which a lone surrogate cannot be encoded (it would be replaced).
  if (LONE_SURROGATE.test(id)) {
    throw new DocumentRequestError('DOCUMENT_INVALID_ID', `${where}: the id is not well-formed Unicode`);
  }
}

/** Positions are stored as signed 64-bit integers (SQLite INTEGER, BSON Long). */
export function validatePosition(position: Position, where: string): void {
  const ok =
    position !== null &&
    typeof position === 'object' &&
    typeof position.commit === 'bigint' &&
    typeof position.prepare === 'bigint' &&
    position.commit >= INT64_MIN &&
    position.commit <= INT64_MAX &&
    position.prepare >= INT64_MIN &&
    position.prepare <= INT64_MAX;
  if (!ok) {
    throw new DocumentRequestError(
      'DOCUMENT_INVALID_POSITION',
      `${where}: position must be { commit, prepare } bigints within the signed 64-bit range`,
    );
  }
}

export function isAfter(a: Position, b: Position): boolean {
  return a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);
}

/**
 * The checks every write gets before any write of its call is stored; returns the
 * body as JSON (null for a tombstone). Only top-level keys are reserved: `_id`,
 * `_pos`, `_del` share the top level with the body in MongoDB. `$` is refused
 * there too, since MongoDB reads a top-level `$` key in a replacement as an operator.
 */
export function bodyJson(write: Write, index: number): string | null {
  const where = `write #${index} to ${write.collection}`;
  validateId(write.id, where);
  validatePosition(write.position, where);
  const doc = write.doc;
  if (doc === null) return null;
  // toString, not the prototype: objects built in another realm (a vm context, Jest) have another Object.prototype.
  if (typeof doc !== 'object' || Object.prototype.toString.call(doc) !== '[object Object]') {
    throw new DocumentRequestError('DOCUMENT_INVALID_BODY', `${where}: doc must be a plain object or null`);
  }
  for (const key in doc) {
    const first = key.charCodeAt(0);
    if (first === 95 /* _ */ || first === 36 /* $ */) {
      throw new DocumentRequestError(
        'DOCUMENT_RESERVED_KEY',
        `${where}: body key ${JSON.stringify(key)} is reserved (keys starting with _ or $ belong to the store)`,
      );
    }
  }
  let json: string;
  try {
    json = JSON.stringify(doc);
  } catch (error) {
    throw new DocumentRequestError(
      'DOCUMENT_INVALID_BODY',
      `${where}: doc is not JSON-serialisable (${(error as Error).message})`,
    );
  }
  return json;
}

/**
 * The index terms of a body as a flat `[field, value, field, value, …]` list, in
 * index order, each element once. Absent, null and undefined fields have none. When
 * `strict`, any other value than a string or an array of strings is refused, because
 * neither adapter could find it by a string; otherwise it is skipped.
 */
export function indexTerms(
  doc: Doc | null,
  indexes: readonly string[],
  collection: string,
  index: number,
  strict: boolean,
): string[] {
  const terms: string[] = [];
  if (doc === null) return terms;
  for (const field of indexes) {
    const value = doc[field];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      terms.push(field, value);
    } else if (Array.isArray(value)) {
      const seen = new Set<string>();
      for (const element of value) {
        if (typeof element !== 'string') {
          if (strict) throw notIndexable(collection, field, index);
          continue;
        }
        if (seen.has(element)) continue;
        seen.add(element);
        terms.push(field, element);
      }
    } else if (strict) {
      throw notIndexable(collection, field, index);
    }
  }
  return terms;
}

function notIndexable(collection: string, field: string, index: number): DocumentRequestError {
  return new DocumentRequestError(
    'DOCUMENT_INVALID_BODY',
    `write #${index} to ${collection}: indexed field ${field} must be a string, an array of strings, null or absent`,
  );
}

export function validateLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new DocumentRequestError(
      'DOCUMENT_INVALID_ARGUMENT',
      `limit must be a non-negative integer, got ${String(limit)}`,
    );
  }
}

export function validateListOptions(options: ListOptions): void {
  validateLimit(options?.limit);
  if (options.prefix !== undefined && typeof options.prefix !== 'string') {
    throw new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', 'prefix must be a string');
  }
  if (options.afterId !== undefined && typeof options.afterId !== 'string') {
    throw new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', 'afterId must be a string');
  }
}

export function validateFindOptions(options: FindOptions): void {
  validateLimit(options?.limit);
  if (options.afterId !== undefined && typeof options.afterId !== 'string') {
    throw new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', 'afterId must be a string');
  }
}

/**
 * The least string greater than every string that starts with `prefix`, in code
 * point order (which is UTF-8 byte order, the order both stores sort text in), or
 * undefined when there is none (a prefix of U+10FFFF only: every string at or above
 * it starts with it).
 */
export function prefixEnd(prefix: string): string | undefined {
  const points = Array.from(prefix);
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) {
      // The surrogate range is not text: the code point after U+D7FF is U+E000.
      points.push(String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1));
      return points.join('');
    }
  }
  return undefined;
}

/** Code point order, which is UTF-8 byte order: how both stores compare ids (JavaScript's `<` compares UTF-16 units). */
export function compareIds(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The one id range a `list` reads: a single lower bound (the cursor when it is at or
 * past the prefix, else the prefix itself, inclusive) and the prefix's end. A query
 * with both `id > after` and `id >= prefix` is planned by SQLite on the first bound
 * alone, which scans everything between an empty cursor and the prefix.
 */
export function listRange(options: ListOptions): { lower: string; inclusive: boolean; upper?: string } {
  const prefix = options.prefix ?? '';
  const after = options.afterId;
  if (prefix === '') return { lower: after ?? '', inclusive: false };
  const upper = prefixEnd(prefix);
  if (after !== undefined && compareIds(after, prefix) >= 0) return { lower: after, inclusive: false, upper };
  return { lower: prefix, inclusive: true, upper };
}

export function validateKey(
  key: string,
  what: 'meta key' | 'checkpoint name' | 'lease name' | 'lease holder',
): void {
  if (
    typeof key !== 'string' ||
    key.length === 0 ||
    key.length > MAX_KEY_LENGTH ||
    LONE_SURROGATE.test(key)
  ) {
    throw new DocumentRequestError(
      'DOCUMENT_INVALID_ARGUMENT',
      `${what} must be a non-empty string of at most ${MAX_KEY_LENGTH} characters`,
    );
  }
}

const BIGINT_TAG = '$bigint';

/**
 * Meta values as JSON text in both adapters, so they read back alike: plain JSON,
 * plus bigints anywhere inside (tagged `{"$bigint":"…"}`, exact beyond 2^53), since
 * rebuild state holds positions. An object of the caller's with a `$bigint` key is
 * refused rather than misread later.
 */
export function encodeMeta(key: string, value: unknown): string {
  const tags = new WeakSet<object>();
  try {
    return JSON.stringify(value, function (this: unknown, name: string, v: unknown) {
      if (name === BIGINT_TAG && !tags.has(this as object)) {
        throw new DocumentRequestError(
          'DOCUMENT_INVALID_ARGUMENT',
          `meta value: the key ${BIGINT_TAG} is reserved for bigints`,
        );
      }
      if (typeof v === 'bigint') {
        const tag = { [BIGINT_TAG]: v.toString() };
        tags.add(tag);
        return tag;
      }
      return v;
    });
  } catch (error) {
    if (error instanceof DocumentRequestError) throw error;
    throw new DocumentRequestError(
      'DOCUMENT_INVALID_ARGUMENT',
      `meta value for ${JSON.stringify(key)} is not JSON-serialisable (${(error as Error).message})`,
    );
  }
}

export function decodeMeta(json: string): unknown {
  return JSON.parse(json, (_name, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const tagged = (v as Record<string, unknown>)[BIGINT_TAG];
      if (typeof tagged === 'string' && Object.keys(v).length === 1) return BigInt(tagged);
    }
    return v;
  });
}

/** A lease request: name and holder as keys, a positive whole TTL, a finite clock. */
export function validateLeaseRequest(
  name: string,
  holder: string,
  ttlMs: number,
  options: { now?: number; replacing?: string },
): number {
  validateKey(name, 'lease name');
  validateKey(holder, 'lease holder');
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)
    throw new DocumentRequestError(
      'DOCUMENT_INVALID_ARGUMENT',
      'lease ttlMs must be a positive whole number',
    );
  if (options.replacing !== undefined) validateKey(options.replacing, 'lease holder');
  const now = options.now ?? Date.now();
  if (!Number.isSafeInteger(now) || now < 0)
    throw new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', 'lease now must be ms since the epoch');
  return now;
}

/** A write's or checkpoint's fence: a lease name and a positive whole token. */
export function validateFence(fence: { lease: string; token: number } | undefined): void {
  if (fence === undefined) return;
  if (fence === null || typeof fence !== 'object')
    throw new DocumentRequestError('DOCUMENT_INVALID_ARGUMENT', 'fence must be { lease, token }');
  validateKey(fence.lease, 'lease name');
  if (!Number.isSafeInteger(fence.token) || fence.token <= 0)
    throw new DocumentRequestError(
      'DOCUMENT_INVALID_ARGUMENT',
      'fence token must be a positive whole number',
    );
}
