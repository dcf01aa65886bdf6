/**
 * The accounts layer is one per process, provided by CoreModule (libs/runtime), so
 * the API, the worker and the reactor share its vault and sessions. Handlers
 * inject it by this token.
 */
export { ACCOUNTS } from '@portal/runtime';
