/** The console built into a service build (where the compiled API looks for it: `<build>/console`). */
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Build, ROOT } from './service-process';

export function buildConsole(build: Build): void {
  const target = join(build.dir, 'console');
  if (existsSync(join(target, 'index.html'))) return;
  const scratch = `${target}.${process.pid}`;
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'apps/console/vite.config.mjs',
      '--outDir',
      scratch,
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  // Another suite may have finished the same build meanwhile: either copy is the same.
  if (!existsSync(join(target, 'index.html'))) renameSync(scratch, target);
  else rmSync(scratch, { recursive: true, force: true });
}
