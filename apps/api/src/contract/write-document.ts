/**
 * The API's OpenAPI document, from the routes and the contract's tables, without listening: the API
 * module boots on the embedded adapters in a throwaway DATA_DIR and the document is read in-process.
 * `node dist/apps/api/src/contract/write-document.js <file>` writes it (the lint and the typed client
 * read it from there); `apiDocument()` gives it to tests.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { boot, CoreModule, createHttpApp } from '@portal/runtime';
import { ApiModule } from '../api.module';
import { PORTAL_ERROR_STATUS } from '../errors';
import { API_DESCRIPTION, completeApiDocument } from '../openapi';

/** What apps/api/src/main.ts serves at /docs/json. */
export async function apiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-openapi-'));
  try {
    const b = boot('openapi', {
      env: { DATA_DIR: dataDir, NODE_ENV: 'development', ROLES: 'api', LOG_LEVEL: 'error' },
      logDestination: new Writable({ write: (_chunk, _encoding, done) => done() }),
    });
    const app = await createHttpApp(
      { module: class OpenApiDocumentModule {}, imports: [CoreModule.forRoot(b), ApiModule] },
      {
        logger: b.logger,
        metrics: b.metrics,
        title: 'Portal account service',
        description: API_DESCRIPTION,
        errorMapping: { domainStatus: PORTAL_ERROR_STATUS },
        completeDocument: completeApiDocument,
      },
    );
    try {
      await app.init();
      const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs/json' });
      if (res.statusCode !== 200) throw new Error(`/docs/json answered ${res.statusCode}`);
      return JSON.parse(res.body) as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: write-document.js <file>\n');
    process.exit(2);
  }
  apiDocument().then(
    (doc) => {
      writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
      // The app's pools and timers are closed; anything left (a driver's keep-alive) must not hold the script.
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`write-document: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
