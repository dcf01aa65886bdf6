/**
 * The client's types from the API's OpenAPI document (openapi-typescript), as the tool writes them
 * (the file is left out of prettier and eslint). `npm run client:generate` writes them to schema.d.ts;
 * test/client.e2e-spec.ts fails when the committed file differs from what the current document gives.
 */
import openapiTS, { astToString } from 'openapi-typescript';

export const SCHEMA_FILE = 'libs/client/src/schema.d.ts';

const HEADER =
  '/**\n * Generated from the OpenAPI document by `npm run client:generate`: do not edit.\n' +
  ' * test/client.e2e-spec.ts fails when it differs from what the current routes and contract give.\n */\n\n';

export async function clientSchemaSource(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as never, { alphabetize: true });
  return HEADER + astToString(ast);
}
