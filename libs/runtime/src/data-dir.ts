/**
 * DATA_DIR at start-up: the embedded adapters' files live there, so a process that
 * will use one checks first that it can write there, and stops with one line
 * naming DATA_DIR (not an EACCES stack from deep inside an adapter) when it cannot.
 * With EVENTSTORE_URL, MONGO_URL and REDIS_URL set (and SMTP_URL and
 * LETTER_VENDOR_URL for the worker) nothing is written to local disk and the
 * directory is not touched at all: the image's file system may then be read-only.
 */
import type { AppConfig } from '@portal/config';
import { accessSync, constants, mkdirSync } from 'node:fs';

/** What this process would keep in DATA_DIR, given its adapters and roles; empty when nothing. */
export function dataDirUses(config: AppConfig): string[] {
  const uses: string[] = [];
  if (config.eventStore.kind === 'sqlite') uses.push('the event store');
  if (config.readModels.kind === 'sqlite') uses.push('the read models, data keys and sessions');
  if (config.jobs.kind === 'in-process') uses.push('the job queue');
  if (config.roles.has('worker')) {
    if (config.email.kind === 'outbox') uses.push('the email outbox');
    if (config.letters.kind === 'outbox') uses.push('the letter outbox');
  }
  return uses;
}

/** Null when DATA_DIR is writable or not needed; otherwise the one-line reason to stop. */
export function checkDataDir(config: AppConfig): string | null {
  const uses = dataDirUses(config);
  if (uses.length === 0) return null;
  try {
    mkdirSync(config.dataDir, { recursive: true });
    accessSync(config.dataDir, constants.W_OK | constants.X_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return (
      `DATA_DIR (${config.dataDir}) cannot be written (${code}), and this process keeps ${uses.join(', ')} there. ` +
      'Point DATA_DIR at a writable directory (a volume), or set EVENTSTORE_URL, MONGO_URL and REDIS_URL ' +
      '(and SMTP_URL and LETTER_VENDOR_URL for the worker) so that nothing is kept on local disk.'
    );
  }
}
