/**
 * The floor under a rebuild on this machine (not part of the test suite): the work
 * any rebuild of these read models must do, done as plainly as better-sqlite3 and
 * node:crypto allow, with none of the service's pipeline (no event store adapter,
 * vault, codec, projector, projections or document store). Each part is timed alone:
 *
 * - `read`: every event row in order, its data and metadata parsed (the history
 *   shows the actor and IP from the metadata);
 * - `open`: one AES-256-GCM open per event the projections need a personal value
 *   of: its envelope (all its personal fields sealed together). An event stored
 *   before envelopes costs one open per field the projections use instead. The
 *   sealed values are collected by `read`; each account's data key is unwrapped
 *   once (a cache holding every key);
 * - `hmac`: one HMAC-SHA256 per index-term row the rebuilt read models hold (the
 *   search terms are keyed hashes of personal data, so they cannot come from
 *   anywhere else), over a short input;
 * - `write`: each document the rebuilt read models hold, written once (a rebuild
 *   writes an account several times; the floor counts its last version only), its
 *   body stringified, into a file with no journal and no syncing, into tables with
 *   no index; then the id indexes and the term rows with their index, built once.
 *
 * The folds, the history's wording and the checkpoints cost nothing here, so the
 * real work is above this floor. What the floor allows on N cores: the documents go
 * into one SQLite file, which has one writer, so `write` runs on one core; the other
 * parts could share the cores perfectly. Best wall time = max(write, all parts / N).
 *
 * Input: a DATA_DIR filled and rebuilt by `bench:projector` (`--data-dir DIR`), so
 * that `read-models.sqlite` holds the rebuilt documents. Run with
 * `npm run bench:rebuild-floor -- --data-dir DIR`.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { PROJECTED_PERSONAL_FIELDS } from '../libs/domain/src';
import { decrypt } from '../libs/vault/src/key-wrap';
import { ENVELOPE_FIELD } from '../libs/vault/src/personal-data-codec';
import { Vault } from '../libs/vault/src/vault';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

interface Part {
  name: string;
  seconds: number;
  cpuSeconds: number;
}

function timed(name: string, fn: () => void): Part {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const cpu = process.cpuUsage(cpu0);
  return { name, seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

type Json = Record<string, unknown>;

/** Each event in order, parsed; `each` gets the stream id, type and data. */
function readEvents(file: string, each?: (streamId: string, type: string, data: Json) => void): number {
  const db = new Database(file, { readonly: true });
  let n = 0;
  try {
    const rows = db
      .prepare(
        'SELECT seq, stream_id, revision, event_id, type, data, metadata, recorded_at FROM events ORDER BY seq',
      )
      .raw(true)
      .safeIntegers(true);
    for (const row of rows.iterate() as IterableIterator<
      [bigint, string, bigint, string, string, string, string, string]
    >) {
      const data = JSON.parse(row[5]) as Json;
      JSON.parse(row[6]);
      each?.(row[1], row[4], data);
      n++;
    }
  } finally {
    db.close();
  }
  return n;
}

function sealedValue(data: Json, path: string): string | undefined {
  let at: unknown = data;
  for (const part of path.split('.'))
    at = at !== null && typeof at === 'object' ? (at as Json)[part] : undefined;
  return Vault.isSealed(at) ? at : undefined;
}

