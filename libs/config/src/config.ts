/**
 * The service's whole configuration, read from the environment once at start-up
 * and validated. Every wrong setting is reported at once, each by its name, and
 * the process stops (see apps/*\/main.ts). Nothing else reads process.env.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { dbNameFromUrl, mongoUrlProblem } from '@portal/documents';
import { kurrentDbUrlProblems } from './kurrentdb-url';
import { makeOwnerOnlyDir } from './files';
import { type PasskeySettings, readPasskeySettings } from './passkey-settings';
import { type PolicySettings, readPolicySettings } from './policy-settings';
import { readSsoSettings, type SsoSettings } from './sso-settings';

export type Role = 'api' | 'projector' | 'worker';
const ROLES: readonly Role[] = ['api', 'projector', 'worker'];

/** `cacheMiB`: the SQLite store's own page cache, its share of SQLITE_CACHE_MIB. */
export type EventStoreConfig =
  { kind: 'sqlite'; file: string; cacheMiB: number } | { kind: 'eventstoredb'; url: string };
export type ReadModelConfig =
  { kind: 'sqlite'; file: string; cacheMiB: number } | { kind: 'mongodb'; url: string };
/** `prefix`: BullMQ's key prefix (JOBS_PREFIX, default `bull`), so that deployments or test runs can share one Redis. */
export type JobsConfig = { kind: 'in-process' } | { kind: 'bullmq'; url: string; prefix?: string };
export type EmailConfig = { kind: 'outbox'; dir: string } | { kind: 'smtp'; url: string };
export type LettersConfig = { kind: 'outbox'; dir: string } | { kind: 'vendor'; url: string };

export interface AppConfig {
  /** `production` refuses generated secrets. */
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /**
   * The operations listener for Prometheus (`GET /metrics`), apart from the API's port so
   * that no portal user can read it: METRICS_HOST (127.0.0.1) and METRICS_PORT (9464; 0: none).
   */
  metrics: { host: string; port: number };
  /**
   * TRUST_PROXY: addresses and CIDRs of the reverse proxies whose X-Forwarded-For names the
   * client. Empty: the peer's own address is the client's, and the header is ignored.
   */
  trustProxy: string[];
  /**
   * CORS_ORIGINS: the exact origins (`https://portal.example.org`) whose browser pages may call the
   * API from another origin. Empty: no CORS headers at all, and a preflight is answered 404.
   */
  corsOrigins: string[];
  dataDir: string;
  /** Which parts this process runs; `npm start` runs all three. */
  roles: ReadonlySet<Role>;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  eventStore: EventStoreConfig;
  readModels: ReadModelConfig;
  jobs: JobsConfig;
  email: EmailConfig & { from: string };
  letters: LettersConfig;
  /** The member roster (eligibility source): a CSV file in embedded mode; the demo roster unless ROSTER_FILE is set. */
  rosterFile: string;
  /**
   * Requests per client IP per minute on each route kind, per account (username,
   * email, member id or token) per minute on routes that check a credential, and per
   * account per hour on routes that send a message. 0 turns a limit off.
   */
  rateLimits: { perIpPerMinute: number; perAccountPerMinute: number; messagesPerAccountPerHour: number };
  /** STAFF_CREDENTIAL_DAYS (90): days a staff token works after it is issued or rotated. */
  staffCredentialDays: number;
  /**
   * Staff console sessions (cookie): ended after STAFF_SESSION_IDLE_SECONDS without a request
   * (900) and STAFF_SESSION_ABSOLUTE_SECONDS after sign-in (28800), whichever comes first.
   */
  staffSessions: { idleSeconds: number; absoluteSeconds: number };
  /** What members read in emails and letters. */
  plan: { name: string; supportPhone: string; portalUrl: string };
  secrets: {
    /** Keys reservation stream names and code hashes (HMAC-SHA256). */
    hmacKey: Buffer;
    /** Wraps each account's personal-data key (AES-256-GCM). */
    masterKey: Buffer;
    /**
     * Master keys being rotated out: they only unwrap data keys not yet re-wrapped
     * under masterKey (`npm run keys -- rewrap`). Empty when no rotation is under way.
     */
    previousMasterKeys: Buffer[];
  };
  /** The account policy's settings (policy-settings.ts): only what is set; the seed's default for the rest. */
  policy: PolicySettings;
  /** Passkeys: WEBAUTHN_RP_ID, WEBAUTHN_ORIGINS, PASSKEY_PASSWORDLESS, native apps (passkey-settings.ts). */
  passkeys: PasskeySettings;
  /** Staff console single sign-on (OpenID Connect), OIDC_* (sso-settings.ts); undefined: off. */
  sso: SsoSettings | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEFAULT_PORTAL_URL = 'https://members.example.com';

/**
 * @param env usually process.env
 * @param defaults where the demo roster lives when ROSTER_FILE is unset
 */
export function loadConfig(env: Env, defaults: { rosterFile?: string } = {}): AppConfig {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };

