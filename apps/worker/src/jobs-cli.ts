/**
 * Support's view of the jobs that could not be delivered, from a shell:
 *
 *   npm run jobs -- dead [email|letter] [--limit N]   list dead-lettered jobs, newest first
 *   npm run jobs -- retry <email|letter> <job id>     send one again, with fresh attempts
 *   npm run jobs -- state <email|letter> <job id>     waiting, active, completed, dead or unknown
 *
 * Uses the same configuration as the service (REDIS_URL → BullMQ, else DATA_DIR/jobs.sqlite).
 * What it prints holds no personal data: job ids are event ids, errors are written without it.
 */
import 'reflect-metadata';
import { type JobQueueName, JOB_QUEUE_NAMES } from '@portal/jobs';
import { boot, type CliSpec, createJobQueue, readCommandLine } from '@portal/runtime';

export const JOBS_CLI: CliSpec = {
  name: 'jobs',
  about: 'the jobs that could not be delivered (npm run jobs -- … or portal-jobs …)',
  commands: {
    dead: {
      usage: 'jobs dead [email|letter] [--limit N]   dead-lettered jobs, newest first',
      options: { limit: { type: 'string' } },
    },
    retry: { usage: 'jobs retry <email|letter> <job id>   send one again, with fresh attempts' },
    state: { usage: 'jobs state <email|letter> <job id>   waiting, active, completed, dead or unknown' },
  },
};

class UsageError extends Error {}

function queueName(value: string | undefined): JobQueueName {
  if (!value || !(JOB_QUEUE_NAMES as readonly string[]).includes(value))
    throw new UsageError(`queue must be one of ${JOB_QUEUE_NAMES.join(', ')} (got ${JSON.stringify(value)})`);
  return value as JobQueueName;
}

type Parsed =
  | { command: 'dead'; queues: JobQueueName[]; limit: number }
  | { command: 'retry' | 'state'; queue: JobQueueName; jobId: string };

/** The command line's meaning, checked before the queue is opened. */
function parse(command: string, positionals: string[], limitText: string | undefined): Parsed {
  if (command === 'dead') {
    if (positionals.length > 1) throw new UsageError(`dead takes at most one queue`);
    if (limitText !== undefined && (!/^\d+$/.test(limitText) || Number(limitText) < 1))
      throw new UsageError(`--limit must be a positive integer (got ${JSON.stringify(limitText)})`);
    return {
      command,
      queues: positionals[0] ? [queueName(positionals[0])] : [...JOB_QUEUE_NAMES],
      limit: limitText === undefined ? 50 : Number(limitText),
    };
  }
  const queue = queueName(positionals[0]);
  if (!positionals[1] || positionals.length > 2) throw new UsageError(`${command} needs one job id`);
  return { command: command as 'retry' | 'state', queue, jobId: positionals[1] };
}

async function main(argv: string[]): Promise<number> {
  const shell = readCommandLine(JOBS_CLI, argv);
  if (typeof shell === 'number') return shell;
  let parsed: Parsed;
  try {
    parsed = parse(shell.command!, shell.positionals, shell.values.limit as string | undefined);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`jobs: ${error.message}\n`);
    return 2;
  }
  const { config, logger } = boot('jobs-cli', { env: { LOG_LEVEL: 'warn', ...process.env } });
  const jobs = await createJobQueue(config, logger);
  try {
    switch (parsed.command) {
      case 'dead': {
        for (const queue of parsed.queues) {
          const dead = await jobs.listDead(queue, { limit: parsed.limit });
          process.stdout.write(`${queue}: ${await jobs.countDead(queue)} dead\n`);
          for (const job of dead)
            process.stdout.write(
              `  ${job.id}  failed ${new Date(job.failedAt).toISOString()}  after ${job.attemptsMade} attempt(s): ${job.lastError}\n`,
            );
        }
        return 0;
      }
      case 'retry': {
        const retried = await jobs.retryDead(parsed.queue, parsed.jobId);
        process.stdout.write(
          retried ? `${parsed.jobId}: queued again\n` : `${parsed.jobId}: no dead job with this id\n`,
        );
        return retried ? 0 : 1;
      }
      case 'state': {
        process.stdout.write(`${(await jobs.jobState(parsed.queue, parsed.jobId)) ?? 'unknown'}\n`);
        return 0;
      }
    }
  } finally {
    await jobs.close({ timeoutMs: 1000 });
  }
}

if (require.main === module)
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`jobs: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
