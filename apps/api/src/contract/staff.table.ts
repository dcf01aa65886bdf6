/** Plan staff: support (accounts, activations, dead letters), audit, and admin. */
import type { Schema, Table } from './operation';
import { SUPPORT_PASSKEYS } from './passkeys.table';
import { pageOf, ref } from './schemas';

const ACCOUNT_NOT_FOUND = { 404: ['ACCOUNT_NOT_FOUND'] };
/** What asking for a read-model job answers (`askForReadModelJob`). */
const JOB_ANSWER: Schema = {
  type: 'object',
  properties: {
    started: {
      type: 'boolean',
      description: 'False when a job of that kind was already pending or running.',
    },
    id: { type: 'string', format: 'uuid' },
    status: { type: 'string' },
    rebuilding: ref('ReadModelRequest'),
    comparing: ref('ReadModelRequest'),
  },
  required: ['started'],
};
const job = (what: string) => ({
  status: 202,
  description: what,
  schema: JOB_ANSWER,
  example: { started: true, id: '7d0f3a8e-1c55-4f0e-b1d2-8a6c4e2f9b31', status: 'pending' },
});
const accountDetail: Schema = {
  allOf: [
    ref('AccountSummary'),
    {
      type: 'object',
      properties: { kind: { type: 'string' }, registered: { type: 'boolean' } },
      required: ['registered'],
    },
  ],
};

export const SUPPORT: Table = {
  ...SUPPORT_PASSKEYS,
  'GET /v1/support/accounts': {
    success: {
      status: 200,
      description: 'The accounts found (one search key at a time).',
      schema: pageOf(ref('AccountSummary')),
    },
    errors: { 400: ['INVALID_SEARCH', 'INVALID_CURSOR'] },
  },
  'GET /v1/support/accounts/{accountId}': {
    success: {
      status: 200,
      description: 'The account, its personal data shown (the access is recorded).',
      schema: accountDetail,
    },
    errors: ACCOUNT_NOT_FOUND,
  },
  'GET /v1/support/accounts/{accountId}/history': {
    success: {
      status: 200,
      description: "The account's history, oldest first.",
      schema: pageOf(ref('HistoryEntry')),
    },
    errors: { 400: ['INVALID_CURSOR'], ...ACCOUNT_NOT_FOUND },
  },
  'POST /v1/support/accounts/{accountId}/unlock': {
    success: {
      status: 200,
      description: 'The lock is lifted.',
      schema: {
        type: 'object',
        properties: { unlocked: { type: 'boolean', enum: [true] } },
        required: ['unlocked'],
        additionalProperties: false,
      },
    },
    errors: { ...ACCOUNT_NOT_FOUND, 409: ['NOT_LOCKED'], 422: ['ERASED'] },
  },
  'POST /v1/support/accounts/{accountId}/temporary-password': {
    success: {
      status: 202,
      description: 'A temporary password is emailed to the account holder.',
      schema: ref('Sent'),
    },
    errors: { ...ACCOUNT_NOT_FOUND, 403: ['ACCOUNT_DEACTIVATED'], 422: ['ERASED', 'NOT_REGISTERED'] },
  },
  'POST /v1/support/accounts/{accountId}/username-reminder': {
    success: {
      status: 202,
      description: '`sent` is false when the account has no username or email to send.',
      schema: ref('Sent'),
    },
    errors: { ...ACCOUNT_NOT_FOUND, 422: ['ERASED'] },
  },
  'POST /v1/support/accounts/{accountId}/deactivate': {
    success: {
      status: 200,
      description: 'Deactivated (`false`: it was not active, nothing changed); the member is emailed.',
      schema: {
        type: 'object',
        properties: { deactivated: { type: 'boolean' } },
        required: ['deactivated'],
        additionalProperties: false,
      },
      example: { deactivated: true },
    },
    errors: { ...ACCOUNT_NOT_FOUND, 422: ['ERASED'] },
  },
  'GET /v1/support/activations': {
    success: {
      status: 200,
      description: 'Activations by mail in flight.',
      schema: pageOf({
        type: 'object',
        properties: { accountId: { type: 'string', format: 'uuid' } },
        required: ['accountId'],
      }),
    },
    errors: { 400: ['INVALID_CURSOR'] },
  },
  'GET /v1/support/dead-letters/{queue}': {
    success: {
      status: 200,
      description: 'The jobs that failed for good in one queue.',
      schema: {
        type: 'object',
        properties: {
          queue: { type: 'string' },
          count: { type: 'integer' },
          items: { type: 'array', items: { type: 'object' } },
        },
        required: ['queue', 'count', 'items'],
      },
    },
    errors: { 400: ['QUEUE_UNKNOWN'], 503: ['DEAD_LETTERS_UNAVAILABLE'] },
  },
  'POST /v1/support/dead-letters/{queue}/{jobId}/retry': {
    success: {
      status: 202,
      description: 'The job is queued again.',
      schema: {
        type: 'object',
        properties: { queued: { type: 'boolean', enum: [true] } },
        required: ['queued'],
        additionalProperties: false,
      },
    },
    errors: { 400: ['QUEUE_UNKNOWN'], 404: ['DEAD_JOB_NOT_FOUND'], 503: ['DEAD_LETTERS_UNAVAILABLE'] },
  },
};

