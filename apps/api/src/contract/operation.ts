/**
 * The contract as data: what each operation answers, declared beside the routes rather than in
 * their decorators, and applied to the document Nest derives from the routes (see README, "The API
 * contract"). One table per area; `completeDocument` refuses a route without a declaration and a
 * declaration without a route, so the tables and the controllers cannot drift apart silently.
 */
import type { OpenAPIObject } from '@nestjs/swagger';

/** A JSON Schema (OpenAPI 3.0 dialect) or a `$ref` to a component. */
export type Schema = Record<string, unknown>;

export interface Success {
  status: number;
  description: string;
  /** The body's schema; none for 204. */
  schema?: Schema;
  /** `application/json` unless said. */
  contentType?: string;
  example?: unknown;
}

/**
 * One operation's answers. What the route's guards and inputs imply is added from the derived document
 * (security, parameters, request body, 429): 400 VALIDATION_FAILED for inputs, 401/403 for the guard,
 * 413/415 for a body, 429 with Retry-After, 503 while the service stops. `errors` lists the rest by status.
 */
export interface Operation {
  success: Success;
  /** Error codes by HTTP status, beyond those the guards and inputs imply. */
  errors?: Record<number, readonly string[]>;
  /** Answers other than the success and the error envelope (a readiness report's 503); merged with any error codes. */
  also?: Success[];
  /** A route the session guard lets through before a forced password change. */
  beforePasswordChange?: boolean;
}

/** Keyed by `METHOD /path` as in the document: `POST /v1/login`, `GET /v1/support/accounts/{accountId}`. */
export type Table = Record<string, Operation>;

export type Document = OpenAPIObject;
