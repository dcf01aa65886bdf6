/** Provider offices (and employers, producers, payers): registration, approval, and an office's own users. */
import type { Table } from './operation';
import { pageOf, ref } from './schemas';

const OFFICE_GATE = ['FUNCTION_NOT_GRANTED', 'OFFICE_NOT_APPROVED'];
const functions = {
  status: 200,
  description: "The user's functions now.",
  schema: ref('Functions'),
  example: { functions: ['users', 'claims'] },
};

export const OFFICES: Table = {
  'POST /v1/registrations/provider-office': {
    success: {
      status: 201,
      description: 'The office is registered, pending the plan’s approval of its first ID administrator.',
      schema: {
        type: 'object',
        properties: { officeId: { type: 'string' }, status: { type: 'string', enum: ['pending'] } },
        required: ['officeId', 'status'],
        additionalProperties: false,
      },
      example: { officeId: 'b9c4e0f2-3b4e-4c8e-9a51-6f2d8e7c1a90', status: 'pending' },
    },
    errors: { 409: ['OFFICE_ALREADY_REGISTERED', 'ALREADY_REGISTERED', 'USERNAME_TAKEN', 'EMAIL_TAKEN'] },
  },
  'POST /v1/offices/{officeId}/approve': {
    success: {
      status: 200,
      description: 'Approved: its first ID administrator may sign in and manage the office’s users.',
      schema: {
        type: 'object',
        properties: {
          officeId: { type: 'string' },
          status: { type: 'string', enum: ['active'] },
          administratorId: { type: 'string' },
        },
        required: ['officeId', 'status'],
        additionalProperties: false,
      },
    },
    errors: { 404: ['OFFICE_NOT_FOUND'], 409: ['OFFICE_ALREADY_APPROVED'] },
  },
  'POST /v1/plan-accounts': {
    success: {
      status: 201,
      description: 'The account is made; its holder gets a temporary password.',
      schema: ref('AccountCreated'),
    },
    errors: { 409: ['USERNAME_TAKEN', 'EMAIL_TAKEN', 'ALREADY_REGISTERED'] },
  },
  'GET /v1/support/offices': {
    success: {
      status: 200,
      description:
        'A page of the offices in that status (pending approval by default), ordered by office id; `next` while more remain. No tax id.',
      schema: pageOf({
        type: 'object',
        properties: {
          officeId: { type: 'string', format: 'uuid' },
          name: { type: 'string' },
          npi: { type: 'string' },
          status: { type: 'string', enum: ['pending', 'active'] },
          registeredAt: { type: 'string', format: 'date-time' },
          firstAdministrator: { type: 'string', format: 'uuid' },
          approved: {
            type: 'object',
            properties: { at: { type: 'string', format: 'date-time' }, by: { type: 'string' } },
            required: ['at', 'by'],
            additionalProperties: false,
          },
          users: { type: 'integer', minimum: 1, description: 'How many users the office has.' },
        },
        required: ['officeId', 'name', 'npi', 'status', 'registeredAt', 'firstAdministrator', 'users'],
        additionalProperties: false,
      }),
      example: {
        items: [
          {
            officeId: 'b9c4e0f2-3b4e-4c8e-9a51-6f2d8e7c1a90',
            name: 'Lakeside Family Medicine',
            npi: '1234567893',
            status: 'pending',
            registeredAt: '2026-11-20T09:00:00.000Z',
            firstAdministrator: '0b9c6a52-5d0e-4c4e-9a51-5b7d1f1f3c11',
            users: 1,
          },
        ],
        next: 'b9c4e0f2-3b4e-4c8e-9a51-6f2d8e7c1a90',
      },
    },
  },
  'GET /v1/support/offices/{officeId}': {
    success: {
      status: 200,
      description: 'The office.',
      schema: {
        type: 'object',
        properties: {
          officeId: { type: 'string' },
          name: { type: 'string' },
          npi: { type: 'string' },
          status: { type: 'string' },
          registeredAt: { type: 'string', format: 'date-time' },
        },
        required: ['officeId', 'name', 'status'],
      },
    },
    errors: { 404: ['OFFICE_NOT_FOUND'] },
  },
  'GET /v1/support/offices/{officeId}/history': {
    success: {
      status: 200,
      description: "The office's history, newest last.",
      schema: pageOf(ref('HistoryEntry')),
    },
    errors: { 400: ['INVALID_CURSOR'], 404: ['OFFICE_NOT_FOUND'] },
  },
  'GET /v1/office/users': {
    success: {
      status: 200,
      description: "The office's users.",
      schema: {
        type: 'object',
        properties: { items: { type: 'array', items: ref('OfficeUser') } },
        required: ['items'],
      },
    },
    errors: { 403: OFFICE_GATE },
  },
  'POST /v1/office/users': {
    success: {
      status: 201,
      description: 'The user is made and emailed a temporary password.',
      schema: ref('AccountCreated'),
    },
    errors: { 403: OFFICE_GATE, 409: ['OFFICE_USER_EXISTS', 'USERNAME_TAKEN', 'EMAIL_TAKEN'] },
  },
  'GET /v1/office/users/{accountId}': {
    success: { status: 200, description: 'One of the office’s users.', schema: ref('OfficeUser') },
    errors: { 403: OFFICE_GATE, 404: ['OFFICE_USER_NOT_FOUND'] },
  },
  'POST /v1/office/users/{accountId}/temporary-password': {
    success: {
      status: 202,
      description: 'A temporary password is emailed to the user.',
      schema: ref('Sent'),
    },
    errors: { 403: OFFICE_GATE, 404: ['OFFICE_USER_NOT_FOUND'] },
  },
  'PUT /v1/office/users/{accountId}/functions/{function}': {
    success: functions,
    errors: { 403: OFFICE_GATE, 404: ['OFFICE_USER_NOT_FOUND'] },
  },
  'DELETE /v1/office/users/{accountId}/functions/{function}': {
    success: functions,
    errors: { 403: OFFICE_GATE, 404: ['OFFICE_USER_NOT_FOUND'], 409: ['LAST_ADMINISTRATOR'] },
  },
};
