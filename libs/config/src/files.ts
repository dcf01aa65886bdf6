/**
 * Files and directories the embedded mode keeps under DATA_DIR (SQLite stores,
 * secrets, the outbox) are readable by the service's own user only, whatever the
 * umask of the shell or supervisor that started it.
 */
import { chmodSync, closeSync, fchmodSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Creates `dir` and any missing parent as 0700. A directory that already exists is left as it is. */
export function makeOwnerOnlyDir(dir: string): void {
  const first = mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (first === undefined) return;
  // The mode given to mkdir is masked by the umask; chmod is not.
  const top = resolve(first);
  for (let d = resolve(dir); ; d = dirname(d)) {
    chmodSync(d, 0o700);
    if (d === top || d === dirname(d)) break;
  }
}

/**
 * Creates `file` empty and 0600 (and its directory 0700) unless it exists, so that a
 * store opening it afterwards keeps that mode. SQLite gives the -wal and -shm files it
 * makes beside a database the database file's own permissions.
 */
export function makeOwnerOnlyFile(file: string): void {
  makeOwnerOnlyDir(dirname(file));
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  try {
    fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}
