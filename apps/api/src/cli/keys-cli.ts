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
import { boot, type CliSpec, createDataKeyStore, progressLine, readCommandLine } from '@portal/runtime';
import { MasterKeyRing } from '@portal/vault';

export const KEYS_CLI: CliSpec = {
  name: 'keys',
  about: 'master-key rotation (npm run keys -- … or portal-keys …)',
  commands: {
    status: { usage: 'keys status   data keys per master-key id, and erased accounts' },
    rewrap: {
      usage: 'keys rewrap [--batch-size N]   re-wrap every data key under MASTER_KEY',
      options: { 'batch-size': { type: 'string' } },
    },
  },
};

async function main(argv: string[]): Promise<number> {
  const shell = readCommandLine(KEYS_CLI, argv);
  if (typeof shell === 'number') return shell;
  const command = shell.command;
  if (shell.positionals.length > 0) {
    process.stderr.write(`keys: ${command} takes no ${JSON.stringify(shell.positionals[0])}\n`);
    return 2;
  }
  const value = shell.values['batch-size'] as string | undefined;
  if (value !== undefined && (!/^\d+$/.test(value) || Number(value) < 1)) {
    process.stderr.write(`keys: --batch-size must be a positive integer (got ${JSON.stringify(value)})\n`);
    return 2;
  }
  const size = value === undefined ? undefined : Number(value);
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
    const progress = progressLine();
    const result = await keys.rewrap({
      batchSize: size,
      onProgress: (p) => {
        const done = p.rewrapped + p.skipped;
        progress.update(`rewrap: ${done}/${p.total} (${p.skipped} skipped)`, done === p.total);
      },
    });
    progress.done();
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

if (require.main === module)
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
