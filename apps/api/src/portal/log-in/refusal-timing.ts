/**
 * A refused login of a known account ends with its `LoginFailed` appended and
 * synced (one commit of the event store: 3–9 ms on the project's 2-core
 * machine, bench/RESULTS.md "Enumeration timing"); an unknown username has no
 * stream to record anything in. So that the answer's time does not tell the
 * two apart, the unknown username's refusal waits as long as known refusals
 * typically spent besides their argon2 check: the median of the latest ones.
 * Registration and the activation-code request use it the same way: the answer
 * that makes nothing waits as long as the typical one that makes an account.
 */
export class RefusalTiming {
  private readonly samples: number[] = [];
  private next = 0;

  constructor(
    /** How many recent refusals the median is taken over. */
    private readonly window = 101,
    /** Longest wait: a stalled event store must not hold every unknown username's answer. */
    private readonly maxMs = 100,
  ) {}

  /** What a known account's refusal spent besides checking the password, in ms. */
  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    if (this.samples.length < this.window) this.samples.push(ms);
    else this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.window;
  }

  /** The median of the recorded refusals (0 before the first), at most `maxMs`. */
  typicalMs(): number {
    if (this.samples.length === 0) return 0;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return Math.min(this.maxMs, sorted[Math.floor(sorted.length / 2)]);
  }

  /** Waits out what is left of the typical time, given what this refusal already spent besides its hash. */
  async padUnknown(spentMs: number): Promise<void> {
    const rest = this.typicalMs() - spentMs;
    if (rest >= 1) await new Promise((resolve) => setTimeout(resolve, Math.round(rest)));
  }
}
