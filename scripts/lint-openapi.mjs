// `npm run lint:openapi`: writes the document the API serves (built by `npm run build`) to a temporary
// file and lints it with Redocly CLI under redocly.yaml. Offline: no telemetry, no update check.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'portal-openapi-lint-'));
const file = join(dir, 'openapi.json');
try {
  execFileSync(process.execPath, ['dist/apps/api/src/contract/write-document.js', file], {
    stdio: 'inherit',
  });
  execFileSync(
    process.execPath,
    ['node_modules/@redocly/cli/bin/cli.js', 'lint', file, '--config', 'redocly.yaml', '--format', 'stylish'],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_UPDATE_NOTIFIER: '1',
      },
    },
  );
} catch {
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
