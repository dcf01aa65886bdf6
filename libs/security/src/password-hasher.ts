/**
 * argon2id for passwords and security answers. The hashes run on libuv's pool;
 * a semaphore keeps them from taking every pool thread (file and DNS work share
 * it), so cheap routes never queue behind a burst of logins.
 */
import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import { Semaphore } from './semaphore';

export interface Argon2Params {
  /** KiB. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's minimum for argon2id: 19 MiB, 2 passes, 1 lane (DESIGN.md "Security rules"). */
export const DEFAULT_ARGON2: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Longer inputs are refused before any hashing, so a 1 MB "password" costs nothing. */
export const MAX_SECRET_BYTES = 1024;

export class SecretTooLongError extends Error {
  readonly code = 'SECRET_TOO_LONG';
  constructor() {
    super(`A password or answer may be at most ${MAX_SECRET_BYTES} bytes`);
    this.name = 'SecretTooLongError';
  }
}

export class PasswordHasher {
  private readonly gate: Semaphore;
  private dummy: Promise<string> | undefined;

  constructor(
    private readonly params: Argon2Params = DEFAULT_ARGON2,
    concurrency = availableParallelism(),
  ) {
    this.gate = new Semaphore(concurrency);
  }

  hash(secret: string): Promise<string> {
    this.checkLength(secret);
    return this.gate.run(() => argon2.hash(secret, { type: argon2.argon2id, ...this.params }));
  }

  /** False for a wrong secret and for a malformed hash (never throws on a stored value). */
  verify(hash: string, secret: string): Promise<boolean> {
    this.checkLength(secret);
    return this.gate.run(() => argon2.verify(hash, secret).catch(() => false));
  }

  /**
   * Costs what a real verify costs, and is always false: for unknown accounts, so
   * that "no such user" takes as long as "wrong password".
   */
  async verifyAgainstDummy(secret: string): Promise<false> {
    this.dummy ??= argon2.hash('dummy password for timing', { type: argon2.argon2id, ...this.params });
    await this.verify(await this.dummy, secret.slice(0, MAX_SECRET_BYTES));
    return false;
  }

  /**
   * Checks one secret against whatever hash the caller finds, remembering each answer:
   * a command pipeline decides again after another instance's append, usually on the
   * same stored hash, and running argon2 again each time kept every retry as slow as
   * the first (instances racing on one account could use up their attempts). No hash:
   * the dummy check, always false.
   */
  checker(secret: string): (hash: string | undefined) => Promise<boolean> {
    const answers = new Map<string, Promise<boolean>>();
    return (hash) => {
      const key = hash ?? '';
      let answer = answers.get(key);
      if (!answer) {
        answer = hash === undefined ? this.verifyAgainstDummy(secret) : this.verify(hash, secret);
        answers.set(key, answer);
      }
      return answer;
    };
  }

  /**
   * True when the hash was made with weaker parameters than today's (less memory or
   * fewer passes, an older argon2 version, not argon2id, or not argon2 at all): rehash
   * it at the next successful login. A stronger hash is kept (argon2's own
   * `needsRehash` asks for any difference, so lowering the settings would weaken hashes).
   */
  needsRehash(hash: string): boolean {
    const phc = /^\$(argon2(?:id|i|d))\$v=(\d+)\$([a-z0-9=,]+)\$/.exec(hash);
    if (!phc) return true;
    const [, type, version, list] = phc;
    const params = new Map(list.split(',').map((kv) => kv.split('=') as [string, string]));
    const number = (key: string) => Number(params.get(key) ?? NaN);
    return !(
      type === 'argon2id' &&
      Number(version) >= 0x13 &&
      number('m') >= this.params.memoryCost &&
      number('t') >= this.params.timeCost
    );
  }

  private checkLength(secret: string): void {
    if (Buffer.byteLength(secret, 'utf8') > MAX_SECRET_BYTES) throw new SecretTooLongError();
  }
}
