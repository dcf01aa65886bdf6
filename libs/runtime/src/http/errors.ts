/**
 * One error shape on every route: `{ error: { code, message, fields? } }`.
 * `code` is stable and greppable; `fields` names every bad field at once.
 */
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { DomainError } from '@portal/domain';
import { isUnreadableEvent } from '@portal/event-store';
import type { Logger } from '@portal/observability';

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export class ValidationFailedError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly fields: Record<string, string>) {
    super('Some fields are missing or not valid. Each is named in "fields".');
    this.name = 'ValidationFailedError';
  }
}

/** Deepest nesting of objects and arrays a JSON body may have; portal forms nest two or three levels. */
export const MAX_JSON_DEPTH = 32;

/** A body nested deeper than MAX_JSON_DEPTH, refused before it is parsed. */
export class JsonTooDeepError extends Error {
  readonly code = 'JSON_TOO_DEEP';
  readonly statusCode = 400;
  constructor() {
    super(`The request body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep.`);
    this.name = 'JsonTooDeepError';
  }
}

/**
 * class-validator errors → one message per field (dotted paths for nested objects): the
 * message of the field's first failing rule as the class lists its decorators (the top one;
 * class-validator runs and reports them bottom first, so it is the last reported), worded for
 * a person by `personWorded`. A missing last name reads "Enter your last name.", not every
 * rule's message joined.
 */
export function fieldsFromValidation(errors: ValidationError[], prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const messages = Object.values(e.constraints ?? {});
    const first = messages.at(-1);
    if (first !== undefined) fields[path] = personWorded(e.property, first);
    if (e.children?.length) Object.assign(fields, fieldsFromValidation(e.children, path));
  }
  return fields;
}

