/**
 * Event ids as UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Any
 * UUID works as an event id; time-ordered ones keep the SQLite store's event_id index
 * append-mostly, where random v4 ids dirty one random index page per event (see
 * bench/RESULTS.md, "Event store").
 *
 * The random bits come from a pool filled from the CSPRNG RANDOM_POOL_BYTES at a time
 * (as Node's own `randomUUID` does): one `randomFillSync` per id cost ~2–3 µs, a slice of
 * the pool ~0.1 µs. An event id is no secret (it is stored in clear and sent to every
 * reader), so keeping the next ids' random bits in memory gives nothing away.
 */
import { randomFillSync } from 'node:crypto';

const RANDOM_BYTES_PER_ID = 10;
/** 204 ids per refill. */
export const RANDOM_POOL_BYTES = 2_048;

const bytes = Buffer.alloc(16);
const pool = Buffer.alloc(RANDOM_POOL_BYTES);
let used = RANDOM_POOL_BYTES;

export function newEventId(now: number = Date.now()): string {
  if (used + RANDOM_BYTES_PER_ID > RANDOM_POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  pool.copy(bytes, 6, used, used + RANDOM_BYTES_PER_ID);
  used += RANDOM_BYTES_PER_ID;
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