  const nodeEnv = str('NODE_ENV') ?? 'development';
  let appEnv: AppConfig['env'] = 'development';
  if (nodeEnv === 'production' || nodeEnv === 'test' || nodeEnv === 'development') appEnv = nodeEnv;
  else problems.push(`NODE_ENV must be development, test or production (got ${JSON.stringify(nodeEnv)})`);

  const port = parsePort(str('PORT') ?? '3000');
  if (port === undefined)
    problems.push(`PORT must be an integer from 0 to 65535 (got ${JSON.stringify(env.PORT)})`);
  const host = str('HOST') ?? '127.0.0.1';

  const metricsPort = parsePort(str('METRICS_PORT') ?? '9464');
  if (metricsPort === undefined)
    problems.push(
      `METRICS_PORT must be an integer from 0 (no metrics listener) to 65535 (got ${JSON.stringify(env.METRICS_PORT)})`,
    );
  else if (metricsPort !== 0 && metricsPort === port)
    problems.push(`METRICS_PORT must differ from PORT (both are ${port})`);
  const metricsHost = str('METRICS_HOST') ?? '127.0.0.1';

  const trustProxy: string[] = [];
  (str('TRUST_PROXY') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .forEach((entry, i, all) => {
      if (entry === '' && all.length === 1) return;
      if (isAddressOrCidr(entry)) trustProxy.push(entry);
      else
        problems.push(
          `TRUST_PROXY entry ${i + 1} must be an IP address or a CIDR such as 10.0.0.0/8 (got ${JSON.stringify(entry)})`,
        );
    });

  const corsOrigins: string[] = [];
  (str('CORS_ORIGINS') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .forEach((entry, i, all) => {
      if (entry === '' && all.length === 1) return;
      if (isExactOrigin(entry)) corsOrigins.push(entry);
      else
        problems.push(
          `CORS_ORIGINS entry ${i + 1} must be an exact origin such as https://portal.example.org ` +
            `(scheme, host and port only, no path or wildcard) (got ${JSON.stringify(entry)})`,
        );
    });

  const dataDir = resolve(str('DATA_DIR') ?? './data');

  const roles = new Set<Role>();
  for (const r of (str('ROLES') ?? ROLES.join(',')).split(',').map((s) => s.trim())) {
    if ((ROLES as readonly string[]).includes(r)) roles.add(r as Role);
    else problems.push(`ROLES must list some of ${ROLES.join(', ')} (got ${JSON.stringify(r)})`);
  }

  const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
  const logLevelRaw = str('LOG_LEVEL') ?? 'info';
  const logLevel = logLevels.find((l) => l === logLevelRaw);
  if (!logLevel)
    problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')} (got ${JSON.stringify(logLevelRaw)})`);

  const url = (name: string, protocols: string[]): string | undefined => {
    const v = str(name);
    if (v === undefined) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(v);
    } catch {
      problems.push(`${name} is not a URL (expected ${protocols.map((p) => p + '//…').join(' or ')})`);
      return undefined;
    }
    if (!protocols.includes(parsed.protocol)) {
      problems.push(`${name} must start with ${protocols.join(' or ')} (got ${parsed.protocol})`);
      return undefined;
    }
    return v;
  };

  // Not a WHATWG URL when it lists several hosts (kurrentdb://n1:2113,n2:2113): the client's parser decides.
  const esUrl = str('EVENTSTORE_URL');
  if (esUrl !== undefined) problems.push(...kurrentDbUrlProblems('EVENTSTORE_URL', esUrl));
  const mongoUrl = mongoConnectionString('MONGO_URL');
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);
  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  const letterUrl = url('LETTER_VENDOR_URL', ['http:', 'https:']);
  const portalUrl = url('PORTAL_URL', ['http:', 'https:']);

