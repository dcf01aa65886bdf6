/**
 * `@portal/client`: a typed client for portal frontends, generated from the OpenAPI document the service
 * serves. Paths, bodies, answers and error codes are the document's, so a frontend built against it stops
 * compiling when the contract changes:
 *
 *   const api = createPortalClient({ baseUrl: 'https://accounts.example.org' });
 *   const { data, error } = await api.POST('/v1/login', { body: { username, password } });
 *   if (error) show(error.error.code); else continueWith(data.loginToken, data.secondFactor);
 *
 * May import only: no other lib (`.dependency-cruiser.cjs` enforces it); openapi-fetch.
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };
export type PortalClient = Client<paths>;
/** The error envelope every failing answer carries. */
export type ApiError = components['schemas']['Error'];
export type SessionGranted = components['schemas']['SessionGranted'];

export function createPortalClient(options: ClientOptions = {}): PortalClient {
  return createClient<paths>(options);
}

/** The Authorization header for a signed-in request: `api.GET('/v1/me', { headers: signedIn(token) })`. */
export function signedIn(sessionToken: string): { Authorization: string } {
  return { Authorization: `Bearer ${sessionToken}` };
}
