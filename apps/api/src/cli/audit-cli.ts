/**
 * The auditor's tools from a shell, over @portal/audit:
 *
 *   npm run audit -- export [--stream <id>] [--after <commit/prepare>] [--out <file>]
 *   npm run audit -- verify [--stream <id>] [--progress-every <n>]
 *   npm run audit -- state <accountId> [--at <iso time> | --revision <n>]
 *
 * Reads the configuration as the service does (DATA_DIR, EVENTSTORE_URL, MASTER_KEY, …),
 * so it opens the same store; export and verify need no keys, state opens personal data
 * with the account keys. Export writes NDJSON to stdout, or to --out (via <file>.partial,
 * renamed once complete). Verify reports progress on stderr.
 *
 * Exit status: 0 done (verify: every chain intact); 1 verify found a broken link;
 * 2 a bad argument, or nothing found for it (one line naming it); 3 the store could not be
 * read (export: also when it finished with an event marked unreadable; one line names the
 * first by stream, revision and event id); 78 a bad setting in the environment.
 */
import 'reflect-metadata';
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  accountStateAsOf,
  AuditError,
  AuditErrorCodes,
  auditJson,
  exportEvents,
  type VerifyReport,
  verifyAll,
  verifyStream,
} from '@portal/audit';
import { type AppConfig, ConfigError, loadConfig } from '@portal/config';
import type { EventStore, UnreadableEventError } from '@portal/event-store';
import {
  type CliSpec,
  createAccounts,
  createEventStore,
  DEMO_ROSTER,
  progressLine,
  readCommandLine,
} from '@portal/runtime';
import { asFlag, type AuditCliCommand, parseAuditArgs, UsageError } from './audit-args';

const text = { type: 'string' } as const;
export const AUDIT_CLI: CliSpec = {
  name: 'audit',
  about: "the auditor's tools over the event store (npm run audit -- … or portal-audit …)",
  commands: {
    export: {
      usage: 'audit export [--stream <id>] [--after <commit/prepare>] [--out <file>]   NDJSON',
      options: { stream: text, after: text, out: text },
    },
    verify: {
      usage: 'audit verify [--stream <id>] [--progress-every <n>]   checks the hash chains',
      options: { stream: text, 'progress-every': text },
    },
    state: {
      usage: 'audit state <accountId> [--at <iso time> | --revision <n>]   the account as it was',
      options: { at: text, revision: text },
    },
  },
};

/**
 * The service's configuration. Export and verify need no keys, so they read it with
 * stand-ins for the secrets: outside production, reading it without them would make
 * and store fresh development secrets, in the wrong place if DATA_DIR is wrong.
 */
function configFor(command: AuditCliCommand, env: NodeJS.ProcessEnv): AppConfig {
  const standIn = Buffer.alloc(32).toString('base64');
  const orStandIn = (v: string | undefined) => (v === undefined || v.trim() === '' ? standIn : v);
  const paths = loadConfig(
    { ...env, HMAC_KEY: orStandIn(env.HMAC_KEY), MASTER_KEY: orStandIn(env.MASTER_KEY) },
    { rosterFile: DEMO_ROSTER },
  );
  // A mistyped DATA_DIR must not read as an empty store that verifies clean.
  if (paths.eventStore.kind === 'sqlite' && !existsSync(paths.eventStore.file))
    throw new UsageError(`DATA_DIR: no event store at ${paths.eventStore.file}`);
  return command.kind === 'state' ? loadConfig(env, { rosterFile: DEMO_ROSTER }) : paths;
}

