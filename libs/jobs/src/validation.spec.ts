import { QueueKeys } from 'bullmq';
import { type JsonObject, PermanentJobError } from './job-queue.port';
import {
  errorMessageOf,
  isPermanentFailure,
  RESERVED_JOB_IDS,
  serializePayload,
  validateJobId,
  validateQueueName,
} from './validation';

describe('validateJobId', () => {
  it('takes UUIDs and other ids made of letters, digits and . _ ~ -', () => {
    for (const id of ['0191e2f4-7b1c-7cde-8a3b-2f1e4d5c6b7a', 'e-1', 'A.b_c~d', 'x'.repeat(200), '1a']) {
      expect(() => validateJobId(id)).not.toThrow();
    }
  });

  it('refuses ids BullMQ would misread or that would collide with its keys', () => {
    for (const id of ['', '42', 'a:b', 'a b', 'é', '-x', 'x'.repeat(201), 'meta', 'marker', 'wait']) {
      expect(() => validateJobId(id)).toThrow(TypeError);
    }
  });

  it('reserves every name BullMQ gives its own keys in a queue', () => {
    const bullKeys = Object.keys(new QueueKeys('p').getKeys('q')).filter((name) => name !== '');
    expect(bullKeys.filter((name) => !RESERVED_JOB_IDS.has(name))).toEqual([]);
  });
});

describe('validateQueueName', () => {
  it('knows the email and letter queues only', () => {
    expect(() => validateQueueName('email')).not.toThrow();
    expect(() => validateQueueName('letter')).not.toThrow();
    expect(() => validateQueueName('sms')).toThrow(/email, letter/);
  });
});

describe('serializePayload', () => {
  it('returns the JSON of a plain payload', () => {
    expect(serializePayload({ a: [1, 'x', null, { b: false }] }, 1000)).toBe(
      '{"a":[1,"x",null,{"b":false}]}',
    );
  });

  it('names the path of a value JSON would change', () => {
    expect(() => serializePayload({ a: { b: [1, undefined] } } as unknown as JsonObject, 1000)).toThrow(
      /payload\.a\.b\[1\]/,
    );
    expect(() => serializePayload({ at: new Date(0) } as unknown as JsonObject, 1000)).toThrow(/payload\.at/);
    expect(() => serializePayload({ n: Infinity }, 1000)).toThrow(/finite/);
  });

  it('refuses payloads over the size limit, counting UTF-8 bytes', () => {
    expect(() => serializePayload({ s: 'é'.repeat(10) }, 20)).toThrow(/over the 20-byte limit/);
    expect(() => serializePayload({ s: 'e'.repeat(10) }, 20)).not.toThrow();
  });
});

describe('errorMessageOf', () => {
  it('keeps an Error’s message as given, bounded in length', () => {
    expect(errorMessageOf(new Error('SMTP 550'))).toBe('SMTP 550');
    expect(errorMessageOf(new TypeError(''))).toBe('TypeError without a message');
    expect(errorMessageOf(new Error('x'.repeat(5000)))).toHaveLength(1001);
  });

  it('does not stringify what is not an Error', () => {
    expect(errorMessageOf({ email: 'someone@example.org' })).toBe('handler threw a non-Error value (object)');
  });
});

describe('isPermanentFailure', () => {
  it('recognises PermanentJobError, also from another copy of this lib (by name)', () => {
    const foreign = new Error('no');
    foreign.name = 'PermanentJobError';
    expect(isPermanentFailure(new PermanentJobError('no'))).toBe(true);
    expect(isPermanentFailure(foreign)).toBe(true);
    expect(isPermanentFailure(new Error('no'))).toBe(false);
    expect(isPermanentFailure('PermanentJobError')).toBe(false);
  });
});
