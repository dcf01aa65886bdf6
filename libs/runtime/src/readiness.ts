/**
 * Readiness: each dependency that must answer before traffic is sent here
 * registers a check. Liveness is separate and only says the process runs.
 */
/** Throws when not ready; may answer details worth showing (a projector's lag). */
export type ReadinessCheck = () => Promise<void | Record<string, unknown>>;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; error?: string; [detail: string]: unknown }>;
}

export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private readonly closers: (() => void)[] = [];

  constructor(private readonly timeoutMs = 2000) {}

  /** `close` releases what the check holds open (a connection), at shutdown. */
  register(name: string, check: ReadinessCheck, close?: () => void): void {
    this.checks.set(name, check);
    if (close) this.closers.push(close);
  }

  close(): void {
    for (const close of this.closers.splice(0)) close();
  }

  async report(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          const details = await withTimeout(check(), this.timeoutMs, name);
          return [name, { ...(details ?? {}), ok: true }] as const;
        } catch (error) {
          // The message of a driver error can hold a connection string; report only its kind.
          return [name, { ok: false, error: error instanceof Error ? error.name : 'Error' }] as const;
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    return { ready: entries.every(([, r]) => r.ok), checks };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const e = new Error(`${name} did not answer within ${ms} ms`);
      e.name = 'TimeoutError';
      reject(e);
    }, ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
