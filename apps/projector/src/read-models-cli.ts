/**
 * The read models from a shell, against the same stores the service uses:
 *
 *   npm run read-models -- status     active generation, its checkpoint, document counts, the
 *                                     projector lease's holder, the last rebuild/compare request
 *   npm run read-models -- rebuild    fill a fresh generation from the first event, then swap it in
 *   npm run read-models -- compare    replay into a shadow copy and list every difference from the live one
 *   npm run read-models -- hash       SHA-256 of the active generation (equal replays give equal hashes)
 *
 * The service may keep running: queries read the active generation throughout a
 * rebuild, and the running projector follows the swap. Progress goes to stderr.
 */
import 'reflect-metadata';
import { formatPosition } from '@portal/event-store';
import {
  activeGeneration,
  type CatchUpProgress,
  checkpointName,
  compareWithReplay,
  currentReadModelRequest,
  readModelHash,
  rebuild,
} from '@portal/read-models';
import {
  boot,
  type CliSpec,
  createAccounts,
  createDocumentStore,
  createEventStore,
  createReadModels,
  progressLine,
  readCommandLine,
  runCli,
} from '@portal/runtime';

import { PROJECTOR_LEASE } from './leases';

export const READ_MODELS_CLI: CliSpec = {
  name: 'read-models',
  about: 'the read models, on the stores the service uses (npm run read-models -- … or portal-read-models …)',
  commands: {
    status: {
      usage: 'read-models status    active generation, checkpoint, document counts, lease, last request',
    },
    rebuild: { usage: 'read-models rebuild   fill a fresh generation from the first event, then swap it in' },
    compare: { usage: 'read-models compare   replay into a shadow copy and list every difference' },
    hash: { usage: 'read-models hash      SHA-256 of the active generation' },
  },
};

/** A one-line progress bar: how far the replay is through the history's time span, with a rate. */
export function progressBar(firstRecordedAt: number, now: number) {
  const started = Date.now();
  return (p: CatchUpProgress): string => {
    const at = Date.parse(p.recordedAt);
    const share =
      now > firstRecordedAt ? Math.min(1, Math.max(0, (at - firstRecordedAt) / (now - firstRecordedAt))) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)}%  ${p.events} events  ${Math.round(p.events / seconds)}/s`;
  };
}

async function main(argv: string[]): Promise<number> {
  const shell = readCommandLine(READ_MODELS_CLI, argv);
  if (typeof shell === 'number') return shell;
  const { command } = shell;
  if (shell.positionals.length > 0) {
    process.stderr.write(`read-models: ${command} takes no ${JSON.stringify(shell.positionals[0])}\n`);
    return 2;
  }
  const { config } = boot('read-models-cli', { env: { LOG_LEVEL: 'warn', ...process.env } });
  const store = createEventStore(config.eventStore);
  const { vault, close } = createAccounts(config, store);
  const docs = await createDocumentStore(config);
  const { projector } = createReadModels(config, store, vault, docs);
  const collections = projector.projections.map((p) => p.spec.name);
  try {
    const line = progressLine();
    const progress = async () => {
      const first = (await store.readAll({ maxCount: 1 }))[0];
      const bar = progressBar(first ? Date.parse(first.recordedAt) : Date.now(), Date.now());
      return (p: CatchUpProgress) => line.update(bar(p));
    };
    switch (command) {
      case 'status': {
        const generation = await activeGeneration(docs, projector.projections);
        const checkpoint = await docs.loadCheckpoint(checkpointName(generation));
        const counts = Object.fromEntries(
          await Promise.all(collections.map(async (c) => [c, await docs.count(generation, c)] as const)),
        );
        const lease = await docs.getLease(PROJECTOR_LEASE);
        const request = await currentReadModelRequest(docs);
        process.stdout.write(
          `${JSON.stringify(
            {
              generation,
              checkpoint: checkpoint ? formatPosition(checkpoint) : null,
              documents: counts,
              // Which projector process is active (host/pid/run), and until when unless renewed.
              projectorLease: lease
                ? {
                    holder: lease.holder,
                    token: lease.token,
                    expiresAt: new Date(lease.expiresAt).toISOString(),
                  }
                : null,
              ...(request ? { request } : {}),
            },
            null,
            2,
          )}\n`,
        );
        return 0;
      }
      case 'rebuild': {
        const result = await rebuild(projector, { onProgress: await progress() });
        line.done();
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return 0;
      }
      case 'compare': {
        const report = await compareWithReplay(projector, { onProgress: await progress() });
        line.done();
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return report.differences.length === 0 ? 0 : 1;
      }
      default: {
        const generation = await activeGeneration(docs, projector.projections);
        process.stdout.write(`${await readModelHash(docs, generation, collections)}\n`);
        return 0;
      }
    }
  } finally {
    await docs.close();
    await close();
    await store.close();
  }
}

if (require.main === module) runCli('read-models', main);