export const AUDIT: Table = {
  'GET /v1/audit/events': {
    success: {
      status: 200,
      description: 'One event per line (NDJSON), as stored; revisions and positions as decimal strings.',
      contentType: 'application/x-ndjson',
      schema: { type: 'string', description: 'Newline-delimited JSON: one event object per line.' },
      example:
        '{"streamId":"account-4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10","revision":"0","type":"Registered","data":{}}\n',
    },
    errors: {
      400: ['AUDIT_INVALID_OPTIONS'],
      404: ['AUDIT_STREAM_NOT_FOUND'],
      500: ['AUDIT_EVENT_UNREADABLE'],
    },
  },
  'GET /v1/audit/accounts/{accountId}/state': {
    success: {
      status: 200,
      description: "The account's state then (secrets shown only as present or not).",
      schema: { type: 'object' },
    },
    errors: {
      400: ['AUDIT_INVALID_OPTIONS'],
      404: ['AUDIT_ACCOUNT_NOT_FOUND', 'AUDIT_BEFORE_FIRST_EVENT', 'AUDIT_REVISION_NOT_FOUND'],
      500: ['AUDIT_EVENT_UNREADABLE'],
    },
  },
  'GET /v1/audit/verify': {
    success: {
      status: 200,
      description: 'Whether every hash chain is intact, and the first broken link of each that is not.',
      schema: {
        type: 'object',
        properties: { intact: { type: 'boolean' }, breaks: { type: 'array', items: { type: 'object' } } },
        required: ['intact', 'breaks'],
      },
    },
    errors: {
      400: ['AUDIT_INVALID_OPTIONS'],
      404: ['AUDIT_STREAM_NOT_FOUND'],
      500: ['AUDIT_EVENT_UNREADABLE'],
    },
  },
  'GET /v1/audit/verify/progress': {
    success: {
      status: 200,
      description:
        'NDJSON, one object a line, sent as the verification goes: `{"progress":{"events","streams","breaks","firstBreak"?}}` at the start, ' +
        'every `progressEvery` events read and at the end (`firstBreak`, the first broken link met so far, as soon as there is one); ' +
        'then `{"result":…}`, what `GET /v1/audit/verify` answers. No total is given: the event store has no count of its events. ' +
        'Should the pass fail once started, the last line is `{"error":{"code":"AUDIT_VERIFY_FAILED","message"}}` instead of the result. ' +
        'A client that closes the connection stops the pass.',
      contentType: 'application/x-ndjson',
      schema: {
        type: 'string',
        description: 'Newline-delimited JSON: progress lines, then one result line.',
      },
      example:
        '{"progress":{"events":0,"streams":0,"breaks":0}}\n' +
        '{"progress":{"events":1000,"streams":91,"breaks":1,"firstBreak":{"streamId":"account-4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10","revision":"0","eventId":"0193a3c4-7f1e-7c2a-9b1d-3e5f7a9c1b2d","reason":"hash-mismatch"}}}\n' +
        '{"result":{"intact":false,"streams":91,"events":1000,"breaks":[{"streamId":"account-4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10","revision":"0","eventId":"0193a3c4-7f1e-7c2a-9b1d-3e5f7a9c1b2d","reason":"hash-mismatch"}],"firstBreak":{"streamId":"account-4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10","revision":"0","eventId":"0193a3c4-7f1e-7c2a-9b1d-3e5f7a9c1b2d","reason":"hash-mismatch"}}}\n',
    },
    errors: {
      400: ['AUDIT_INVALID_OPTIONS'],
      404: ['AUDIT_STREAM_NOT_FOUND'],
      500: ['AUDIT_EVENT_UNREADABLE'],
    },
  },
  'POST /v1/audit/read-models/compare': {
    success: job('A comparison is asked for (or one is already under way).'),
    errors: { 409: ['REBUILD_IN_PROGRESS'] },
  },
  'GET /v1/audit/read-models/compare': {
    success: {
      status: 200,
      description: 'The last comparison to finish, with its report; `{}` before the first.',
      schema: { type: 'object', properties: { lastCompare: ref('ReadModelRequest') } },
    },
  },
  'GET /v1/audit/read-models/compare/{id}': {
    success: {
      status: 200,
      description: 'The comparison, with its report once done.',
      schema: ref('ReadModelRequest'),
    },
    errors: { 404: ['READ_MODEL_REQUEST_NOT_FOUND'] },
  },
};

const SIGNED_IN: Schema = {
  type: 'object',
  properties: {
    staffId: { type: 'string' },
    roles: { type: 'array', items: { type: 'string', enum: ['support', 'auditor', 'admin'] } },
    idleSeconds: { type: 'integer' },
    absoluteSeconds: { type: 'integer' },
  },
  required: ['staffId', 'roles', 'idleSeconds', 'absoluteSeconds'],
};
const SIGNED_IN_EXAMPLE = {
  staffId: 'sam.support',
  roles: ['support'],
  idleSeconds: 900,
  absoluteSeconds: 28800,
};
/** Every answer of the single sign-on redirects: to the provider, or back to the console. */
const redirect = (description: string) => ({
  success: { status: 302, description },
});

