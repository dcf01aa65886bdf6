/**
 * Master-key rotation from a shell:
 *
 *   npm run keys -- status                    data keys per master-key id, and erased accounts
 *   npm run keys -- rewrap [--batch-size N]   re-wrap every data key under MASTER_KEY (progress on stderr)
 *
 * Uses the same configuration as the service (MONGO_URL → the data_keys collection, else
 * DATA_DIR/keys.sqlite; MASTER_KEY and MASTER_KEYS_PREVIOUS). Safe while the service runs,
 * provided every running process already has the new MASTER_KEY and the old key in
 * MASTER_KEYS_PREVIOUS; an interrupted run is resumed by running it again. What it prints
 * holds key ids (8 hex digits of a hash) and counts only, never a key.
 */
import 'reflect-metadata';
import { boot, createDataKeyStore } from '@portal/runtime';
import { MasterKeyRing } from '@portal/vault';

const USAGE = 'usage: npm run keys -- status | rewrap [--batch-size N]';

function batchSize(args: string[]): number | undefined {
  const at = args.indexOf('--batch-size');
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1)
    throw new Error(`--batch-size must be a positive integer (got ${JSON.stringify(value)})`);
  return Number(value);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'status' && command !== 'rewrap') {
    process.stderr.write(`${USAGE}\n`);
    return 64; // EX_USAGE
  }
  const size = command === 'rewrap' ? batchSize(rest) : undefined;
  const { config } = boot('keys-cli', { env: { LOG_LEVEL: 'warn', ...process.env } });
  const ring = new MasterKeyRing(config.secrets.masterKey, config.secrets.previousMasterKeys);
  const keys = createDataKeyStore(config);
  try {
    if (command === 'status') {
      const status = await keys.status();
      const previous = new Set(ring.previous.map((k) => k.id));
      const row = (label: string, count: number, note = '') =>
        process.stdout.write(`${label.padEnd(12)} ${String(count).padStart(10)}  ${note}`.trimEnd() + '\n');
      process.stdout.write(`${'master key'.padEnd(12)} ${'data keys'.padStart(10)}\n`);
      row(status.current, status.byMasterKey[status.current] ?? 0, 'current (MASTER_KEY)');
      for (const [id, count] of Object.entries(status.byMasterKey).sort(([a], [b]) => a.localeCompare(b))) {
        if (id === status.current) continue;
        row(
          id,
          count,
          previous.has(id)
            ? 'previous (MASTER_KEYS_PREVIOUS): run rewrap'
            : 'not configured: these keys do not open; add that key to MASTER_KEYS_PREVIOUS',
        );
      }
      if (status.unrecorded > 0)
        row('unrecorded', status.unrecorded, 'written before key ids; no configured master key opens them');
      row('erased', status.erased);
      return 0;
    }
    const result = await keys.rewrap({
      batchSize: size,
      onProgress: (p) => {
        process.stderr.write(`rewrap: ${p.rewrapped + p.skipped}/${p.total} (${p.skipped} skipped)\n`);
      },
    });
    process.stdout.write(
      result.total === 0
        ? `Every data key is already under master key ${ring.current.id}.\n`
        : `Re-wrapped ${result.rewrapped} data key(s) under master key ${ring.current.id}; ` +
            `${result.skipped} were erased or re-wrapped by another process meanwhile.\n`,
    );
    return 0;
  } finally {
    await keys.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const code = (error as { code?: unknown }).code;
    process.stderr.write(
      `keys: ${error instanceof Error ? error.message : String(error)}${typeof code === 'string' ? ` [${code}]` : ''}\n`,
    );
    process.exit(1);
  },
);
