/**
 * Keeps one lease of the document store for this process, so that of several
 * processes started with the same role (a rolling deploy, a second replica) one is
 * active and the others wait on standby and take over when its lease expires.
 *
 * Every `renewEveryMs` the keeper takes or renews the lease. On taking it, it calls
 * `onAcquired` with the fence (the lease's token) that the active work passes with
 * its writes; when the lease is found held by another, or cannot be renewed before
 * it expires (the store unreachable: another process may take it then), it calls
 * `onLost`, and the work stops. A paused holder that wakes up after a takeover has
 * its fenced writes refused by the store, before the keeper even notices.
 *
 * A process killed with -9 leaves its lease held until it expires. A restart on the
 * same host recognises its dead predecessor (same host, and a pid that is gone or is
 * its own, as in a container restarted in place) and takes over at once.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DocumentStore, Fence, Lease } from '@portal/documents';
import type { Logger } from '@portal/observability';

export interface LeaseKeeperOptions {
  /** How long a lease lasts without renewal: how long a standby waits after its holder died elsewhere. */
  ttlMs?: number;
  /** How often the lease is renewed or tried; a third of the TTL at most. */
  renewEveryMs?: number;
  /** Tests: this process's holder id. */
  holder?: string;
  now?: () => number;
}

export interface LeaseWork {
  /** Starts the work that needs the lease; its writes carry `fence`. */
  onAcquired(fence: Fence): Promise<void>;
  /** Stops it: the lease is lost or released. */
  onLost(): Promise<void>;
}

export type LeaseState = 'starting' | 'active' | 'standby' | 'stopped';

export const DEFAULT_LEASE_TTL_MS = 15_000;

/** `host/pid/random`: unique per run, and telling a restart on the same host its dead predecessor. */
export function leaseHolderId(): string {
  return `${hostname()}/${process.pid}/${randomUUID()}`;
}

/** The holders of the keepers running in this process (a test may boot two apps in one). */
const liveHolders = new Set<string>();

/** A holder id written by a run of this process that is no longer alive on this host. */
export function isDeadLocalHolder(holder: string, self: string): boolean {
  const [host, pidText] = holder.split('/');
  if (holder === self || host !== hostname()) return false;
  const pid = Number(pidText);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  // Our own pid: an earlier run of a process restarted in place (pid 1 in a container), unless a keeper here holds it.
  if (pid === process.pid) return !liveHolders.has(holder);
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export class LeaseKeeper {
  readonly holder: string;
  state: LeaseState = 'starting';
  lease?: Lease;
  /** Why the last attempt failed (the store unreachable), until one succeeds. */
  failure?: string;
  private timer?: NodeJS.Timeout;
  private chain: Promise<void> = Promise.resolve();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly docs: DocumentStore,
    readonly name: string,
    private readonly work: LeaseWork,
    private readonly logger: Logger,
    private readonly options: LeaseKeeperOptions = {},
  ) {
    this.holder = options.holder ?? leaseHolderId();
    this.ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** Tries once (the work starts before this resolves when the lease is free), then keeps trying. */
  async start(): Promise<void> {
    liveHolders.add(this.holder);
    await this.tick();
    const every = this.options.renewEveryMs ?? Math.floor(this.ttlMs / 3);
    this.timer = setInterval(() => void this.tick().catch(() => undefined), every);
    this.timer.unref();
  }

  /** Stops the work, then frees the lease for a standby at once. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    liveHolders.delete(this.holder);
    await this.serial(async () => {
      const wasActive = this.state === 'active';
      this.state = 'stopped';
      if (!wasActive) return;
      await this.work.onLost();
      await this.docs.releaseLease(this.name, this.holder).catch(() => undefined);
    });
  }

  /** One attempt to take or renew; also what tests call instead of waiting for the timer. */
  tick(): Promise<void> {
    return this.serial(async () => {
      if (this.state === 'stopped') return;
      let lease: Lease | undefined;
      try {
        const held = this.state === 'active' ? undefined : await this.docs.getLease(this.name);
        const replacing = held && isDeadLocalHolder(held.holder, this.holder) ? held.holder : undefined;
        lease = await this.docs.acquireLease(this.name, this.holder, this.ttlMs, {
          now: this.now(),
          ...(replacing ? { replacing } : {}),
        });
        this.failure = undefined;
      } catch (error) {
        this.failure = (error as Error).name || 'Error';
        this.logger.warn({ lease: this.name, errorName: this.failure }, 'lease could not be renewed');
        // Past its expiry another process may hold it: stop writing.
        if (this.state === 'active' && this.lease && this.now() >= this.lease.expiresAt) await this.lose();
        return;
      }
      if (lease) {
        const taken = this.state !== 'active';
        this.lease = lease;
        if (!taken) return;
        this.state = 'active';
        this.logger.info({ lease: this.name, token: lease.token }, 'lease taken: this process is active');
        try {
          await this.work.onAcquired({ lease: this.name, token: lease.token });
        } catch (error) {
          // Not started: give the lease back so that another process (or the next attempt) starts it.
          this.failure = (error as Error).name || 'Error';
          this.logger.error(
            { lease: this.name, errorName: this.failure },
            'work could not start; lease released',
          );
          this.state = 'standby';
          await this.work.onLost().catch(() => undefined);
          await this.docs.releaseLease(this.name, this.holder).catch(() => undefined);
        }
        return;
      }
      if (this.state === 'active') await this.lose();
      else this.state = 'standby';
    });
  }

  private async lose(): Promise<void> {
    this.state = 'standby';
    this.logger.warn({ lease: this.name }, 'lease lost: this process stops its work and waits on standby');
    await this.work.onLost();
  }

  private serial(fn: () => Promise<void>): Promise<void> {
    const run = this.chain.then(fn);
    this.chain = run.catch((error: Error) =>
      this.logger.error({ lease: this.name, errorName: error.name }, 'lease work failed to start or stop'),
    );
    return run;
  }
}