/** The console's sign-in for people (password + authenticator code, or single sign-on) and sign-out. */
export const STAFF_SESSION: Table = {
  'POST /v1/staff/session': {
    success: {
      status: 200,
      description:
        'Signed in: recorded as `StaffSignedIn` on `staff-<staffId>:sign-ins` (the code is then spent, on every instance), and sets the `staff_session` cookie (HttpOnly, SameSite=Strict, Secure but on loopback HTTP) of a session any API instance accepts.',
      schema: SIGNED_IN,
      example: SIGNED_IN_EXAMPLE,
    },
    errors: { 401: ['STAFF_UNAUTHENTICATED'] },
  },
  'GET /v1/staff/session': {
    success: {
      status: 200,
      description: 'Who is signed in (the session cookie or bearer credential), with the roles held now.',
      schema: SIGNED_IN,
      example: SIGNED_IN_EXAMPLE,
    },
  },
  'GET /v1/staff/sso': {
    success: {
      status: 200,
      description: 'Whether single sign-on (OpenID Connect, OIDC_ISSUER) is configured.',
      schema: { type: 'object', properties: { enabled: { type: 'boolean' } }, required: ['enabled'] },
      example: { enabled: true },
    },
  },
  'GET /v1/staff/sso/start': redirect(
    'To the provider (authorization code flow, PKCE S256, state, nonce), setting the sealed `staff_sso` flow ' +
      'cookie (HttpOnly, SameSite=Lax, Path=/v1/staff/sso, 10 minutes); to `/console/?sso=off` when single ' +
      'sign-on is not configured, `/console/?sso=unavailable` when the provider does not answer.',
  ),
  'GET /v1/staff/sso/callback': redirect(
    "The provider's way back. Signed in: recorded as `StaffSignedIn` (method `sso`) on `staff-<staffId>:sign-ins`, " +
      'sets `staff_session` and goes to `/console/?sso=signed-in`. Refused ' +
      '(counted in staff-refusals): `/console/?sso=no-role` when the roles claim maps to no staff role, ' +
      '`/console/?sso=refused` for anything else (state, code or id token not accepted, the flow cookie ' +
      'missing or expired, a disabled member).',
  ),
  'DELETE /v1/staff/session': {
    success: {
      status: 204,
      description:
        'Signed out: the session ends on every instance, the cookie is cleared, and a live session’s end is recorded as `StaffSignedOut`.',
    },
    errors: { 401: ['STAFF_UNAUTHENTICATED'] },
  },
};

export const ADMIN: Table = {
  'GET /v1/admin/read-models': {
    success: {
      status: 200,
      description: 'The serving generation, its checkpoint and document counts, and any job asked for.',
      schema: {
        type: 'object',
        properties: {
          generation: { type: 'integer' },
          checkpoint: { type: 'string', nullable: true },
          documents: { type: 'object', additionalProperties: { type: 'integer' } },
          request: ref('ReadModelRequest'),
          rebuilding: ref('ReadModelRequest'),
          comparing: ref('ReadModelRequest'),
          lastRebuild: ref('ReadModelRequest'),
          lastCompare: ref('ReadModelRequest'),
        },
        required: ['generation', 'checkpoint', 'documents'],
      },
    },
  },
  'POST /v1/admin/read-models/rebuild': {
    success: job('A rebuild is asked for (or a job is already under way).'),
    errors: { 409: ['REBUILD_IN_PROGRESS'] },
  },
  'POST /v1/admin/read-models/compare': {
    success: job('A comparison is asked for (or a job is already under way).'),
    errors: { 409: ['REBUILD_IN_PROGRESS'] },
  },
  'POST /v1/admin/accounts/{accountId}/erase': {
    success: {
      status: 200,
      description: "The account's personal data is erased.",
      schema: {
        type: 'object',
        properties: { erased: { type: 'boolean', enum: [true] } },
        required: ['erased'],
        additionalProperties: false,
      },
    },
    errors: ACCOUNT_NOT_FOUND,
  },
};

const READINESS: Schema = {
  type: 'object',
  properties: {
    ready: { type: 'boolean' },
    checks: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { ok: { type: 'boolean' }, error: { type: 'string' } },
        required: ['ok'],
      },
    },
  },
  required: ['ready', 'checks'],
};

export const OPERATIONS: Table = {
  'GET /health': {
    success: {
      status: 200,
      description: 'The process is up.',
      schema: {
        type: 'object',
        properties: { status: { type: 'string', enum: ['ok'] } },
        required: ['status'],
      },
      example: { status: 'ok' },
    },
  },
  'GET /health/ready': {
    success: {
      status: 200,
      description: 'Every dependency answers.',
      schema: READINESS,
    },
    also: [
      { status: 503, description: 'A dependency does not answer: the report names it.', schema: READINESS },
    ],
  },
};
