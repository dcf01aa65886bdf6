/**
 * Event store benchmark (not part of the test suite): durable appends and reads on the
 * SQLite adapter in a temp directory. Run with `npm run bench:event-store`.
 * Each append scenario runs on a fresh file, three times; the median is reported.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import {
  type ExpectedRevision,
  newEventId,
  type NewEvent,
  SqliteEventStore,
  type Subscription,
  WrongExpectedRevisionError,
} from '../libs/event-store/src';

const RUNS = 3;

type IdScheme = 'v4' | 'v7';
const makeId: Record<IdScheme, () => string> = { v4: randomUUID, v7: () => newEventId() };

function event(i: number, ids: IdScheme = 'v4'): NewEvent {
  // Shaped like a real account event: encrypted personal data and the full metadata set.
  return {
    id: makeId[ids](),
    type: 'LoginFailed',
    data: {
      accountId: '6f1c1a52-3c1e-4c9b-9d55-0b1f8f4a2f10',
      attempt: i,
      reason: 'wrong-password',
      ip: {
        enc: 'AES-256-GCM',
        iv: 'q1w2e3r4t5y6u7i8',
        ct: 'c2VjcmV0LWlzLW5vdC1oZXJlLWl0LWlzLWVuY3J5cHRlZA==',
      },
    },
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { kind: 'self', accountId: '6f1c1a52-3c1e-4c9b-9d55-0b1f8f4a2f10' },
      occurredAt: '2025-01-01T12:00:00.000Z',
      schemaVersion: 1,
      clientIp: '203.0.113.7',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Portal/1.0',
      prevHash: 'a3f5c0e1d2b4a6978877665544332211a3f5c0e1d2b4a6978877665544332211',
      hash: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
    },
  };
}

interface Result {
  name: string;
  rate: number;
  unit: string;
  detail: string;
}

async function withStore<T>(
  dir: string,
  name: string,
  fn: (store: SqliteEventStore, file: string) => Promise<T>,
): Promise<T> {
  const file = join(dir, `${name}-${randomUUID()}.sqlite`);
  const store = SqliteEventStore.open(file);
  try {
    return await fn(store, file);
  } finally {
    await store.close();
  }
}

/** `appenders` concurrent loops, each appending `perAppender` appends of `batch` events to its own stream. */
async function ownStreams(
  store: SqliteEventStore,
  appenders: number,
  perAppender: number,
  batch: number,
  ids: IdScheme,
) {
  const before = store.diagnostics();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: appenders }, async (_, a) => {
      const stream = `account-${randomUUID()}`;
      let expected: ExpectedRevision = 'no_stream';
      for (let i = 0; i < perAppender; i++) {
        const events = Array.from({ length: batch }, (_, k) => event(i * batch + k, ids));
        expected = (await store.append(stream, events, expected)).nextRevision;
      }
      return a;
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const after = store.diagnostics();
  const appends = appenders * perAppender;
  return { seconds, appends, events: appends * batch, commits: after.commits - before.commits };
}

/** Read–decide–append with the expected revision and a retry on conflict, `appenders` loops over `streams` hot streams. */
async function contended(store: SqliteEventStore, appenders: number, streams: number, perAppender: number) {
  const names = Array.from({ length: streams }, () => `account-${randomUUID()}`);
  let conflicts = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: appenders }, async (_, a) => {
      const stream = names[a % streams];
      for (let i = 0; i < perAppender; i++) {
        for (;;) {
          const last = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
          const expected: ExpectedRevision = last.length === 0 ? 'no_stream' : last[0].revision;
          try {
            await store.append(stream, [event(i)], expected);
            break;
          } catch (error) {
            if (!(error instanceof WrongExpectedRevisionError)) throw error;
            conflicts++;
          }
        }
      }
    }),
  );
  return { seconds: (performance.now() - start) / 1000, appends: appenders * perAppender, conflicts };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A small event (~150 bytes of JSON) to show what the store costs apart from JSON.parse. */
function compactEvent(i: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'Ticked',
    data: { n: i },
    metadata: {
      correlationId: 'c-1',
      actor: { kind: 'anonymous' },
      occurredAt: '2025-01-01T12:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

/** The disk's state right now: one-row commits with a WAL sync each, straight through better-sqlite3. */
function calibrate(dir: string): Result {
  const file = join(dir, `calibrate-${randomUUID()}.sqlite`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const n = 2_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) insert.run('x'.repeat(500));
  const rate = n / ((performance.now() - start) / 1000);
  db.close();
  return {
    name: 'reference: raw better-sqlite3, one 500-byte row per synced commit',
    rate,
    unit: 'commits/s',
    detail: `${n} commits`,
  };
}

async function appendScenario(
  dir: string,
  name: string,
  appenders: number,
  perAppender: number,
  batch: number,
  ids: IdScheme = 'v4',
): Promise<Result> {
  const rates: number[] = [];
  const batches: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const r = await withStore(dir, 'append', (s) => ownStreams(s, appenders, perAppender, batch, ids));
    rates.push((batch === 1 ? r.appends : r.events) / r.seconds);
    batches.push(r.appends / r.commits);
  }
  return {
    name,
    rate: median(rates),
    unit: batch === 1 ? 'appends/s' : 'events/s',
    detail: `${appenders * perAppender} appends of ${batch} event(s); ${median(batches).toFixed(1)} appends per commit; runs: ${rates.map((x) => Math.round(x)).join(', ')}`,
  };
}

function timeRuns(fn: () => number): number[] {
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const count = fn();
    rates.push(count / ((performance.now() - start) / 1000));
  }
  return rates;
}

