/**
 * Event ids as UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Any
 * UUID works as an event id; time-ordered ones keep the SQLite store's event_id index
 * append-mostly, where random v4 ids dirty one random index page per event (see
 * bench/RESULTS.md, "Event store").
 */
import { randomFillSync } from 'node:crypto';

const bytes = Buffer.alloc(16);

export function newEventId(now: number = Date.now()): string {
  randomFillSync(bytes, 6, 10);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
