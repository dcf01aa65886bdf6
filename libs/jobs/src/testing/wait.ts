/** Helpers for tests that wait on background work: bounded polling and hand-released handlers. */

/** Polls `check` until it holds; fails naming `what` after `timeoutMs`. Never measures how long it took. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Promises a test opens by name: a handler awaits `wait(id)` until the test calls `open(id)`. */
export class Gates {
  private readonly gates = new Map<string, { promise: Promise<void>; open: () => void }>();

  wait(name: string): Promise<void> {
    return this.gate(name).promise;
  }

  open(name: string): void {
    this.gate(name).open();
  }

  openAll(): void {
    for (const gate of this.gates.values()) gate.open();
  }

  private gate(name: string) {
    let gate = this.gates.get(name);
    if (!gate) {
      let open!: () => void;
      const promise = new Promise<void>((resolve) => {
        open = resolve;
      });
      gate = { promise, open };
      this.gates.set(name, gate);
    }
    return gate;
  }
}