async function run(command: AuditCliCommand, config: AppConfig, store: EventStore): Promise<number> {
  switch (command.kind) {
    case 'export': {
      // An unreadable event gets a line saying so and the export goes on; the exit status tells.
      const unreadable: UnreadableEventError[] = [];
      const lines = Readable.from(
        exportEvents(store, {
          streamId: command.streamId,
          after: command.after,
          onUnreadable: (e) => unreadable.push(e),
        }),
      );
      const verdict = () => {
        if (unreadable.length === 0) return 0;
        process.stderr.write(
          `audit: EVENT_UNREADABLE: ${unreadable.length} event(s) could not be read and are marked "unreadable" in the export; the first: ${unreadable[0].message}\n`,
        );
        return 3;
      };
      if (command.out === undefined) {
        await pipeline(lines, process.stdout, { end: false });
        return verdict();
      }
      // An earlier export is evidence: never written over.
      if (existsSync(command.out)) throw new UsageError(`--out ${command.out} already exists`);
      const partial = `${command.out}.partial`;
      try {
        await pipeline(lines, createWriteStream(partial, { flags: 'wx' }));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(partial, { force: true });
        throw error;
      }
      renameSync(partial, command.out);
      return verdict();
    }
    case 'verify': {
      // Every report the verifier makes is shown (it already makes one per --progress-every events).
      const progress = progressLine(process.stderr, 0);
      const report = command.streamId
        ? await verifyStream(store, command.streamId)
        : await verifyAll(store, {
            progressEvery: command.progressEvery,
            onProgress: (p) =>
              progress.update(
                `verified ${p.events} events in ${p.streams} streams, ${p.breaks} broken`,
                true,
              ),
          });
      progress.done();
      return printVerdict(report);
    }
    case 'state': {
      const { accounts, vault, close } = createAccounts(config, store);
      try {
        const result = await accountStateAsOf(
          { store, vault, policy: accounts.policy },
          command.accountId,
          command.asOf,
        );
        process.stdout.write(`${auditJson(result, 2)}\n`);
        return 0;
      } finally {
        await close();
      }
    }
  }
}

function printVerdict(report: VerifyReport): number {
  for (const b of report.breaks)
    process.stdout.write(`broken: ${b.streamId} revision ${b.revision} event ${b.eventId}: ${b.reason}\n`);
  const counts = `${report.streams} stream(s), ${report.events} event(s) checked`;
  const first = report.firstBreak;
  if (!first) {
    process.stdout.write(`intact: ${counts}\n`);
    return 0;
  }
  process.stdout.write(
    `BROKEN: ${report.breaks.length} stream(s) broken of ${counts}; first broken link: ${first.streamId} revision ${first.revision} event ${first.eventId} (${first.reason})\n`,
  );
  return 1;
}

const NOT_FOUND: ReadonlySet<string> = new Set([
  AuditErrorCodes.STREAM_NOT_FOUND,
  AuditErrorCodes.ACCOUNT_NOT_FOUND,
  AuditErrorCodes.BEFORE_FIRST_EVENT,
  AuditErrorCodes.REVISION_NOT_FOUND,
]);

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const fail = (status: number, line: string) => {
    process.stderr.write(`audit: ${line}\n`);
    return status;
  };
  const shell = readCommandLine(AUDIT_CLI, argv);
  if (typeof shell === 'number') return shell;
  let store: EventStore | undefined;
  try {
    const command = parseAuditArgs(argv);
    const config = configFor(command, env);
    store = createEventStore(config.eventStore);
    return await run(command, config, store);
  } catch (error) {
    if (error instanceof UsageError) return fail(2, error.message);
    if (error instanceof ConfigError) return fail(78, error.message);
    if (error instanceof AuditError) {
      if (error.code === AuditErrorCodes.INVALID_OPTIONS) return fail(2, asFlag(error));
      if (NOT_FOUND.has(error.code)) return fail(2, `${error.code}: ${error.message}`);
      return fail(3, `${error.code}: ${error.message}`);
    }
    // A reader that went away (`| head`) is not a failure of the export.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    const e = error instanceof Error ? error : new Error(String(error));
    return fail(3, `${e.name}${'code' in e ? ` ${String(e.code)}` : ''}: ${e.message}`);
  } finally {
    await store?.close();
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
