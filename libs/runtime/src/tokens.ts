/** Injection tokens for what every app shares. Route by token, never by class, so adapters stay swappable. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const LOGGER = Symbol('LOGGER');
export const METRICS = Symbol('METRICS');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READINESS = Symbol('READINESS');
/** The application layer around the Account decider (libs/accounts). */
export const ACCOUNTS = Symbol('ACCOUNTS');
/** The vault `ACCOUNTS` seals with (libs/vault): for codecs that read events themselves. */
export const VAULT = Symbol('VAULT');
/** The plan's member roster `ACCOUNTS` looks members up in (libs/roster). */
export const ROSTER = Symbol('ROSTER');
/** The argon2 hasher `ACCOUNTS` hashes and checks passwords with (libs/security). */
export const PASSWORD_HASHER = Symbol('PASSWORD_HASHER');
/**
 * The staff console's session store (the members' SessionStore port, staff timeouts):
 * shared by every API instance, so a console session works on any of them.
 */
export const STAFF_SESSION_STORE = Symbol('STAFF_SESSION_STORE');
/** The jobs port (libs/jobs); provided only to processes that run the projector or the worker. */
export const JOB_QUEUE = Symbol('JOB_QUEUE');
/** The rate limiter (libs/ratelimit): Redis when REDIS_URL is set, else in the process. */
export const RATE_LIMITER = Symbol('RATE_LIMITER');
/** The read models' document store (libs/documents): SQLite in DATA_DIR, or MongoDB when MONGO_URL is set. */
export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
/** The read models' queries and projections (libs/read-models) over DOCUMENT_STORE. */
export const READ_MODELS = Symbol('READ_MODELS');
