// `npm run client:generate`: the typed client's types (libs/client/src/schema.d.ts) from the document the
// API serves, as built by `npm run build`. test/client.e2e-spec.ts checks the committed file is current.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { apiDocument } = require('../dist/apps/api/src/contract/write-document.js');
const { clientSchemaSource, SCHEMA_FILE } = require('../dist/libs/client/src/generate.js');

const source = await clientSchemaSource(await apiDocument());
writeFileSync(SCHEMA_FILE, source);
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
// The app is closed; a driver's idle timer must not keep the script alive.
process.exit(0);
