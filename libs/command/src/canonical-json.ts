/**
 * JSON with object keys sorted at every depth, so that a hash over an event does
 * not depend on the order a serializer happened to write its keys in (EventStoreDB
 * and SQLite both hand back what they were given, but a re-encoded document need not).
 *
 * It runs for every event appended and every link an audit checks, so it builds the
 * string in one pass without intermediate arrays. Its output is part of every stored
 * hash: it must never change (hash-chain.spec.ts pins it against the first version).
 */
export function canonicalJson(value: unknown): string {
  return canonical(value, undefined);
}

/** `omit`: one top-level key left out (the event's own hash when hashing its metadata). */
function canonical(value: unknown, omit: string | undefined): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // A hole stays a hole, as Array.prototype.map and join left it.
      if (i in value) out += canonical(value[i], undefined);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // Array.prototype.sort compares strings by UTF-16 code units, as the first version's comparator did.
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    if (key === omit) continue;
    const v = record[key];
    if (v === undefined) continue;
    if (!first) out += ',';
    out += `${JSON.stringify(key)}:${canonical(v, undefined)}`;
    first = false;
  }
  return `${out}}`;
}

/** canonicalJson(value without its top-level key `omit`), without copying the value. */
export function canonicalJsonWithout(value: object, omit: string): string {
  return canonical(value, omit);
}
