/**
 * Accounts of the member portal from before usernames (seed 004), from a shell:
 *
 *   npm run legacy -- import <file.csv>
 *
 * The file has a header `member_id,password_hash` and one account per row: the
 * member id it logged in with and the old portal's argon2 password hash (a PHC
 * string, `$argon2…`, quoted or not; one made with weaker parameters than today's
 * is replaced at the first login with the account's new username). A file with a
 * bad row is refused whole before anything is written, each bad row named by its
 * line (never by its content). Each member on the roster then gets an account that
 * logs in with its member id until it creates a username; a member not on the
 * roster is named by line and skipped, and a member that already has an account is
 * left alone. Account ids are derived from member ids, so an interrupted import
 * finishes when it is run again.
 * Bad arguments: one line on stderr, exit 2. A refused file: exit 1.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { ARGON2_PHC } from '@portal/domain';
import { parseCsv } from '@portal/roster';
import {
  boot,
  type CliSpec,
  createAccounts,
  createEventStore,
  readCommandLine,
  runCli,
} from '@portal/runtime';
import { importLegacyAccount, type LegacyImportOutcome } from '../portal/shared/legacy-import';
import { isMemberId } from '../portal/shared/policy.validators';

const USAGE = 'usage: npm run legacy -- import <file.csv>   (header: member_id,password_hash)';
const HEADER = ['member_id', 'password_hash'];

export const LEGACY_CLI: CliSpec = {
  name: 'legacy',
  about: 'accounts of the member portal from before usernames (npm run legacy -- … or portal-legacy …)',
  commands: { import: { usage: 'legacy import <file.csv>   (header: member_id,password_hash)' } },
};

export interface LegacyCliIo {
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

interface Row {
  line: number;
  memberId: string;
  passwordHash: string;
}

/** The rows, or the lines of the bad ones (1-based, the header being line 1). */
function readRows(text: string): { rows: Row[]; bad: string[] } {
  const [header, ...records] = parseCsv(text).filter((r) => r.some((f) => f.trim() !== ''));
  if (!header || header.map((h) => h.trim().toLowerCase()).join(',') !== HEADER.join(','))
    return { rows: [], bad: [`line 1: the header must be ${HEADER.join(',')}`] };
  const rows: Row[] = [];
  const bad: string[] = [];
  records.forEach((record, i) => {
    const line = i + 2;
    // An argon2 hash has commas of its own (`m=19456,t=2,p=1`): quoted or not, it is the rest of the row.
    const memberId = record[0].trim();
    const passwordHash = record.slice(1).join(',').trim();
    if (record.length < 2) bad.push(`line ${line}: 2 fields expected, ${record.length} found`);
    else if (!isMemberId(memberId)) bad.push(`line ${line}: member_id is not a member id`);
    else if (!ARGON2_PHC.test(passwordHash))
      bad.push(`line ${line}: password_hash is not an argon2 hash (a PHC string)`);
    else rows.push({ line, memberId, passwordHash });
  });
  return { rows, bad };
}

/** Runs one command; resolves to the exit code. */
export async function runLegacyCli(argv: readonly string[], io: LegacyCliIo): Promise<number> {
  const shell = readCommandLine(LEGACY_CLI, argv, io);
  if (typeof shell === 'number') return shell;
  if (argv.length !== 2 || argv[0] !== 'import' || argv[1].startsWith('--')) {
    io.stderr.write(
      `legacy: ${argv[0] === 'import' ? 'name one CSV file' : `unknown command ${String(argv[0])}`}\n${USAGE}\n`,
    );
    return 2;
  }
  const file = argv[1];
  const { rows, bad } = readRows(await readFile(file, 'utf8'));
  if (bad.length > 0) {
    io.stderr.write(`legacy: ${file} refused, nothing imported:\n${bad.map((b) => `  ${b}\n`).join('')}`);
    return 1;
  }
  const { config } = boot('legacy-cli', { env: { LOG_LEVEL: 'warn', ...io.env }, logDestination: io.stderr });
  const store = createEventStore(config.eventStore);
  const { accounts, close } = createAccounts(config, store);
  const counts: Record<LegacyImportOutcome, number> = { imported: 0, 'has-account': 0, 'not-on-roster': 0 };
  const notOnRoster: number[] = [];
  try {
    for (const row of rows) {
      const outcome = await importLegacyAccount(accounts, row.memberId, row.passwordHash, {
        correlationId: randomUUID(),
        actor: { kind: 'system', component: 'legacy-cli' },
        occurredAt: new Date(),
        imported: 'legacy-import',
      });
      counts[outcome]++;
      if (outcome === 'not-on-roster') notOnRoster.push(row.line);
    }
  } finally {
    await close();
    await store.close();
  }
  io.stdout.write(
    `${file}: ${rows.length} accounts; ${counts.imported} imported, ${counts['has-account']} already had an account, ` +
      `${counts['not-on-roster']} not on the roster${notOnRoster.length > 0 ? ` (lines ${notOnRoster.join(', ')})` : ''}\n`,
  );
  return 0;
}

if (require.main === module)
  runCli('legacy', (argv) =>
    runLegacyCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env }),
  );