async function main(): Promise<void> {
  const dir = arg('data-dir');
  if (!dir || !existsSync(join(dir, 'read-models.sqlite')) || !existsSync(join(dir, 'bench-keys.json')))
    throw new Error(
      'Give --data-dir DIR: a store filled and rebuilt by `npm run bench:projector -- rebuild --data-dir DIR`',
    );
  const keys = JSON.parse(readFileSync(join(dir, 'bench-keys.json'), 'utf8')) as Record<string, string>;
  const masterKey = Buffer.from(keys.BENCH_MASTER_KEY, 'base64');
  const hmacKey = Buffer.from(keys.BENCH_HMAC_KEY, 'base64');
  const eventsFile = join(dir, 'events.sqlite');
  console.log(
    `Rebuild floor: ${cpus().length} CPUs, ${cpus()[0]?.model}, node ${process.version}, ${new Date().toISOString()}, load ${loadavg()[0].toFixed(2)}`,
  );

  // The sealed values the projections open, collected while reading (a push per value):
  // an event's envelope, or each field of an event stored before envelopes.
  const fields = PROJECTED_PERSONAL_FIELDS as Record<string, readonly string[] | undefined>;
  const sealedValues: Array<[accountId: string, sealed: string]> = [];
  let envelopes = 0;
  let events = 0;
  const parts: Part[] = [];
  parts.push(
    timed('read: rows in order, data and metadata parsed', () => {
      events = readEvents(eventsFile, (streamId, type, data) => {
        const paths = fields[type];
        if (!paths || !streamId.startsWith('account-')) return;
        const accountId = streamId.slice('account-'.length);
        const envelope = data[ENVELOPE_FIELD];
        if (Vault.isSealed(envelope)) {
          sealedValues.push([accountId, envelope]);
          envelopes++;
          return;
        }
        for (const path of paths) {
          const sealed = sealedValue(data, path);
          if (sealed !== undefined) sealedValues.push([accountId, sealed]);
        }
      });
    }),
  );

  const keysDb = new Database(join(dir, 'keys.sqlite'), { readonly: true });
  const wrappedOf = keysDb.prepare('SELECT wrapped FROM data_keys WHERE account_id = ?').pluck(true);
  const dataKeys = new Map<string, Buffer>();
  parts.push(
    timed(
      `open: ${envelopes.toLocaleString('en-US')} envelopes + ${(sealedValues.length - envelopes).toLocaleString('en-US')} fields sealed alone, each account's key unwrapped once`,
      () => {
        for (const [accountId, sealed] of sealedValues) {
          let key = dataKeys.get(accountId);
          if (!key) {
            key = decrypt(masterKey, wrappedOf.get(accountId) as Buffer, accountId);
            dataKeys.set(accountId, key);
          }
          JSON.parse(decrypt(key, Buffer.from(sealed.slice(3), 'base64url'), accountId).toString('utf8'));
        }
      },
    ),
  );
  keysDb.close();

  // The rebuilt documents and term rows, loaded before the timed parts that use them.
  const source = new Database(join(dir, 'read-models.sqlite'), { readonly: true });
  const active = source
    .prepare(
      `SELECT tbl, name FROM _collections WHERE generation = (SELECT MAX(generation) FROM _collections WHERE filling = 0)`,
    )
    .all() as Array<{ tbl: string; name: string }>;
  const collections = active.map(({ tbl, name }) => ({
    name,
    rows: (
      source
        .prepare(`SELECT id, "commit", "prepare", body FROM "${tbl}" ORDER BY "commit", "prepare"`)
        .raw(true)
        .all() as Array<[string, number, number, string | null]>
    ).map(
      ([id, commit, prepare, body]) =>
        [id, commit, prepare, body === null ? null : JSON.parse(body)] as const,
    ),
    terms: source.prepare(`SELECT field, value, id FROM "${tbl}_terms"`).raw(true).all() as Array<
      [string, string, string]
    >,
  }));
  source.close();
  const termRows = collections.reduce((n, c) => n + c.terms.length, 0);
  const documents = collections.reduce((n, c) => n + c.rows.length, 0);

  parts.push(
    timed(`hmac: ${termRows.toLocaleString('en-US')} search terms`, () => {
      for (let i = 0; i < termRows; i++) createHmac('sha256', hmacKey).update(`smith${i}`).digest('hex');
    }),
  );

  const out = join(dir, 'floor-write.sqlite');
  /** Wall time per collection: how much of `write` each read model is. */
  const byCollection: string[] = [];
  rmSync(out, { force: true });
  parts.push(
    timed(
      `write: ${documents.toLocaleString('en-US')} documents once (${collections.map((c) => `${c.name} ${c.rows.length.toLocaleString('en-US')}`).join(', ')}), then the indexes`,
      () => {
        const db = new Database(out);
        db.pragma('journal_mode = OFF');
        db.pragma('synchronous = OFF');
        for (const c of collections) {
          const t0 = performance.now();
          db.exec(`CREATE TABLE "${c.name}" (id TEXT NOT NULL, "commit" INTEGER, "prepare" INTEGER, body TEXT) STRICT;
                   CREATE TABLE "${c.name}_terms" (field TEXT NOT NULL, value TEXT NOT NULL, id TEXT NOT NULL) STRICT`);
          const insert = db.prepare(`INSERT INTO "${c.name}" VALUES (?, ?, ?, ?)`);
          const batch = db.transaction((from: number) => {
            for (let i = from; i < Math.min(from + 5000, c.rows.length); i++) {
              const [id, commit, prepare, body] = c.rows[i];
              insert.run(id, commit, prepare, body === null ? null : JSON.stringify(body));
            }
          });
          for (let i = 0; i < c.rows.length; i += 5000) batch(i);
          db.exec(`CREATE UNIQUE INDEX "${c.name}_id" ON "${c.name}" (id)`);
          const term = db.prepare(`INSERT INTO "${c.name}_terms" VALUES (?, ?, ?)`);
          db.transaction(() => {
            for (const t of c.terms) term.run(t[0], t[1], t[2]);
          })();
          db.exec(`CREATE INDEX "${c.name}_terms_key" ON "${c.name}_terms" (field, value, id)`);
          byCollection.push(`${c.name} ${((performance.now() - t0) / 1000).toFixed(2)} s`);
        }
        db.close();
      },
    ),
  );
  rmSync(out, { force: true });

  const perEvent = (s: number) => `${((s / events) * 1e6).toFixed(2)} µs`;
  console.log(`\n${events.toLocaleString('en-US')} events\n`);
  console.log('| part | wall | CPU | CPU per event |\n| --- | ---: | ---: | ---: |');
  for (const p of parts)
    console.log(
      `| ${p.name} | ${p.seconds.toFixed(2)} s | ${p.cpuSeconds.toFixed(2)} s | ${perEvent(p.cpuSeconds)} |`,
    );
  const total = parts.reduce((s, p) => s + p.cpuSeconds, 0);
  const write = parts[parts.length - 1].cpuSeconds; // the last part: one SQLite writer
  console.log(`| all parts | | ${total.toFixed(2)} s | ${perEvent(total)} |`);
  console.log(`\nwrite, by collection (wall): ${byCollection.join(', ')}`);
  for (const n of [1, 2]) {
    const best = Math.max(write, total / n);
    console.log(
      `Best case on ${n} core${n > 1 ? 's' : ''}: max(write ${write.toFixed(2)} s, all ${total.toFixed(2)} s / ${n}) = ` +
        `${best.toFixed(2)} s → at most ${Math.round(events / best).toLocaleString('en-US')} events/s`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