/** The same rows through better-sqlite3 alone, on a second connection to the store's file. */
function rawReadReferences(file: string, total: number, results: Result[]): void {
  const db = new Database(file, { readonly: true });
  db.pragma('cache_size = -32000');
  const page = db
    .prepare(
      'SELECT seq, stream_id, revision, event_id, type, data, metadata, recorded_at FROM events WHERE seq > ? ORDER BY seq LIMIT 1000',
    )
    .raw(true)
    .safeIntegers(true);
  for (const decode of [false, true]) {
    const rates = timeRuns(() => {
      let read = 0;
      let after = 0n;
      for (;;) {
        const rows = page.all(after) as Array<
          [bigint, string, bigint, string, string, string, string, string]
        >;
        if (rows.length === 0) return read;
        if (decode) {
          for (const row of rows) {
            JSON.parse(row[5]);
            JSON.parse(row[6]);
          }
        }
        read += rows.length;
        after = rows[rows.length - 1][0];
      }
    });
    results.push({
      name: decode
        ? 'reference: raw rows + JSON.parse of data and metadata, account events'
        : 'reference: raw row fetch, no decoding, account events',
      rate: median(rates),
      unit: 'rows/s',
      detail: `${total} rows; runs: ${rates.map((x) => Math.round(x)).join(', ')}`,
    });
  }
  db.close();
}

async function readScenarios(dir: string, results: Result[]): Promise<void> {
  const total = 200_000;
  for (const [label, make, references] of [
    ['account events (~670 B of JSON each)', event, true],
    ['compact events (~150 B of JSON each)', compactEvent, false],
  ] as const) {
    await withStore(dir, 'read', async (store, file) => {
      for (let i = 0; i < total / 1_000; i++) {
        const events = Array.from({ length: 1_000 }, (_, k) => make(k, 'v4'));
        await store.append(`account-${randomUUID()}`, events, 'no_stream');
      }
      const rates: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        let read = 0;
        let after;
        for (;;) {
          const page = await store.readAll({ after, maxCount: 1_000 });
          if (page.length === 0) break;
          read += page.length;
          after = page[page.length - 1].position;
        }
        rates.push(read / ((performance.now() - start) / 1000));
      }
      results.push({
        name: `readAll, pages of 1,000, ${label}`,
        rate: median(rates),
        unit: 'events/s',
        detail: `${total} events, decoded; runs: ${rates.map((x) => Math.round(x)).join(', ')}`,
      });

      const subRates: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        let seen = 0;
        let subscription: Subscription | undefined;
        await new Promise<void>((resolve, reject) => {
          subscription = store.subscribeToAll(
            () => {
              seen++;
              if (seen === total) resolve();
            },
            { onError: reject },
          );
          setTimeout(() => reject(new Error('subscription catch-up did not finish')), 120_000).unref();
        });
        subRates.push(seen / ((performance.now() - start) / 1000));
        await subscription?.stop();
      }
      results.push({
        name: `subscribeToAll catch-up (no-op handler), ${label}`,
        rate: median(subRates),
        unit: 'events/s',
        detail: `${total} events; runs: ${subRates.map((x) => Math.round(x)).join(', ')}`,
      });
      if (references) rawReadReferences(file, total, results);
    });
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-bench-'));
  const results: Result[] = [];
  try {
    results.push(calibrate(dir));
    results.push(await appendScenario(dir, 'durable single-event appends, 1 appender', 1, 2_000, 1));
    results.push(
      await appendScenario(dir, 'durable single-event appends, 64 appenders (own streams)', 64, 500, 1),
    );
    results.push(
      await appendScenario(
        dir,
        'durable single-event appends, 64 appenders (own streams), UUIDv7 ids',
        64,
        500,
        1,
        'v7',
      ),
    );
    results.push(
      await appendScenario(dir, 'durable single-event appends, 256 appenders (own streams)', 256, 125, 1),
    );
    results.push(
      await appendScenario(dir, 'durable batched appends (100 events/append), 1 appender', 1, 300, 100),
    );
    results.push(
      await appendScenario(
        dir,
        'durable batched appends (100 events/append), 1 appender, UUIDv7 ids',
        1,
        300,
        100,
        'v7',
      ),
    );
    results.push(
      await appendScenario(dir, 'durable batched appends (100 events/append), 8 appenders', 8, 60, 100),
    );

    const c = await withStore(dir, 'contended', (s) => contended(s, 64, 8, 100));
    results.push({
      name: 'contended: 64 appenders on 8 streams, read + expected revision + retry',
      rate: c.appends / c.seconds,
      unit: 'appends/s',
      detail: `${c.appends} appends, ${c.conflicts} conflicts retried`,
    });

    await readScenarios(dir, results);
    results.push(calibrate(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    `Event store benchmark (SQLite adapter, WAL, synchronous=FULL), ${cpus().length} CPUs, ${cpus()[0]?.model}, node ${process.version}`,
  );
  console.log('| scenario | rate | detail |');
  console.log('| --- | ---: | --- |');
  for (const r of results) {
    console.log(`| ${r.name} | ${Math.round(r.rate).toLocaleString('en-US')} ${r.unit} | ${r.detail} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
