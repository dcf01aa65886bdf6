import type { OpenAPIObject } from '@nestjs/swagger';
import {
  ADMIN,
  AUDIT,
  completeDocument,
  OFFICES,
  OPERATIONS,
  PORTAL,
  STAFF_SESSION,
  SUPPORT,
} from './contract';

export const API_DESCRIPTION =
  'Accounts for health-plan web portals: activation by mail, registration, log on with 2-step verification, ' +
  'password and username recovery; support and audit routes for plan staff. Every error has the shape ' +
  '`{ error: { code, message, fields? } }` (the `Error` component; each response lists the codes it can carry); ' +
  'every response carries `x-correlation-id`.';

/** The contract's tables, one per area (apps/api/src/contract). */
export const CONTRACT_TABLES = {
  portal: PORTAL,
  offices: OFFICES,
  support: SUPPORT,
  staff: STAFF_SESSION,
  audit: AUDIT,
  admin: ADMIN,
  operations: OPERATIONS,
};

/**
 * The document Nest derives from the routes, completed with every operation's answers. Throws when
 * a route has no declaration or a declaration names no route.
 */
export function completeApiDocument(document: OpenAPIObject): OpenAPIObject {
  return completeDocument(document, CONTRACT_TABLES);
}
