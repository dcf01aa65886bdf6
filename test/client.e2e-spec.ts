/**
 * The typed client (@portal/client) is generated from the OpenAPI document; this file fails when the
 * committed types differ from what the current routes and contract tables give, so a change to either
 * breaks `npm test` until `npm run client:generate` is run and its result committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiDocument } from '../apps/api/src/contract/write-document';
import { clientSchemaSource, SCHEMA_FILE } from '../libs/client/src/generate';

describe('@portal/client', () => {
  it('is generated from the current OpenAPI document (run `npm run client:generate` when this fails)', async () => {
    const committed = readFileSync(join(__dirname, '..', SCHEMA_FILE), 'utf8');
    const current = await clientSchemaSource(await apiDocument());
    // A line-by-line comparison names the first difference rather than printing 13,000 lines.
    const [a, b] = [committed.split('\n'), current.split('\n')];
    const first = a.findIndex((line, i) => line !== b[i]);
    expect({
      firstDifferentLine: first === -1 && a.length !== b.length ? Math.min(a.length, b.length) : first,
      committed: a[first],
      current: b[first],
    }).toEqual({ firstDifferentLine: -1, committed: undefined, current: undefined });
  }, 60_000);
});
