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
import { boot, createJobQueue } from '@portal/runtime';

const USAGE =
  'usage: npm run jobs -- dead [email|letter] [--limit N] | retry <queue> <job id> | state <queue> <job id>';

function queueName(value: string | undefined): JobQueueName {
  if (!value || !(JOB_QUEUE_NAMES as readonly string[]).includes(value))
    throw new Error(`queue must be one of ${JOB_QUEUE_NAMES.join(', ')} (got ${JSON.stringify(value)})`);
  return value as JobQueueName;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { config, logger } = boot('jobs-cli', { env: { LOG_LEVEL: 'warn', ...process.env } });
  const jobs = await createJobQueue(config, logger);
  try {
    switch (command) {
      case 'dead': {
        const limitAt = rest.indexOf('--limit');
        const limit = limitAt === -1 ? 50 : Number(rest[limitAt + 1]);
        const queues = rest[0] && !rest[0].startsWith('--') ? [queueName(rest[0])] : [...JOB_QUEUE_NAMES];
        for (const queue of queues) {
          const dead = await jobs.listDead(queue, { limit });
          process.stdout.write(`${queue}: ${await jobs.countDead(queue)} dead\n`);
          for (const job of dead)
            process.stdout.write(
              `  ${job.id}  failed ${new Date(job.failedAt).toISOString()}  after ${job.attemptsMade} attempt(s): ${job.lastError}\n`,
            );
        }
        return 0;
      }
      case 'retry': {
        const queue = queueName(rest[0]);
        if (!rest[1]) throw new Error('retry needs a job id');
        const retried = await jobs.retryDead(queue, rest[1]);
        process.stdout.write(
          retried ? `${rest[1]}: queued again\n` : `${rest[1]}: no dead job with this id\n`,
        );
        return retried ? 0 : 1;
      }
      case 'state': {
        const queue = queueName(rest[0]);
        if (!rest[1]) throw new Error('state needs a job id');
        process.stdout.write(`${(await jobs.jobState(queue, rest[1])) ?? 'unknown'}\n`);
        return 0;
      }
      default:
        process.stderr.write(`${USAGE}\n`);
        return 64;
    }
  } finally {
    await jobs.close({ timeoutMs: 1000 });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`jobs: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(1);
  },
);
