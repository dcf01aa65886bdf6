/**
 * `finishFill` of the SQLite document store alone (not part of the test suite):
 * N account-like documents, each with 16 index terms shaped as the accounts
 * projection writes them (`e:`, `u:`, `lp:`… followed by a 64-hex HMAC), are
 * written into a filling generation in batches of 5,000, as a rebuild writes them.
 * Then `finishFill` is timed, with the longest event-loop stall seen meanwhile (a
 * 20 ms timer). A rebuild at 1,000,000 accounts spends minutes here, which a
 * rebuild of the 100,000-account bench data barely shows.
 *
 * Run with `npm run build && node dist/bench/finish-fill.bench.js --docs 400000
 * [--dir DIR]` (the file is removed afterwards).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteDocumentStore, type Write } from '../libs/documents/src';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}
const DOCS = Number(arg('docs') ?? 400_000);
/** An account's term tags in the bench data: 5 exact lookups, then last-name prefixes. */
const TAGS = ['e', 'u', 'm', 'p', 'ld', ...Array.from({ length: 11 }, () => 'lp')];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(arg('dir') ?? tmpdir(), 'finish-fill-'));
  const store = SqliteDocumentStore.open(join(dir, 'read-models.sqlite'));
  try {
    console.log(
      `finishFill bench: ${cpus().length} CPUs, ${cpus()[0]?.model}, node ${process.version}, ${new Date().toISOString()}`,
    );
    await store.ensure(1, [{ name: 'accounts', indexes: ['terms'] }], { fill: true });
    const pad = 'x'.repeat(900); // an account body is ~1.4 KB
    const fillStart = performance.now();
    for (let i = 0; i < DOCS; i += 5000) {
      const writes: Write[] = [];
      for (let j = i; j < Math.min(DOCS, i + 5000); j++) {
        const id = randomUUID();
        const terms = TAGS.map(
          (tag, k) => `${tag}:${createHmac('sha256', 'bench').update(`${id}${k}`).digest('hex')}`,
        );
        const position = { commit: BigInt(j + 1), prepare: BigInt(j + 1) };
        writes.push({
          collection: 'accounts',
          id,
          position,
          doc: { accountId: id, status: 'active', pad, terms },
        });
      }
      await store.write(1, writes);
    }
    console.log(
      `filled ${DOCS.toLocaleString('en-US')} documents in ${((performance.now() - fillStart) / 1000).toFixed(1)} s (not timed below)`,
    );

    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 20);
    const start = performance.now();
    await store.finishFill(1);
    const seconds = (performance.now() - start) / 1000;
    clearInterval(timer);
    longest = Math.max(longest, performance.now() - last);
    const terms = DOCS * TAGS.length;
    console.log(
      `| ${DOCS.toLocaleString('en-US')} documents, ${terms.toLocaleString('en-US')} term rows | finishFill ${seconds.toFixed(1)} s | ` +
        `${Math.round(terms / seconds).toLocaleString('en-US')} term rows/s | longest event-loop stall ${Math.round(longest)} ms |`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
