import { COMPONENTS } from './schemas';
import type { Document, Operation, Schema, Success, Table } from './operation';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface DerivedOperation {
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Every answer's statuses and error codes, from the tables and from what the derived operation shows. */
export function completeDocument(document: Document, tables: Record<string, Table>): Document {
  const doc = structuredClone(document) as Document;
  const derived = new Map<string, DerivedOperation>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, DerivedOperation | undefined>)[method];
      if (op) derived.set(`${method.toUpperCase()} ${path}`, op);
    }
  }
  const problems: string[] = [];
  const declared = new Map<string, Operation>();
  for (const [area, table] of Object.entries(tables)) {
    const keys = Object.keys(table);
    const present = keys.filter((key) => derived.has(key));
    // A process without this area's module (ROLES without `api`) serves none of its routes: nothing to check.
    if (present.length === 0) continue;
    for (const key of keys) {
      if (!derived.has(key))
        problems.push(`${key} is declared in the ${area} table but no such route exists`);
      else if (declared.has(key)) problems.push(`${key} is declared twice (${area})`);
      else declared.set(key, table[key]);
    }
  }
  for (const key of derived.keys())
    if (!declared.has(key)) problems.push(`${key} has no declaration in apps/api/src/contract`);
  if (problems.length > 0)
    throw new Error(`The OpenAPI contract and the routes differ:\n  ${problems.join('\n  ')}`);

  for (const [key, operation] of declared) {
    const op = derived.get(key)!;
    op.responses = responsesOf(key, op, operation);
    // Said outright: no credential at all, rather than none written down.
    if (!op.security) op.security = [];
  }
  doc.info.license ??= { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' };
  if (!doc.servers?.length)
    doc.servers = [{ url: '/', description: 'The service that serves this document' }];
  const schemas = (doc.components ??= {}).schemas ?? {};
  for (const [name, schema] of Object.entries(COMPONENTS)) {
    if (schemas[name])
      throw new Error(`The OpenAPI contract's component ${name} clashes with a request schema`);
    schemas[name] = schema;
  }
  doc.components.schemas = schemas;
  doc.components.securitySchemes = {
    ...doc.components.securitySchemes,
    session: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
      description:
        'The opaque session token a completed log on answers (`sessionToken`, 43 base64url characters; not a JWT: ' +
        'nothing to decode). Ends at `expiresAt`, after `idleTimeoutSeconds` unused, at logout, or at a password change.',
    },
    staff: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
      description:
        'A staff credential, `stf_<staff id>_<secret>`, issued by `npm run staff`. Opaque; not a JWT.',
    },
  };
  return doc;
}

function responsesOf(key: string, op: DerivedOperation, operation: Operation): Record<string, unknown> {
  const { success } = operation;
  const method = key.slice(0, key.indexOf(' '));
  const errors = new Map<number, Set<string>>();
  const add = (status: number, ...codes: string[]) => {
    const set = errors.get(status) ?? new Set<string>();
    for (const code of codes) set.add(code);
    errors.set(status, set);
  };
  const params = op.parameters ?? [];
  const security = (op.security ?? []).flatMap((s) => Object.keys(s));
  if (op.requestBody) {
    add(400, 'VALIDATION_FAILED', 'BAD_REQUEST', 'JSON_TOO_DEEP');
    add(413, 'PAYLOAD_TOO_LARGE');
    add(415, 'UNSUPPORTED_MEDIA_TYPE');
  }
  if (params.some((p) => p.in === 'path' || p.in === 'query')) add(400, 'VALIDATION_FAILED', 'BAD_REQUEST');
  if (security.includes('session')) {
    add(401, 'UNAUTHENTICATED');
    if (!operation.beforePasswordChange) add(403, 'PASSWORD_CHANGE_REQUIRED');
  }
  if (security.includes('staff')) {
    add(401, 'STAFF_UNAUTHENTICATED');
    add(403, 'STAFF_FORBIDDEN');
  }
  if (params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'x-access-reason')) {
    add(400, 'REASON_REQUIRED', 'REASON_INVALID');
    add(503, 'ACCESS_NOT_RECORDED');
  }
  const rateLimited = op.responses?.['429'] !== undefined;
  if (rateLimited) add(429, 'RATE_LIMITED');
  if (method !== 'GET') add(409, 'CONCURRENCY_CONFLICT');
  add(500, 'INTERNAL_ERROR');
  add(503, 'SHUTTING_DOWN', 'EVENT_STORE_UNAVAILABLE');
  for (const [status, codes] of Object.entries(operation.errors ?? {})) add(Number(status), ...codes);

  const responses: Record<string, unknown> = {};
  responses[String(success.status)] = answer(success);
  const others = new Map((operation.also ?? []).map((s) => [s.status, s]));
  for (const status of [...errors.keys()].sort((a, b) => a - b)) {
    const codes = [...errors.get(status)!].sort();
    const other = others.get(status);
    // The example shows the refusal this operation declares first, else a validation failure, else any.
    const declared = operation.errors?.[status]?.[0];
    const shown = declared ?? (codes.includes('VALIDATION_FAILED') ? 'VALIDATION_FAILED' : codes[0]);
    responses[String(status)] = {
      description: `${other ? `${other.description} Or an error: ` : 'Error codes: '}${codes.join(', ')}`,
      ...(status === 429
        ? {
            headers: {
              'Retry-After': {
                description: 'Seconds to wait before trying again.',
                schema: { type: 'integer' },
              },
            },
          }
        : {}),
      content: {
        'application/json': {
          schema: other?.schema ? { anyOf: [other.schema, errorWith(codes)] } : errorWith(codes),
          example: {
            error: { code: shown, message: EXAMPLE_MESSAGES[shown] ?? 'What went wrong, for the person.' },
          },
        },
      },
    };
  }
  return responses;
}

function answer(success: Success): Record<string, unknown> {
  if (!success.schema) return { description: success.description };
  const media = {
    schema: success.schema,
    ...(success.example === undefined ? {} : { example: success.example }),
  };
  return {
    description: success.description,
    content: { [success.contentType ?? 'application/json']: media },
  };
}

/** The error envelope, its `code` one of `codes`. */
function errorWith(codes: string[]): Schema {
  return {
    allOf: [
      { $ref: '#/components/schemas/Error' },
      {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            // message and fields again: a tool that closes each branch of an allOf must still admit them.
            properties: {
              code: { type: 'string', enum: codes },
              message: { type: 'string' },
              fields: { type: 'object' },
            },
          },
        },
      },
    ],
  };
}

const EXAMPLE_MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: 'Some fields are missing or not valid. Each is named in "fields".',
  INVALID_CREDENTIALS: 'The username or password is not right.',
  RATE_LIMITED: 'Too many attempts. Please wait and try again.',
  UNAUTHENTICATED: 'Sign in to continue.',
  PASSWORD_CHANGE_REQUIRED: 'Choose a new password before you continue.',
  LOGIN_NOT_STARTED: 'Start again by signing in.',
  CODE_INVALID: 'That code is not right.',
  ACCOUNT_NOT_FOUND: 'No account with this id.',
  STAFF_UNAUTHENTICATED:
    'A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>.',
  STAFF_FORBIDDEN: 'Your staff role does not allow this.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the request body as application/json.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  INTERNAL_ERROR: 'Something went wrong on our side. If it happens again, quote reference 3f2a9c1e-….',
  SHUTTING_DOWN: 'The service is restarting. Please try again.',
  CONCURRENCY_CONFLICT: 'The account changed while the request ran. Please try again.',
};
