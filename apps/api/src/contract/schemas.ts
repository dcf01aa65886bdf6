/**
 * Response bodies shared by several operations, as components of the document. Portal bodies are
 * closed (`additionalProperties: false`): a field added to an answer is a contract change the typed
 * client must see. Staff read models stay open past the fields named here.
 */
import { LOGIN_TOKEN_EXAMPLE } from '../portal/shared/login-token';
import type { Schema } from './operation';

export const ref = (name: keyof typeof COMPONENTS): Schema => ({ $ref: `#/components/schemas/${name}` });

const closed = (properties: Record<string, Schema>, required = Object.keys(properties)): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const open = (properties: Record<string, Schema>, required = Object.keys(properties)): Schema => ({
  type: 'object',
  properties,
  required,
});
const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
const uuid = str({ format: 'uuid' });
const dateTime = str({ format: 'date-time' });
const yes = { type: 'boolean', enum: [true] };

export const SESSION_TOKEN_EXAMPLE = 'q2N0bV8aF1pQm6cY3w0rZs9V4xJt7uKeLh5Gd8BnIoA';

/** The bodies, by component name. */
export const COMPONENTS = {
  // Open, so that each response can narrow `code` to its own list (an allOf with a closed schema would refuse it).
  Error: open({
    error: open(
      {
        code: str({
          description: 'Stable and greppable; the list each operation can answer is on its response.',
        }),
        message: str({ description: 'A sentence for the person; never quotes what they sent.' }),
        fields: {
          type: 'object',
          description: 'One message per bad field (dotted paths for nested ones).',
          additionalProperties: { type: 'string' },
        },
      },
      ['code', 'message'],
    ),
  }),
  LoginStarted: closed({
    loginToken: str({
      description:
        'Opaque (82 base64url characters): give it back at the second step. Names this login only.',
      example: LOGIN_TOKEN_EXAMPLE,
    }),
    secondFactor: str({
      enum: ['email-code', 'authenticator', 'passkey'],
      description:
        '`email-code`: a 6-digit code was emailed; `authenticator`: ask for the app’s code; `passkey`: ask for a passkey (POST /v1/login/passkey/options), or resend-code for an emailed code.',
    }),
  }),
  SessionGranted: closed({
    sessionToken: str({
      description: 'Opaque bearer token (43 base64url characters) for `Authorization: Bearer`. Not a JWT.',
      example: SESSION_TOKEN_EXAMPLE,
    }),
    mustChangePassword: {
      type: 'boolean',
      description:
        'True after a temporary password: only POST /v1/me/password (and GET /v1/me, logout) until changed.',
    },
    expiresAt: { ...dateTime, description: 'When the session ends however active it is.' },
    idleTimeoutSeconds: { type: 'integer', description: 'A session unused this long ends earlier.' },
  }),
  Me: closed(
    {
      username: str(),
      email: str(),
      phone: str({ example: '+15555550100' }),
      kind: str({ example: 'member' }),
      status: str({ example: 'active' }),
      emailVerified: { type: 'boolean' },
      mustChangePassword: { type: 'boolean' },
      authenticatorEnrolled: { type: 'boolean' },
    },
    ['kind', 'status', 'emailVerified', 'mustChangePassword', 'authenticatorEnrolled'],
  ),
  Organisation: closed({ kind: str({ enum: ['office', 'employer', 'payer'] }), id: str(), name: str() }),
  Permissions: closed(
    {
      accountId: uuid,
      kind: str(),
      office: closed({ officeId: str(), name: str(), status: str({ enum: ['pending', 'active'] }) }),
      organisation: { $ref: '#/components/schemas/Organisation' },
      functions: { type: 'array', items: str() },
    },
    ['accountId', 'functions'],
  ),
  AuthenticatorEnrolment: closed({
    enrolmentToken: str({ description: 'Opaque: give it back with the first code from the app.' }),
    secret: str({ description: 'Base32, for typing into the app by hand.' }),
    otpauthUri: str({ example: 'otpauth://totp/Portal:patexample?secret=JBSWY3DPEHPK3PXP&issuer=Portal' }),
    qrPngBase64: str({ description: 'The otpauth URI as a QR code (PNG, base64).' }),
  }),
  AuthenticatorEnrolmentRequired: closed({
    authenticatorRequired: {
      type: 'boolean',
      enum: [true],
      description: 'AUTHENTICATOR_REQUIRED is on and no app is set up: enrol this one to sign in.',
    },
    enrolmentToken: str({
      description:
        'Opaque: give it back to POST /v1/login/enrol-authenticator with the first code from the app.',
    }),
    secret: str({ description: 'Base32, for typing into the app by hand.' }),
    otpauthUri: str({ example: 'otpauth://totp/Portal:patexample?secret=JBSWY3DPEHPK3PXP&issuer=Portal' }),
    qrPngBase64: str({ description: 'The otpauth URI as a QR code (PNG, base64).' }),
  }),
  RecoveryCodes: closed({
    codes: { type: 'array', items: str({ pattern: '^[A-Z0-9]{10}$' }), minItems: 1 },
  }),
  ResetStarted: closed({
    resetToken: str({
      description: 'Opaque, one shape whether or not the username exists; give it to each later step.',
      example: LOGIN_TOKEN_EXAMPLE,
    }),
  }),
  SecurityQuestion: closed({
    resetToken: str({ description: 'Opaque; give it back with the answer.', example: LOGIN_TOKEN_EXAMPLE }),
    question: str({ example: 'Name of your first pet?' }),
  }),
  Registered: closed({ registered: yes }),
  Accepted: closed({ accepted: yes }),
  Sent: { ...closed({ sent: { type: 'boolean' } }), example: { sent: true } },
  Username: closed({ username: str({ example: 'patexample' }) }),
  Reactivated: closed({ reactivated: yes }),
  // Staff.
  Page: open(
    {
      items: { type: 'array', items: { type: 'object' } },
      next: str({ description: 'Pass as `after` for the next page; absent on the last one.' }),
    },
    ['items'],
  ),
  AccountSummary: open({
    accountId: uuid,
    status: str(),
    locked: { type: 'boolean' },
    personal: { type: 'object' },
  }),
  HistoryEntry: open(
    { at: dateTime, type: str(), text: str(), actor: { type: 'object' }, ip: str(), streamId: str() },
    ['at', 'type', 'text', 'actor', 'streamId'],
  ),
  ReadModelRequest: open(
    {
      id: uuid,
      kind: str({ enum: ['rebuild', 'compare'] }),
      status: str({ enum: ['pending', 'running', 'done', 'failed', 'abandoned'] }),
      requestedAt: dateTime,
      startedAt: dateTime,
      finishedAt: dateTime,
    },
    ['id', 'kind', 'status', 'requestedAt'],
  ),
  OfficeUser: open(
    {
      accountId: uuid,
      username: str(),
      firstName: str(),
      lastName: str(),
      email: str(),
      functions: { type: 'array', items: str() },
    },
    ['accountId', 'functions'],
  ),
  Functions: closed({ functions: { type: 'array', items: str() } }),
  AccountCreated: closed({ accountId: uuid }),
} satisfies Record<string, Schema>;