/** "dateOfBirth" → "date of birth". */
export function fieldLabel(property: string): string {
  return property.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** What a rule says when the value is missing (or not text at all): the field is to be filled in. */
const MISSING =
  / (must be a string|should not be empty|must not be blank|must be given|should not be null or undefined)$/;

/**
 * A rule's message as a form shows it beside the field: class-validator's and our own
 * messages name the property ("lastName must be a string"); that becomes the words a person
 * reads ("Enter your last name."). A message that does not start with the property is
 * already worded for a person ("Use at least 8 characters."), and an unknown property's
 * ("property remember should not exist") is for the developer sending it: both stay as they are.
 */
export function personWorded(property: string, message: string): string {
  if (message.startsWith('property ') && message.endsWith(' should not exist')) return message;
  const label = fieldLabel(property);
  const sentence = (text: string) => {
    const t = text.charAt(0).toUpperCase() + text.slice(1);
    return /[.!?]$/.test(t) ? t : `${t}.`;
  };
  if (!message.startsWith(`${property} `)) return sentence(message);
  if (MISSING.test(message)) return `Enter your ${label}.`;
  const rest = message.slice(property.length + 1);
  const longer = /^must be longer than or equal to (\d+) characters?$/.exec(rest);
  if (longer) return `Your ${label} needs at least ${longer[1]} characters.`;
  const shorter = /^must be shorter than or equal to (\d+) characters?$/.exec(rest);
  if (shorter) return `Your ${label} can have at most ${shorter[1]} characters.`;
  return sentence(`your ${label} ${rest}`);
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Errors from libraries that carry a stable code and an HTTP meaning (duck-typed: no import of the adapters). */
const INFRA_CODES: Record<string, { status: number; message: string }> = {
  CONCURRENCY_CONFLICT: {
    status: 409,
    message: 'The account changed while the request ran. Please try again.',
  },
  EVENT_STORE_UNAVAILABLE: {
    status: 503,
    message: 'The service is temporarily unavailable. Please try again.',
  },
  // The change was recorded but the account's sessions could not be ended: the caller must know and retry.
  SESSIONS_NOT_REVOKED: {
    status: 503,
    message: 'The change was saved, but signing out everywhere failed. Please try again.',
  },
  DOCUMENT_STORE_UNAVAILABLE: {
    status: 503,
    message: 'The service is temporarily unavailable. Please try again.',
  },
  JSON_TOO_DEEP: {
    status: 400,
    message: `The request body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep.`,
  },
  // The process is stopping: the load balancer should send the request to another instance.
  SHUTTING_DOWN: {
    status: 503,
    message: 'The service is restarting. Please try again.',
  },
  // Staff routes (apps/api/src/staff, libs/staff). One 401 message whatever was wrong with the credential.
  STAFF_UNAUTHENTICATED: {
    status: 401,
    message: 'A valid staff credential is required: Authorization: Bearer stf_<staff id>_<secret>.',
  },
  STAFF_FORBIDDEN: { status: 403, message: 'Your staff role does not allow this.' },
  REASON_REQUIRED: {
    status: 400,
    message: 'Say why you are reading this account in the X-Access-Reason header (1 to 200 characters).',
  },
  REASON_INVALID: {
    status: 400,
    message:
      'The X-Access-Reason header must be 1 to 200 characters on one line, in plain ASCII (letters, digits, punctuation).',
  },
  ACCESS_NOT_RECORDED: {
    status: 503,
    message: 'The access could not be recorded, so nothing is shown. Please try again.',
  },
};

export interface ErrorMapping {
  /** HTTP status for each domain error code; unlisted codes answer 422. */
  domainStatus?: Record<string, number>;
}

export function toErrorResponse(
  exception: unknown,
  mapping: ErrorMapping,
  correlationId: string,
): { status: number; body: ErrorBody; unexpected: boolean } {
  if (exception instanceof ValidationFailedError) {
    return {
      status: 400,
      body: { error: { code: exception.code, message: exception.message, fields: exception.fields } },
      unexpected: false,
    };
  }
  if (exception instanceof DomainError) {
    const status = mapping.domainStatus?.[exception.code] ?? 422;
    const error: ErrorBody['error'] = { code: exception.code, message: exception.message };
    if (exception.fields) error.fields = exception.fields;
    return { status, body: { error }, unexpected: false };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    // Nest's own 404 quotes the path, which can hold an email or a member id: answer without it.
    const routeMissing = status === 404 && /^Cannot [A-Z]+ /.test(exception.message);
    // Nest raises the 415 for a body with no parser; say what to send, as for Fastify's own 415.
    const message = routeMissing
      ? 'No such route.'
      : status === 415
        ? describeClientError(415, undefined)
        : typeof response === 'object' &&
            response !== null &&
            'message' in response &&
            typeof response.message === 'string'
          ? response.message
          : exception.message;
    return {
      status,
      body: { error: { code: HTTP_CODES[status] ?? `HTTP_${status}`, message } },
      unexpected: false,
    };
  }
  const code = (exception as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && INFRA_CODES[code]) {
    const known = INFRA_CODES[code];
    return {
      status: known.status,
      body: { error: { code, message: known.message } },
      unexpected: known.status >= 500,
    };
  }
  // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a statusCode.
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const fastifyCode = (exception as { code?: unknown }).code;
    return {
      status: statusCode,
      body: {
        error: {
          code: HTTP_CODES[statusCode] ?? `HTTP_${statusCode}`,
          message: describeClientError(statusCode, typeof fastifyCode === 'string' ? fastifyCode : undefined),
        },
      },
      unexpected: false,
    };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: {
      error: {
        code: 'INTERNAL_ERROR',
        message: `Something went wrong on our side. If it happens again, quote reference ${correlationId}.`,
      },
    },
    unexpected: true,
  };
}

function describeClientError(status: number, code: string | undefined): string {
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return 'The request body is not valid JSON.';
  if (status === 413) return 'The request body is too large.';
  if (status === 415) return 'Send the request body as application/json.';
  // Fastify's messages can quote the request; say only what kind of problem it was.
  return 'The request could not be read.';
}

@Catch()
export class ErrorShapeFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly mapping: ErrorMapping = {},
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ id?: string; method?: string; routeOptions?: { url?: string } }>();
    const reply = http.getResponse<{ status(code: number): { send(body: unknown): void } }>();
    const correlationId = request.id ?? 'unknown';
    const { status, body, unexpected } = toErrorResponse(exception, this.mapping, correlationId);
    if (unexpected) {
      // The stack, not the message: a driver's message may quote values it was given.
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(
        {
          correlationId,
          errorName: err.name,
          // A damaged event row: where it is (never its content), so that it can be found and repaired.
          ...(isUnreadableEvent(err)
            ? { streamId: err.streamId, revision: err.revision.toString(), eventId: err.eventId }
            : {}),
          stack: err.stack?.split('\n').slice(1).join('\n'),
        },
        'unexpected error',
      );
    }
    reply.status(status).send(body);
  }
}
