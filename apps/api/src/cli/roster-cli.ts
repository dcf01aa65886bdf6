/**
 * The member roster (eligibility source) from a shell:
 *
 *   npm run roster -- check <file.csv>                                  reads the file as the service would
 *   npm run roster -- import <file.csv> [--remove-missing] [--batch-size N]
 *                                                                       loads it into MongoDB (MONGO_URL)
 *
 * `check` refuses a file with any bad row, naming each row by its line (never by its
 * content, which is personal data), and otherwise says how many members it holds; in
 * embedded mode the service reads ROSTER_FILE directly, so that is all it needs.
 * `import` upserts every member of the file into the `roster` collection by normalised
 * member id; with `--remove-missing` the file is the whole roster and members no longer
 * in it are deleted (they can no longer register). A file with a bad row is refused
 * before anything is written; an interrupted import is safe to run again.
 * Bad arguments: one line on stderr, exit 2. Refusals: one line with their code, exit 1.
 */
import 'reflect-metadata';
import type { Writable } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { loadConfig } from '@portal/config';
import {
  importRoster,
  parseRosterCsv,
  ROSTER_COLLECTION,
  type RosterCollection,
  type RosterDocument,
} from '@portal/roster';
import { createMongoClient } from '@portal/documents';
import { type CliSpec, readCommandLine, runCli } from '@portal/runtime';

const USAGE =
  'usage: npm run roster -- check <file.csv> | import <file.csv> [--remove-missing] [--batch-size N]';

class UsageError extends Error {}

export const ROSTER_CLI: CliSpec = {
  name: 'roster',
  about: 'the member roster (npm run roster -- … or portal-roster …)',
  commands: {
    check: { usage: 'roster check <file.csv>   reads the file as the service would' },
    import: {
      usage:
        'roster import <file.csv> [--remove-missing] [--batch-size N]   loads it into MongoDB (MONGO_URL)',
      options: { 'remove-missing': { type: 'boolean' }, 'batch-size': { type: 'string' } },
    },
  },
};

type Parsed =
  | { command: 'check'; file: string }
  | { command: 'import'; file: string; removeMissing: boolean; batchSize?: number };

export function parseArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'import') throw new UsageError(`unknown command ${String(command)}`);
  const positional: string[] = [];
  let removeMissing = false;
  let batchSize: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (command === 'import' && arg === '--remove-missing') removeMissing = true;
    else if (command === 'import' && arg === '--batch-size') {
      const value = rest[++i];
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1)
        throw new UsageError(`--batch-size must be a positive integer (got ${JSON.stringify(value)})`);
      batchSize = Number(value);
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new UsageError('name one CSV file');
  const [file] = positional;
  return command === 'check' ? { command, file } : { command, file, removeMissing, batchSize };
}

export interface RosterCliIo {
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  /** The collection to import into; by default `roster` in the database of MONGO_URL. */
  collection?: () => { collection: RosterCollection; close(): Promise<void> };
}

/** Runs one command; resolves to the exit code. */
export async function runRosterCli(argv: readonly string[], io: RosterCliIo): Promise<number> {
  const shell = readCommandLine(ROSTER_CLI, argv, io);
  if (typeof shell === 'number') return shell;
  let parsed: Parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`roster: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  // Refused whole, rows named by line, before anything is opened or written.
  const entries = parseRosterCsv(await readFile(parsed.file, 'utf8'), parsed.file);
  if (parsed.command === 'check') {
    io.stdout.write(`${parsed.file}: ${entries.length} members, every row valid\n`);
    return 0;
  }
  const target = io.collection?.() ?? mongoRoster(io.env);
  try {
    const report = await importRoster(entries, target.collection, {
      removeMissing: parsed.removeMissing,
      batchSize: parsed.batchSize,
    });
    io.stdout.write(
      `${parsed.file}: ${report.read} members; ${report.inserted} added, ${report.updated} changed, ` +
        `${report.unchanged} unchanged` +
        (parsed.removeMissing ? `, ${report.removed} no longer in the file removed` : '') +
        '\n',
    );
    return 0;
  } finally {
    await target.close();
  }
}

class RosterTargetError extends Error {
  readonly code = 'ROSTER_NOT_IN_MONGODB';
}

function mongoRoster(env: Record<string, string | undefined>) {
  const config = loadConfig(env);
  if (config.readModels.kind !== 'mongodb')
    throw new RosterTargetError(
      'import loads the roster into MongoDB, and MONGO_URL is not set. Without MongoDB the service reads ' +
        'ROSTER_FILE itself: point ROSTER_FILE at the file (check it first with `npm run roster -- check`).',
    );
  const client = createMongoClient(config.readModels.url);
  return {
    collection: client.db().collection<RosterDocument>(ROSTER_COLLECTION),
    close: () => client.close(),
  };
}

if (require.main === module)
  runCli('roster', (argv) =>
    runRosterCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env }),
  );
