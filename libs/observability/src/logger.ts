/**
 * JSON logs (pino). Logs carry ids, codes, routes and timings, never personal
 * data or secrets: request bodies and query strings are not logged at all, and
 * the redaction below is the second line of defence for fields that slip
 * into a log call by mistake.
 */
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line, at any depth pino can redact (top level and one level down). */
export const SENSITIVE_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'temporaryPassword',
  'passwordHash',
  'code',
  'otp',
  'activationCode',
  'recoveryCode',
  'securityAnswer',
  'answer',
  'token',
  'sessionToken',
  'authorization',
  'cookie',
  'secret',
  'dateOfBirth',
  'email',
  'phone',
  'firstName',
  'lastName',
  'address',
  'memberId',
  'username',
];

export function createLogger(options: {
  level: string;
  name?: string;
  destination?: pino.DestinationStream;
}): Logger {
  const paths = [
    ...SENSITIVE_KEYS,
    ...SENSITIVE_KEYS.map((k) => `*.${k}`),
    'req.headers.authorization',
    'req.headers.cookie',
  ];
  return pino(
    {
      level: options.level,
      name: options.name,
      base: { service: 'portal-accounts', ...(options.name ? { component: options.name } : {}) },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}
