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
  private readonly samples: RecentMedian;
  /** How late the pad's timer fired (a busy event loop fires it late): subtracted from the next pads. */
  private readonly lateness: RecentMedian;

  constructor(
    /** How many recent refusals the median is taken over. */
    window = 101,
    /** Longest wait: a stalled event store must not hold every unknown username's answer. */
    private readonly maxMs = 100,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.samples = new RecentMedian(window);
    this.lateness = new RecentMedian(window);
  }

  /** What a known account's refusal spent besides checking the password, in ms. */
  record(ms: number): void {
    this.samples.add(ms);
  }

  /** The median of the recorded refusals (0 before the first), at most `maxMs`. */
  typicalMs(): number {
    return Math.min(this.maxMs, this.samples.median());
  }

  /**
   * Waits out what is left of the typical time, given what this refusal already spent besides its hash. A
   * timer fires late on a busy machine (by several ms under load), always late, never early: without
   * allowing for it the padded answer came out slower than the one it imitates (bench/RESULTS.md).
   */
  async padUnknown(spentMs: number): Promise<void> {
    const rest = Math.round(this.typicalMs() - spentMs - this.lateness.median());
    if (rest < 1) return;
    const from = this.now();
    await new Promise((resolve) => setTimeout(resolve, rest));
    this.lateness.add(this.now() - from - rest);
  }
}

/** The median of the latest `size` values (0 before the first). */
class RecentMedian {
  private readonly values: number[] = [];
  private next = 0;

  constructor(private readonly size: number) {}

  add(value: number): void {
    if (!Number.isFinite(value) || value < 0) return;
    if (this.values.length < this.size) this.values.push(value);
    else this.values[this.next] = value;
    this.next = (this.next + 1) % this.size;
  }

  median(): number {
    if (this.values.length === 0) return 0;
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }
}