  /**
   * A MongoDB connection string, checked by the driver's own parser (multi-host lists and
   * `mongodb+srv://` included; WHATWG URLs refuse `a:1,b:2`), without connecting. It must
   * name the database: the read models, sessions, data keys and roster all live there.
   */
  function mongoConnectionString(name: string): string | undefined {
    const v = str(name);
    if (v === undefined) return undefined;
    const problem = mongoUrlProblem(v);
    if (problem) {
      problems.push(`${name} ${problem}`);
      return undefined;
    }
    const db = dbNameFromUrl(v);
    if (db === undefined) {
      problems.push(
        `${name} must name its database (mongodb://host:27017/portal?replicaSet=rs0): the read models, ` +
          'sessions, data keys and roster all live there',
      );
      return undefined;
    }
    // MongoDB's own rule for database names (the driver leaves it to the server's first reply).
    if (/[/\\. "$\0]/.test(db) || Buffer.byteLength(db) >= 64) {
      problems.push(
        `${name} names the database ${JSON.stringify(db)}, which MongoDB refuses ` +
          '(no /, \\, ., space, " or $, and under 64 bytes)',
      );
      return undefined;
    }
    return v;
  }

  const count = (name: string, fallback: number): number => {
    const v = str(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v)) {
      problems.push(`${name} must be a whole number, 0 for no limit (got ${JSON.stringify(v)})`);
      return fallback;
    }
    return Number(v);
  };
  const staffDays = str('STAFF_CREDENTIAL_DAYS') ?? '90';
  const staffCredentialDays = /^\d+$/.test(staffDays) && Number(staffDays) >= 1 ? Number(staffDays) : 90;
  if (staffCredentialDays !== Number(staffDays))
    problems.push(
      `STAFF_CREDENTIAL_DAYS must be a whole number of days, at least 1 (got ${JSON.stringify(staffDays)})`,
    );

  const rateLimits = {
    perIpPerMinute: count('RATE_LIMIT_IP_PER_MINUTE', 60),
    perAccountPerMinute: count('RATE_LIMIT_ACCOUNT_PER_MINUTE', 10),
    messagesPerAccountPerHour: count('RATE_LIMIT_MESSAGES_PER_HOUR', 10),
  };

  // The embedded stores' page caches (process memory): a third for the event store, the rest
  // for the read models. Smaller saves memory and costs reads at large sizes (bench/RESULTS.md).
  const sqliteCacheRaw = str('SQLITE_CACHE_MIB') ?? '96';
  const sqliteCacheMiB = Number(sqliteCacheRaw);
  if (!/^\d+$/.test(sqliteCacheRaw) || sqliteCacheMiB < 3)
    problems.push(
      `SQLITE_CACHE_MIB must be a whole number of at least 3 (got ${JSON.stringify(sqliteCacheRaw)})`,
    );
  const eventsCacheMiB = Math.max(1, Math.round(sqliteCacheMiB / 3));

  const jobsPrefix = str('JOBS_PREFIX');
  if (jobsPrefix !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(jobsPrefix))
    problems.push('JOBS_PREFIX must be 1 to 64 letters, digits, "_" or "-"');

  const outbox = join(dataDir, 'outbox');
  const rosterFile = str('ROSTER_FILE') ?? defaults.rosterFile ?? join(dataDir, 'roster.csv');

  const secrets = {
    hmacKey: secret('HMAC_KEY'),
    masterKey: secret('MASTER_KEY'),
    previousMasterKeys: keyList('MASTER_KEYS_PREVIOUS'),
  };

  function secret(name: string): Buffer {
    const v = str(name);
    if (v !== undefined) {
      const b = Buffer.from(v, 'base64');
      if (b.length !== 32) problems.push(`${name} must be 32 bytes in base64 (got ${b.length} bytes)`);
      return b;
    }
    if (appEnv === 'production') {
      problems.push(`${name} is required in production (32 random bytes in base64)`);
      return Buffer.alloc(0);
    }
    return Buffer.alloc(0); // filled from DATA_DIR/secrets.json below
  }

  /** Comma-separated base64 keys; a problem names the entry by position, never by value. */
  function keyList(name: string): Buffer[] {
    const v = str(name);
    if (v === undefined) return [];
    return v.split(',').flatMap((entry, i) => {
      const b = Buffer.from(entry.trim(), 'base64');
      if (b.length !== 32) {
        problems.push(`${name} entry ${i + 1} must be 32 bytes in base64 (got ${b.length} bytes)`);
        return [];
      }
      return [b];
    });
  }

  const policy = readPolicySettings(str, problems);
  const passkeys = readPasskeySettings(str, problems, portalUrl ?? DEFAULT_PORTAL_URL);
  const sso = readSsoSettings(str, problems);

  if (problems.length > 0) throw new ConfigError(problems);

