import type { OpenAPIObject } from '@nestjs/swagger';
import { completeDocument } from './complete-document';
import type { Table } from './operation';

const derived = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/v1/login': { post: { requestBody: { content: {} }, responses: { '429': { description: 'limited' } } } },
    '/v1/me': { get: { security: [{ session: [] }], responses: {} } },
  },
  components: {
    schemas: {},
    securitySchemes: { session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  },
});
const portal: Table = {
  'POST /v1/login': {
    success: { status: 200, description: 'ok', schema: { type: 'object' } },
    errors: { 401: ['INVALID_CREDENTIALS'] },
  },
  'GET /v1/me': { success: { status: 200, description: 'me', schema: { type: 'object' } } },
};
type Responses = Record<string, { content?: Record<string, { schema: { allOf: unknown[] } }> }>;
const codesOf = (responses: Responses, status: string) =>
  (
    responses[status].content!['application/json'].schema.allOf[1] as {
      properties: { error: { properties: { code: { enum: string[] } } } };
    }
  ).properties.error.properties.code.enum;

describe('completeDocument', () => {
  it('refuses a route without a declaration and a declaration without a route, naming each', () => {
    const { 'GET /v1/me': _me, ...withoutMe } = portal;
    expect(() => completeDocument(derived(), { portal: withoutMe })).toThrow(
      /GET \/v1\/me has no declaration/,
    );
    const extra = { ...portal, 'POST /v1/logout': portal['GET /v1/me'] };
    expect(() => completeDocument(derived(), { portal: extra })).toThrow(
      /POST \/v1\/logout is declared in the portal table but no such route exists/,
    );
  });

  it('skips an area none of whose routes the process serves', () => {
    const other: Table = { 'GET /v1/admin/x': portal['GET /v1/me'] };
    expect(() => completeDocument(derived(), { portal, other })).not.toThrow();
  });

  it("adds what the route's inputs and guards imply to the declared codes, and says the tokens are opaque", () => {
    const doc = completeDocument(derived(), { portal });
    const login = doc.paths['/v1/login'].post!.responses as Responses;
    expect(Object.keys(login)).toEqual(['200', '400', '401', '409', '413', '415', '429', '500', '503']);
    expect(codesOf(login, '400')).toEqual(['BAD_REQUEST', 'JSON_TOO_DEEP', 'VALIDATION_FAILED']);
    expect(codesOf(login, '401')).toEqual(['INVALID_CREDENTIALS']);
    expect(doc.paths['/v1/login'].post!.security).toEqual([]);
    const me = doc.paths['/v1/me'].get!.responses as Responses;
    expect(codesOf(me, '401')).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(me, '403')).toEqual(['PASSWORD_CHANGE_REQUIRED']);
    expect(doc.components!.securitySchemes!.session).toMatchObject({ bearerFormat: 'opaque' });
  });
});