/** An example of each body, shown with the component wherever it is answered. */
const EXAMPLES: Partial<Record<keyof typeof COMPONENTS, unknown>> = {
  AccountSummary: {
    accountId: '4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10',
    status: 'active',
    locked: false,
    personal: { username: 'patexample', email: 'pat@example.com', firstName: 'Pat', lastName: 'Example' },
  },
  HistoryEntry: {
    at: '2026-04-01T09:30:00.000Z',
    type: 'LoginSucceeded',
    text: 'Signed in with an emailed code',
    actor: { kind: 'self' },
    streamId: 'account-4b1d7c1e-8a40-4c36-9d0e-2f5f3c1b2a10',
  },
  ReadModelRequest: {
    id: '7d0f3a8e-1c55-4f0e-b1d2-8a6c4e2f9b31',
    kind: 'compare',
    status: 'done',
    requestedAt: '2026-04-01T09:30:00.000Z',
    startedAt: '2026-04-01T09:30:01.000Z',
    finishedAt: '2026-04-01T09:30:09.000Z',
  },
  OfficeUser: {
    accountId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
    username: 'frontdesk1',
    firstName: 'Alex',
    lastName: 'Rivera',
    email: 'alex@clinic.example.com',
    functions: ['eligibility'],
  },
  Functions: { functions: ['eligibility', 'claims'] },
  AccountCreated: { accountId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a' },
  Permissions: {
    accountId: '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a',
    kind: 'provider-office',
    office: {
      officeId: 'b9c4e0f2-3b4e-4c8e-9a51-6f2d8e7c1a90',
      name: 'Main Street Clinic',
      status: 'active',
    },
    functions: ['users', 'eligibility'],
  },
};
for (const [name, example] of Object.entries(EXAMPLES))
  (COMPONENTS[name as keyof typeof COMPONENTS] as Schema).example = example;

export const pageOf = (item: Schema): Schema => ({
  allOf: [ref('Page'), { type: 'object', properties: { items: { type: 'array', items: item } } }],
});