  if (secrets.hmacKey.length === 0 || secrets.masterKey.length === 0) {
    const dev = developmentSecrets(dataDir);
    if (secrets.hmacKey.length === 0) secrets.hmacKey = dev.hmacKey;
    if (secrets.masterKey.length === 0) secrets.masterKey = dev.masterKey;
  }

  return {
    env: appEnv,
    host,
    port: port!,
    metrics: { host: metricsHost, port: metricsPort! },
    trustProxy,
    corsOrigins,
    dataDir,
    roles,
    logLevel: logLevel!,
    eventStore: esUrl
      ? { kind: 'eventstoredb', url: esUrl }
      : { kind: 'sqlite', file: join(dataDir, 'events.sqlite'), cacheMiB: eventsCacheMiB },
    readModels: mongoUrl
      ? { kind: 'mongodb', url: mongoUrl }
      : {
          kind: 'sqlite',
          file: join(dataDir, 'read-models.sqlite'),
          cacheMiB: sqliteCacheMiB - eventsCacheMiB,
        },
    jobs: redisUrl
      ? { kind: 'bullmq', url: redisUrl, ...(jobsPrefix ? { prefix: jobsPrefix } : {}) }
      : { kind: 'in-process' },
    email: {
      ...(smtpUrl ? { kind: 'smtp' as const, url: smtpUrl } : { kind: 'outbox' as const, dir: outbox }),
      from: str('MAIL_FROM') ?? 'Member Portal <noreply@portal.example>',
    },
    letters: letterUrl ? { kind: 'vendor', url: letterUrl } : { kind: 'outbox', dir: outbox },
    rosterFile: isAbsolute(rosterFile) ? rosterFile : resolve(rosterFile),
    rateLimits,
    staffCredentialDays,
    staffSessions: {
      idleSeconds: Math.max(1, count('STAFF_SESSION_IDLE_SECONDS', 900)),
      absoluteSeconds: Math.max(1, count('STAFF_SESSION_ABSOLUTE_SECONDS', 28_800)),
    },
    plan: {
      name: str('PLAN_NAME') ?? 'Example Health Plan',
      supportPhone: str('SUPPORT_PHONE') ?? '1-800-555-0100',
      portalUrl: portalUrl ?? DEFAULT_PORTAL_URL,
    },
    secrets,
    policy,
    passkeys,
    sso,
  };
}

/** `10.0.0.1`, `10.0.0.0/8`, `::1` or `fd00::/8`: what Fastify's trustProxy (proxy-addr) accepts, minus names. */
function isAddressOrCidr(entry: string): boolean {
  const slash = entry.indexOf('/');
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const family = isIP(address);
  if (family === 0) return false;
  if (slash === -1) return true;
  const bits = entry.slice(slash + 1);
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * What a browser sends in its Origin header, written the same way: http(s), lower-case host, no
 * default port, no path or trailing slash. Compared as a string, so anything else would never match.
 */
function isExactOrigin(entry: string): boolean {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return false;
  }
  // The URL parser takes `https://*.example.org` as a host name; no browser sends it.
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === entry && !entry.includes('*')
  );
}

function parsePort(v: string): number | undefined {
  if (!/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n <= 65535 ? n : undefined;
}

/**
 * Outside production a fresh machine must start with nothing set, yet reservation
 * keys and wrapped data keys must survive a restart: so the secrets are made once
 * and kept beside the data they protect, readable by the owner only.
 */
function developmentSecrets(dataDir: string): { hmacKey: Buffer; masterKey: Buffer } {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { hmacKey: string; masterKey: string };
    return {
      hmacKey: Buffer.from(parsed.hmacKey, 'base64'),
      masterKey: Buffer.from(parsed.masterKey, 'base64'),
    };
  }
  makeOwnerOnlyDir(dataDir);
  const made = { hmacKey: randomBytes(32), masterKey: randomBytes(32) };
  try {
    writeFileSync(
      file,
      JSON.stringify({
        hmacKey: made.hmacKey.toString('base64'),
        masterKey: made.masterKey.toString('base64'),
      }),
      { mode: 0o600, flag: 'wx' },
    );
  } catch (error) {
    // Another process (api, projector, worker started together) wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return developmentSecrets(dataDir);
    throw error;
  }
  return made;
}

/** A one-line description of which adapter serves each port, for the start-up log (no secrets, no credentials). */
export function describeAdapters(config: AppConfig): Record<string, string> {
  return {
    eventStore: config.eventStore.kind,
    readModels: config.readModels.kind,
    jobs: config.jobs.kind,
    mail: config.email.kind,
    letters: config.letters.kind,
  };
}
