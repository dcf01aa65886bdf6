/** Passkeys (apps/api/src/portal/passkeys): the owner's, and signing in with one. Spread into PORTAL. */
import type { Schema, Table } from './operation';
import { ref } from './schemas';

const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
const PASSKEY: Schema = {
  type: 'object',
  properties: {
    passkeyId: str({ format: 'uuid' }),
    name: str(),
    registeredAt: str({ format: 'date-time' }),
    lastUsedAt: str({ format: 'date-time', description: 'Absent until it is first used to sign in.' }),
    synced: { type: 'boolean', description: 'Synced across the owner’s devices, or bound to one.' },
  },
  required: ['passkeyId', 'name', 'registeredAt', 'synced'],
  additionalProperties: false,
};
/** WebAuthn's own JSON (PublicKeyCredential*OptionsJSON): open, since browsers add members. */
const options = (what: string): Schema => ({
  type: 'object',
  description: `The options for ${what}, base64url where WebAuthn has bytes (PublicKeyCredential.parse…OptionsFromJSON).`,
  properties: {
    challenge: str({ description: 'Single use, valid 5 minutes.' }),
    rpId: str(),
    timeout: { type: 'integer' },
  },
  required: ['challenge'],
});
const session = {
  status: 200,
  description: 'Signed in: the session token and when it ends.',
  schema: ref('SessionGranted'),
};
const INACTIVE = { 403: ['ACCOUNT_DEACTIVATED'], 422: ['ERASED', 'NOT_REGISTERED'] };
/** A passkey that did not sign in: each is counted toward the lock but a spent challenge. */
const REFUSED = [
  'INVALID_CREDENTIALS',
  'PASSKEY_REFUSED',
  'PASSKEY_CHALLENGE_INVALID',
  'PASSKEY_SIGN_COUNT_REGRESSED',
  'PASSKEY_UNKNOWN',
];

export const PASSKEYS: Table = {
  'POST /v1/me/passkeys/options': {
    success: { status: 200, description: 'For navigator.credentials.create().', schema: options('create()') },
    errors: { ...INACTIVE, 403: ['ACCOUNT_DEACTIVATED', 'STEP_UP_REQUIRED'] },
  },
  'POST /v1/me/passkeys': {
    success: { status: 201, description: 'The passkey is added.', schema: PASSKEY },
    errors: {
      ...INACTIVE,
      400: ['VALIDATION_FAILED'],
      401: ['PASSKEY_REFUSED', 'PASSKEY_CHALLENGE_INVALID', 'ACCOUNT_LOCKED'],
      403: ['ACCOUNT_DEACTIVATED', 'STEP_UP_REQUIRED'],
      409: ['PASSKEY_ALREADY_REGISTERED'],
    },
  },
  'GET /v1/me/passkeys': {
    success: {
      status: 200,
      description: 'The account’s passkeys.',
      schema: { type: 'array', items: PASSKEY },
    },
  },
  'PATCH /v1/me/passkeys/{passkeyId}': {
    success: { status: 204, description: 'Renamed.' },
    errors: { ...INACTIVE, 404: ['PASSKEY_NOT_FOUND'] },
  },
  'DELETE /v1/me/passkeys/{passkeyId}': {
    success: { status: 204, description: 'Removed: it no longer signs in.' },
    errors: { ...INACTIVE, 404: ['PASSKEY_NOT_FOUND'] },
  },
  'POST /v1/login/passkey/options': {
    success: {
      status: 200,
      description: 'For navigator.credentials.get(), for this login only.',
      schema: options('get()'),
    },
    errors: { 401: ['INVALID_CREDENTIALS', 'LOGIN_NOT_STARTED', 'PASSKEY_UNKNOWN'] },
  },
  'POST /v1/login/verify-passkey': {
    success: session,
    errors: { 422: ['ERASED'], 401: [...REFUSED, 'LOGIN_NOT_STARTED'] },
  },
  'POST /v1/login/passwordless/options': {
    success: {
      status: 200,
      description: 'For navigator.credentials.get() with a discoverable passkey.',
      schema: options('get()'),
    },
    errors: { 403: ['PASSWORDLESS_DISABLED'] },
  },
  'POST /v1/login/passwordless': {
    success: session,
    errors: {
      422: ['ERASED'],
      401: [...REFUSED, 'PASSKEY_USER_VERIFICATION_REQUIRED'],
      403: ['PASSWORDLESS_DISABLED'],
    },
  },
};

/** Support's: spread into SUPPORT. */
export const SUPPORT_PASSKEYS: Table = {
  'POST /v1/support/accounts/{accountId}/passkeys/{passkeyId}/remove': {
    success: {
      status: 200,
      description: 'The passkey no longer signs in; the reason is in the account’s history.',
      schema: {
        type: 'object',
        properties: { removed: { type: 'boolean', enum: [true] } },
        required: ['removed'],
        additionalProperties: false,
      },
    },
    errors: { 404: ['ACCOUNT_NOT_FOUND', 'PASSKEY_NOT_FOUND'], 422: ['ERASED'] },
  },
};
