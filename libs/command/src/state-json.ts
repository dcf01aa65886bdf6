/**
 * A faithful text form of a folded state, for snapshots: what `parseState` gives back
 * deep-equals what `stringifyState` was given, also for what plain JSON loses or
 * changes: `undefined` (in objects and arrays), bigints, Dates, Sets, Maps, NaN,
 * ±Infinity and -0. Anything else that JSON cannot carry faithfully (a class instance,
 * a function, a symbol, a Buffer) is refused by name, so a state that grows such a
 * field fails its snapshot write (and the test that round-trips the domain's states)
 * instead of coming back different.
 *
 * Such values are written as a one-key object whose key is TAG; a plain object of the
 * state that has that key is refused too, so no value can be read back as another.
 */

const TAG = '\u0000t';

type Tagged =
  | { [TAG]: 'undefined' }
  | { [TAG]: 'bigint'; v: string }
  | { [TAG]: 'date'; v: number }
  | { [TAG]: 'set'; v: unknown[] }
  | { [TAG]: 'map'; v: [unknown, unknown][] }
  | { [TAG]: 'number'; v: 'NaN' | 'Infinity' | '-Infinity' | '-0' };

export class UnserialisableStateError extends Error {
  constructor(
    /** Where in the state, e.g. `$.pending.otp`. */
    readonly path: string,
    what: string,
  ) {
    super(`The state cannot be snapshotted: ${path} is ${what}`);
    this.name = 'UnserialisableStateError';
  }
}

export function stringifyState(state: unknown): string {
  return JSON.stringify(encode(state, '$'));
}

export function parseState<S>(text: string): S {
  return decode(JSON.parse(text)) as S;
}

function encode(value: unknown, path: string): unknown {
  switch (typeof value) {
    case 'undefined':
      return { [TAG]: 'undefined' };
    case 'bigint':
      return { [TAG]: 'bigint', v: value.toString() };
    case 'number':
      if (Number.isNaN(value)) return { [TAG]: 'number', v: 'NaN' };
      if (value === Infinity) return { [TAG]: 'number', v: 'Infinity' };
      if (value === -Infinity) return { [TAG]: 'number', v: '-Infinity' };
      if (Object.is(value, -0)) return { [TAG]: 'number', v: '-0' };
      return value;
    case 'string':
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      throw new UnserialisableStateError(path, `a ${typeof value}`);
  }
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((v, i) => encode(v, `${path}[${i}]`));
  // By tag and shape, not instanceof: a state may hold objects of another realm (structuredClone, a VM).
  const kind = Object.prototype.toString.call(value);
  if (kind === '[object Date]') return { [TAG]: 'date', v: (value as Date).getTime() };
  if (kind === '[object Set]')
    return { [TAG]: 'set', v: [...(value as Set<unknown>)].map((v, i) => encode(v, `${path}{${i}}`)) };
  if (kind === '[object Map]')
    return {
      [TAG]: 'map',
      v: [...(value as Map<unknown, unknown>)].map(([k, v], i) => [
        encode(k, `${path}<key ${i}>`),
        encode(v, `${path}<${i}>`),
      ]),
    };
  if (!isPlainObject(value)) throw new UnserialisableStateError(path, `an instance of ${describe(value)}`);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === TAG) throw new UnserialisableStateError(path, 'an object with the reserved key');
    setOwn(out, key, encode(v, `${path}.${key}`));
  }
  return out;
}

function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  if (TAG in value) return decodeTagged(value as Tagged);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) setOwn(out, key, decode(v));
  return out;
}

function decodeTagged(t: Tagged): unknown {
  switch (t[TAG]) {
    case 'undefined':
      return undefined;
    case 'bigint':
      return BigInt(t.v);
    case 'date':
      return new Date(t.v);
    case 'set':
      return new Set(t.v.map(decode));
    case 'map':
      return new Map(t.v.map(([k, v]) => [decode(k), decode(v)]));
    case 'number':
      return t.v === '-0' ? -0 : Number(t.v);
    default:
      throw new Error(
        `Not a state snapshot: unknown tag ${JSON.stringify((t as Record<string, unknown>)[TAG])}`,
      );
  }
}

/** An object literal's kind, of this realm or another: its prototype is null or a realm's Object.prototype. */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || (Object.getPrototypeOf(proto) === null && kindOfConstructor(proto) === 'Object');
}

function kindOfConstructor(proto: unknown): unknown {
  return (proto as { constructor?: { name?: unknown } }).constructor?.name;
}

/** `out[key] = v`, except that a key `__proto__` becomes an own property, as JSON.parse makes it. */
function setOwn(out: Record<string, unknown>, key: string, v: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  else out[key] = v;
}

function describe(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name ? name : 'a class';
}
